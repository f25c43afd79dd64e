"""Query counts stay the same as schedules and entries grow."""

import datetime

import pytest

from tests.factories import MONDAY
from tests.families import ScheduleEntry
from tests.queries import count_page_queries


def count(client, url, expected_status=200):
    """(cold, warm) query counts: see ``tests.queries``."""
    return count_page_queries(client, url, expected_status)


def test_schedule_page_and_print_view(client, make_schedule, leader):
    small = make_schedule(entries=2, leader=leader)
    large = make_schedule(start=MONDAY + datetime.timedelta(days=7), entries=60, leader=leader)
    client.get(small.url)  # warm the site caches
    for suffix in ("", "print/", "ical/"):
        n_small, _ = count(client, small.url + suffix)
        n_large, response = count(client, large.url + suffix)
        assert n_small == n_large, (suffix, n_small, n_large)
    assert response.content.count(b"BEGIN:VEVENT") == 60


@pytest.mark.slow
def test_index_archive_and_feeds_as_weeks_grow(client, make_schedule, schedule_index, leader):
    # 1 week, then 12 on 3 pages of the index (5 a page): a query per week or per entry shows
    # as it did with a year of weeks, in a quarter of the time.
    schedule_index.per_page = 5
    schedule_index.save_revision().publish()
    make_schedule(entries=3, leader=leader)
    client.get(schedule_index.url)
    small = {
        url: count(client, url)[0]
        for url in (
            schedule_index.url,
            schedule_index.url + "archive/2015/",
            schedule_index.url + "ical/?all=1",
            f"{schedule_index.url}leader/{leader.pk}/",
            f"{schedule_index.url}leader/{leader.pk}/ical/?all=1",
        )
    }
    for week in range(1, 12):
        make_schedule(start=MONDAY + datetime.timedelta(days=7 * week), entries=5, leader=leader)
    large = {url: count(client, url)[0] for url in small}
    assert small == large
    _, response = count(client, schedule_index.url + "ical/?all=1")
    assert response.content.count(b"BEGIN:VEVENT") == 3 + 11 * 5
    last = client.get(schedule_index.url + "?page=3").content.decode()
    assert 'href="?page=2"' in last and "?page=4" not in last  # 12 weeks, 5 a page


def test_api_endpoints(client, make_schedule, leader):
    first = make_schedule(entries=2, leader=leader)
    urls = [
        "/api/v2/schedules/",
        "/api/v2/schedules/?fields=*",
        f"/api/v2/schedules/{first.pk}/",
        "/api/v2/schedules/covering/?date=2015-08-04",
        "/api/v2/schedules/entries/?from=2015-08-01&to=2016-07-31",
    ]
    client.get(urls[0])  # warm the site caches
    small = {url: count(client, url)[0] for url in urls}
    page = first.get_latest_revision_as_object()
    page.entries = [
        *page.entries.all(),
        *(
            ScheduleEntry(date=MONDAY, content=f"Thêm {n}", leader=leader, sort_order=10 + n)
            for n in range(40)
        ),
    ]
    page.save_revision().publish()
    for week in range(1, 8):
        make_schedule(start=MONDAY + datetime.timedelta(days=7 * week), entries=6, leader=leader)
    large = {url: count(client, url)[0] for url in urls}
    assert small == large
    _, response = count(client, "/api/v2/schedules/entries/?from=2015-08-01&to=2016-07-31")
    assert response.json()["meta"]["total_count"] == 42 + 7 * 6
