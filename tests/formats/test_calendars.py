"""The iCal files of the schedules, read by vobject (icalendar writes them): every event has an
end after its start, and the calendar's name arrives whole."""

import datetime

import pytest

from tests.factories import MONDAY
from tests.validators import calendar_events, calendar_name, calendar_problems
from wagtail_ward.dates import ward_timezone
from wagtail_ward.schedule.ical import event_times
from wagtail_ward.schedule.models import AFTERNOON, MORNING, ScheduleEntry, ScheduleIndexPage

CALENDARS = {
    "week": lambda pages: pages["schedule"].url + "ical/",
    # The demo weeks are of 2015: the full archive (?all=1) of the index's calendars has them.
    "index": lambda pages: pages["schedule_index"].url + "ical/?all=1",
    "leader": lambda pages: f"{pages['schedule_index'].url}leader/{pages['leader'].pk}/ical/?all=1",
}


def at(day, hour, minute=0):
    return datetime.datetime.combine(
        MONDAY + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=ward_timezone()
    )


def ical(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("calendar", CALENDARS)
def test_every_event_ends_after_it_starts(client, ward, language, calendar):
    content = ical(client, CALENDARS[calendar](ward[language]))
    assert calendar_problems(content) == []
    expected = 2 if calendar == "leader" else 4
    assert len(calendar_events(content)) == expected


@pytest.mark.parametrize("language", ["vi", "en"])
def test_events_end_at_their_end_time_or_the_end_of_their_session(client, ward, language):
    content = ical(client, CALENDARS["week"](ward[language]))
    assert sorted((start, end) for start, end, _summary in calendar_events(content)) == [
        (at(0, 7, 30), at(0, 9)),  # 7:30 to 9:00
        (at(0, 14), at(0, 17)),  # from 14:00, the afternoon ends at 17:00
        (at(1, 13, 30), at(1, 17)),  # the afternoon
        (at(2, 19), at(2, 21)),  # the evening
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_calendar_is_named_after_its_page(client, ward, language):
    pages = ward[language]
    week = pages["schedule"].title
    index = pages["schedule_index"].title
    leader = f"{index} – {pages['leader'].name}"
    names = {name: calendar_name(ical(client, url(pages))) for name, url in CALENDARS.items()}
    assert names == {"week": week, "index": index, "leader": leader}
    if language == "en":
        assert names["week"] == "Work schedule, 3 – 9 August 2015"


def test_a_name_with_a_comma_and_a_semicolon_survives_whole(client, ward):
    index = ScheduleIndexPage.objects.get(pk=ward["vi"]["schedule_index"].pk)
    index.title = "Lịch công tác; UBND phường Lạc Viên, quận Ngô Quyền"
    index.save_revision().publish()
    content = ical(client, index.url + "ical/?all=1")
    assert calendar_name(content) == "Lịch công tác; UBND phường Lạc Viên, quận Ngô Quyền"
    leader = ward["vi"]["leader"]
    content = ical(client, f"{index.url}leader/{leader.pk}/ical/?all=1")
    assert calendar_name(content) == (
        "Lịch công tác; UBND phường Lạc Viên, quận Ngô Quyền – Nguyễn Văn A"
    )


@pytest.mark.parametrize(
    ("fields", "start", "end"),
    [
        ({"start_time": datetime.time(8), "end_time": datetime.time(10)}, (8, 0), (10, 0)),
        ({"start_time": datetime.time(8)}, (8, 0), (11, 30)),
        ({"session": AFTERNOON}, (13, 30), (17, 0)),
        ({}, (7, 30), (11, 30)),
        # Past the end of its session, or an end no later than the start: one hour.
        ({"start_time": datetime.time(11, 45), "session": MORNING}, (11, 45), (12, 45)),
        ({"start_time": datetime.time(23, 30)}, (23, 30), (24, 30)),
        (
            {"start_time": datetime.time(9), "end_time": datetime.time(9)},
            (9, 0),
            (11, 30),
        ),
    ],
)
def test_event_times(fields, start, end):
    entry = ScheduleEntry(date=MONDAY, content="Họp", **fields)
    base = datetime.datetime.combine(MONDAY, datetime.time(0), tzinfo=ward_timezone())
    assert event_times(entry) == (
        base + datetime.timedelta(hours=start[0], minutes=start[1]),
        base + datetime.timedelta(hours=end[0], minutes=end[1]),
    )
