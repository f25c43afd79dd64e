"""The schedule pages: titles, sessions, grouping by day, changed marks, validation, print."""

import datetime
from unittest import mock

import pytest
import time_machine
from django.utils import translation

from tests.factories import MONDAY
from tests.families import ScheduleEntry, WeeklySchedulePage
from tests.html import soup
from wagtail_ward.schedule.models import (
    AFTERNOON,
    EVENING,
    MORNING,
    Session,
    schedule_slug,
    schedule_title,
    week_of_month,
)


def test_generated_titles_in_both_languages():
    end = MONDAY + datetime.timedelta(days=6)
    assert (
        schedule_title(MONDAY, end, "vi")
        == "Lịch công tác tuần 1 tháng 8 (từ 03/8/2015 đến 09/8/2015)"
    )
    assert schedule_title(MONDAY, end, "en") == "Work schedule, 3 – 9 August 2015"
    assert week_of_month(datetime.date(2015, 7, 13)) == (2, 7)
    assert week_of_month(datetime.date(2015, 8, 31)) == (5, 8)


@pytest.mark.parametrize(
    ("start", "end", "english"),
    [
        ((2026, 11, 30), (2026, 12, 6), "Work schedule, 30 November – 6 December 2026"),
        ((2025, 12, 29), (2026, 1, 4), "Work schedule, 29 December 2025 – 4 January 2026"),
        ((2015, 7, 3), (2015, 7, 12), "Work schedule, 3 – 12 July 2015"),
        ((2026, 2, 2), (2026, 2, 2), "Work schedule, 2 February 2026"),
    ],
)
def test_english_titles_name_the_days_as_english_readers_do(start, end, english):
    start, end = datetime.date(*start), datetime.date(*end)
    assert schedule_title(start, end, "en") == english
    assert schedule_title(start, end, "en-gb") == english
    # The Vietnamese title keeps the offices' own form whatever language is active.
    with translation.override("en"):
        assert schedule_title(start, end, "vi").startswith("Lịch công tác tuần ")


def test_slugs_are_in_the_language_of_the_page():
    assert schedule_slug(MONDAY) == "lich-cong-tac-2015-08-03"
    assert schedule_slug(MONDAY, "vi") == "lich-cong-tac-2015-08-03"
    assert schedule_slug(MONDAY, "en") == "work-schedule-2015-08-03"


def test_title_follows_the_dates_unless_the_editor_wrote_one(make_schedule):
    page = make_schedule(entries=0)
    assert page.title.startswith("Lịch công tác tuần 1 tháng 8")
    page.start_date = datetime.date(2015, 8, 10)
    page.end_date = datetime.date(2015, 8, 16)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "Lịch công tác tuần 2 tháng 8 (từ 10/8/2015 đến 16/8/2015)"
    page.title = "Lịch công tác đặc biệt"
    page.title_is_generated = False
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.title == "Lịch công tác đặc biệt"


def test_session_comes_from_the_time_when_blank(make_schedule):
    page = make_schedule(entries=0, publish=False)
    for hour, expected in ((7, MORNING), (14, AFTERNOON), (19, EVENING)):
        entry = ScheduleEntry(
            page=page, date=MONDAY, start_time=datetime.time(hour, 0), content="x"
        )
        entry.save()
        assert entry.session == expected
    kept = ScheduleEntry(page=page, date=MONDAY, session=AFTERNOON, content="Chiều: họp")
    kept.save()
    assert kept.session == AFTERNOON


def test_public_page_groups_by_day_then_session_sorted_by_time(client, make_schedule):
    page = make_schedule(entries=0, publish=False)
    tuesday = MONDAY + datetime.timedelta(days=1)
    page.entries = [
        ScheduleEntry(date=tuesday, start_time=datetime.time(14, 0), content="Chiều thứ ba"),
        ScheduleEntry(date=MONDAY, start_time=datetime.time(9, 0), content="Chín giờ thứ hai"),
        ScheduleEntry(date=MONDAY, start_time=datetime.time(7, 30), content="Bảy rưỡi thứ hai"),
        ScheduleEntry(date=MONDAY, session=AFTERNOON, content="Chiều thứ hai"),
    ]
    page.save_revision().publish()
    with mock.patch(
        "django.utils.timezone.now",
        return_value=datetime.datetime(2015, 8, 4, 2, 0, tzinfo=datetime.UTC),
    ):
        html = soup(client.get(page.url))
    days = html.select("section.ward-schedule-day")
    assert len(days) == 2
    assert days[0].h2.get_text(strip=True) == "Thứ hai, 03/08/2015"
    assert days[1].h2.contents[0].strip() == "Thứ ba, 04/08/2015"
    assert days[1].h2.select_one(".ward-schedule-today") is not None
    monday_entries = [
        p.get_text(strip=True) for p in days[0].select(".ward-schedule-entry__content")
    ]
    assert monday_entries == ["Bảy rưỡi thứ hai", "Chín giờ thứ hai", "Chiều thứ hai"]
    with translation.override("vi"):
        sessions = [str(Session(s).label) for s in (MORNING, AFTERNOON)]
    assert [h.get_text(strip=True) for h in days[0].select("th.ward-schedule-session")] == sessions
    # Today (Tuesday in Vietnam) is highlighted, Monday is not.
    assert "ward-schedule-day--today" in days[1]["class"]
    assert "ward-schedule-day--today" not in days[0]["class"]
    assert days[1].get("aria-current") == "date"


def test_entries_changed_after_publication_are_marked(client, make_schedule):
    page = make_schedule(entries=3)
    assert not ScheduleEntry.objects.filter(page=page, changed_at__isnull=False).exists()
    draft = page.get_latest_revision_as_object()
    entries = list(draft.entries.all())
    entries[1].location = "Nghĩa trang liệt sĩ quận"
    draft.entries = [
        *entries,
        ScheduleEntry(date=MONDAY, start_time=datetime.time(16, 0), content="Việc mới thêm"),
    ]
    draft.save_revision().publish()
    changed = ScheduleEntry.objects.filter(page=page, changed_at__isnull=False)
    assert sorted(changed.values_list("content", flat=True)) == [
        "Công việc số 2",
        "Việc mới thêm",
    ]
    html = soup(client.get(page.url))
    marked = [
        li.select_one(".ward-schedule-entry__content").contents[0].strip()
        for li in html.select("tr.ward-schedule-entry--changed")
    ]
    assert sorted(marked) == ["Công việc số 2", "Việc mới thêm"]
    assert html.select_one(".ward-schedule-changes") is not None


def test_editing_keeps_the_uid(make_schedule):
    page = make_schedule(entries=2)
    before = dict(ScheduleEntry.objects.filter(page=page).values_list("pk", "uid"))
    draft = page.get_latest_revision_as_object()
    entries = list(draft.entries.all())
    entries[0].content = "Nội dung đã sửa"
    draft.entries = entries
    draft.save_revision().publish()
    after = dict(ScheduleEntry.objects.filter(page=page).values_list("pk", "uid"))
    assert before == after


def test_print_view(client, make_schedule):
    page = make_schedule(entries=2)
    html = soup(client.get(page.url + "print/"))
    assert html.find("h1").get_text(strip=True) == page.title
    assert len(html.select(".ward-schedule-entry")) == 2
    assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_user_text_is_escaped(client, make_schedule):
    page = make_schedule(entries=0, publish=False)
    page.entries = [ScheduleEntry(date=MONDAY, content="<script>alert(1)</script>")]
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_default_dates_are_next_week(db):
    # Friday 7 August 2015, 16:00 in Hải Phòng: the office prepares next week's schedule.
    friday_afternoon = datetime.datetime(2015, 8, 7, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(friday_afternoon, tick=False):
        page = WeeklySchedulePage()
    assert page.start_date == datetime.date(2015, 8, 10)
    assert page.end_date == datetime.date(2015, 8, 16)
