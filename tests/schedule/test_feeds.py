"""iCal feeds, "this week", the API, and what must never leak: drafts and private schedules."""

import datetime

import icalendar
import pytest
import time_machine
from django.utils import timezone

from tests.factories import MONDAY
from tests.families import ScheduleEntry
from tests.html import soup
from wagtail_ward.dates import ward_timezone


def frozen(date, hour=10):
    """Stop the clock at ``date``, ``hour`` o'clock in Vietnam."""
    moment = datetime.datetime.combine(date, datetime.time(hour), tzinfo=ward_timezone())
    return time_machine.travel(moment.astimezone(datetime.UTC), tick=False)


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def test_index_feed_parses_with_zone_and_stable_uids(client, make_schedule, schedule_index):
    page = make_schedule(entries=4)
    make_schedule(start=MONDAY + datetime.timedelta(days=7), entries=2)
    # These weeks are years old: the full archive (?all=1) has them (test_ical_window.py).
    response = client.get(schedule_index.url + "ical/?all=1")
    calendar = icalendar.Calendar.from_ical(response.content)
    zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
    assert zones == ["Asia/Ho_Chi_Minh"]
    found = events(response)
    assert len(found) == 6
    first = min(found, key=lambda e: e["DTSTART"].dt)
    assert first["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert first["DTSTART"].dt == datetime.datetime(2015, 8, 3, 7, 30, tzinfo=ward_timezone())
    uids_before = {str(e["UID"]) for e in found}

    # An unrelated edit: a notice and one entry's location.
    draft = page.get_latest_revision_as_object()
    draft.notice = "Lịch này thay thư mời họp"
    entries = list(draft.entries.all())
    entries[0].location = "Phòng họp số 2"
    draft.entries = entries
    draft.save_revision().publish()
    uids_after = {str(e["UID"]) for e in events(client.get(schedule_index.url + "ical/?all=1"))}
    assert uids_before == uids_after
    assert len(uids_after) == 6


def test_schedule_ics_and_leader_feed(client, make_schedule, schedule_index, leader):
    led = make_schedule(entries=3, leader=leader)
    make_schedule(start=MONDAY + datetime.timedelta(days=7), entries=2)
    assert len(events(client.get(led.url + "ical/"))) == 3
    leader_feed = events(client.get(f"{schedule_index.url}leader/{leader.pk}/ical/?all=1"))
    assert len(leader_feed) == 3
    assert all("Nguyễn Văn A" in str(e["DESCRIPTION"]) for e in leader_feed)
    assert client.get(f"{schedule_index.url}leader/999999/ical/").status_code == 404
    # The week page links each leader to the leader's own page, which lists the entries.
    link = f'href="{schedule_index.url}leader/{leader.pk}/"'
    assert client.get(led.url).content.decode().count(link) == 3
    assert client.get(f"{schedule_index.url}leader/{leader.pk}/").status_code == 200


def test_drafts_and_private_schedules_never_leak(client, make_schedule, schedule_index):
    public = make_schedule(entries=2)
    draft = make_schedule(start=MONDAY + datetime.timedelta(days=7), entries=3, publish=False)
    private = make_schedule(start=MONDAY + datetime.timedelta(days=14), entries=4, private=True)
    # A live schedule with an unpublished change: only the published entries show.
    changed = public.get_latest_revision_as_object()
    changed.entries = [*changed.entries.all(), ScheduleEntry(date=MONDAY, content="Chưa xuất bản")]
    changed.save_revision()

    feed = events(client.get(schedule_index.url + "ical/?all=1"))
    assert len(feed) == 2
    assert "Chưa xuất bản" not in [str(e["SUMMARY"]) for e in feed]

    listing = client.get("/api/v2/schedules/").json()
    assert [item["id"] for item in listing["items"]] == [public.pk]
    assert client.get(f"/api/v2/schedules/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/schedules/{private.pk}/").status_code == 404
    ranged = client.get("/api/v2/schedules/entries/?from=2015-08-01&to=2015-08-31").json()
    assert ranged["meta"]["total_count"] == 2
    with frozen(MONDAY + datetime.timedelta(days=15)):
        assert client.get("/api/v2/schedules/covering/").status_code == 404
        response = client.get(schedule_index.url + "this-week/")
        assert response.status_code == 200
        assert "ward-schedule-none" in response.content.decode()
    index_html = client.get(schedule_index.url).content.decode()
    assert draft.title not in index_html and private.title not in index_html
    assert public.title in index_html


@pytest.mark.parametrize("offset", [0, 6])
def test_this_week_on_first_and_last_day(client, make_schedule, schedule_index, offset):
    previous = make_schedule(start=MONDAY - datetime.timedelta(days=7), entries=1)
    current = make_schedule(start=MONDAY, entries=1)
    following = make_schedule(start=MONDAY + datetime.timedelta(days=7), entries=1)
    assert {previous.pk, following.pk}.isdisjoint({current.pk})
    # 00:30 on the first day and 23:30 on the last, Vietnam time: the UTC date differs.
    hour = 0 if offset == 0 else 23
    with frozen(MONDAY + datetime.timedelta(days=offset), hour=hour):
        response = client.get(schedule_index.url + "this-week/")
    assert response.status_code == 302
    assert response["Location"].endswith(current.url)


def test_this_week_across_the_year_boundary(client, make_schedule, schedule_index):
    december = make_schedule(start=datetime.date(2015, 12, 21), entries=1)
    boundary = make_schedule(start=datetime.date(2015, 12, 28), entries=1)
    assert boundary.title == "Lịch công tác tuần 4 tháng 12 (từ 28/12/2015 đến 03/1/2016)"
    with frozen(datetime.date(2016, 1, 1), hour=6):
        # 23:00 on 31 December in UTC, already New Year's Day in Vietnam.
        assert timezone.now().year == 2015
        response = client.get(schedule_index.url + "this-week/")
        assert response["Location"].endswith(boundary.url)
        covering = client.get("/api/v2/schedules/covering/").json()
        assert covering["id"] == boundary.pk
    with frozen(datetime.date(2016, 1, 4)):
        response = client.get(schedule_index.url + "this-week/")
        assert response.status_code == 200
        assert "ward-schedule-none" in response.content.decode()
    assert december.pk != boundary.pk
    # The archive of 2016 lists the schedule that ends in 2016.
    archive = client.get(schedule_index.url + "archive/2016/").content.decode()
    assert boundary.title in archive and december.title not in archive


def test_api_groups_entries_by_date_with_leaders_and_changes(client, make_schedule, leader):
    page = make_schedule(entries=5, leader=leader)
    draft = page.get_latest_revision_as_object()
    entries = list(draft.entries.all())
    entries[2].content = "Nội dung đổi"
    draft.entries = entries
    draft.save_revision().publish()
    data = client.get(f"/api/v2/schedules/{page.pk}/").json()
    assert [day["date"] for day in data["days"]] == [
        (MONDAY + datetime.timedelta(days=n)).isoformat() for n in range(5)
    ]
    assert data["days"][0]["long_date"] == "Thứ hai, 03/08/2015"
    entry = data["days"][0]["entries"][0]
    assert entry["leader"] == {"id": leader.pk, "name": leader.name, "position": leader.position}
    assert entry["changed"] is False
    changed = data["days"][2]["entries"][0]
    assert changed["content"] == "Nội dung đổi" and changed["changed"] is True
    assert changed["changed_at"]
    assert data["changed_count"] == 1

    with frozen(MONDAY + datetime.timedelta(days=2)):
        covering = client.get("/api/v2/schedules/covering/").json()
    assert covering["id"] == page.pk
    assert client.get("/api/v2/schedules/covering/?date=2015-08-09").json()["id"] == page.pk
    missing = client.get("/api/v2/schedules/covering/?date=2015-09-09")
    assert missing.status_code == 404 and "message" in missing.json()
    bad = client.get("/api/v2/schedules/covering/?date=09/09/2015")
    assert bad.status_code == 400

    ranged = client.get(
        f"/api/v2/schedules/entries/?from=2015-08-04&to=2015-08-05&leader={leader.pk}"
    ).json()
    assert [item["date"] for item in ranged["items"]] == ["2015-08-04", "2015-08-05"]
    assert ranged["items"][0]["schedule"]["id"] == page.pk
    assert client.get("/api/v2/schedules/entries/?from=2015-08-05&to=2015-08-01").status_code == 400


def test_the_addresses_of_the_earlier_release_redirect_permanently(
    client, make_schedule, schedule_index, leader
):
    week = make_schedule(entries=1)
    index = schedule_index.url
    for old, new in (
        (f"{index}2015/", f"{index}archive/2015/"),
        (f"{index}lanh-dao/{leader.pk}/", f"{index}leader/{leader.pk}/"),
        (f"{index}lanh-dao/{leader.pk}/ical/", f"{index}leader/{leader.pk}/ical/"),
        (f"{index}tuan-nay/", f"{index}this-week/"),
        (f"{index}?p=2", f"{index}?page=2"),
        (f"{index}archive/2015/?p=1", f"{index}archive/2015/?page=1"),
        (f"{week.url}in/", f"{week.url}print/"),
    ):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
        assert client.get(new).status_code in (200, 302), new


def test_the_list_is_paged_with_page(client, make_schedule, schedule_index):
    schedule_index.per_page = 2
    schedule_index.save_revision().publish()
    weeks = [
        make_schedule(start=MONDAY + datetime.timedelta(days=7 * n), entries=0) for n in range(3)
    ]
    first = soup(client.get(schedule_index.url))
    titles = [a.get_text(strip=True) for a in first.select(".ward-schedule-list a")]
    assert titles == [weeks[2].title, weeks[1].title]
    assert first.select_one(".ward-pagination a")["href"] == "?page=2"
    second = soup(client.get(schedule_index.url + "?page=2"))
    assert [a.get_text(strip=True) for a in second.select(".ward-schedule-list a")] == [
        weeks[0].title
    ]
