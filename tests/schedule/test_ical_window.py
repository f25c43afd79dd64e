"""The iCal feeds of a schedule index give a window of weeks (``ICAL_PAST_WEEKS`` past weeks and
every coming week), every week with ``?all=1``, and are kept until the next publish."""

import datetime

import icalendar
from django.test import override_settings

from tests.factories import MONDAY
from tests.queries import assert_bad_archive_value_refused, kept_answer
from tests.schedule.test_feeds import frozen

TODAY = MONDAY + datetime.timedelta(weeks=20)


def summaries(response):
    assert response.status_code == 200, response.content[:300]
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(str(event["DTSTART"].dt.date()) for event in calendar.walk("VEVENT"))


def week(n):
    return MONDAY + datetime.timedelta(weeks=n)


def test_the_feed_gives_the_window_and_the_archive_every_week(
    client, make_schedule, schedule_index, leader
):
    for n in (0, 10, 12, 20, 23):
        make_schedule(start=week(n), entries=1, leader=leader)
    url = schedule_index.url + "ical/"
    with frozen(TODAY):
        # 8 past weeks: the week that began 8 weeks ago is in, the one 10 weeks ago ended before.
        window = summaries(client.get(url))
        archive = summaries(client.get(url + "?all=1"))
        leader_window = summaries(client.get(f"{schedule_index.url}leader/{leader.pk}/ical/"))
        # (Kept answers off: a kept answer lasts until the next publish, not a settings change.)
        with override_settings(WAGTAIL_WARD={"ICAL_PAST_WEEKS": 12, "FRAGMENT_CACHE_SECONDS": 0}):
            wider = summaries(client.get(url + "?all=0"))
    assert window == [str(week(n)) for n in (12, 20, 23)] == leader_window
    assert archive == [str(week(n)) for n in (0, 10, 12, 20, 23)]
    assert wider == [str(week(n)) for n in (10, 12, 20, 23)]


def test_a_bad_archive_value_is_answered_400_naming_it(client, make_schedule, schedule_index):
    make_schedule(entries=1)
    assert_bad_archive_value_refused(client, schedule_index.url + "ical/")


def test_a_publish_shows_in_the_next_answer_and_a_kept_answer_costs_few_queries(
    client, make_schedule, schedule_index
):
    make_schedule(start=week(20), entries=2)
    url = schedule_index.url + "ical/"
    with frozen(TODAY):
        count, small = kept_answer(client, url, lambda response: len(summaries(response)))
        assert count == 2
        # A publish: the next answer has the new week.
        make_schedule(start=week(21), entries=3)
        assert len(summaries(client.get(url))) == 5
        for n in range(22, 30):
            make_schedule(start=week(n), entries=3)
        count, large = kept_answer(client, url, lambda response: len(summaries(response)))
        assert count == 5 + 8 * 3
    # The kept answer reads no entry, and as many queries with 10 weeks as with one.
    assert len(large) == len(small) <= 10  # the routing of the index page, the token
    assert not any("entry" in query["sql"].lower() for query in large)
