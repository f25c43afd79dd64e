"""A new schedule opens on the first week of its index that has no schedule yet."""

import datetime

from django.urls import reverse

from tests.factories import MONDAY, make_schedule_index
from tests.families import WeeklySchedulePage

WEEK_TYPE = (WeeklySchedulePage._meta.app_label, WeeklySchedulePage._meta.model_name)
WEDNESDAY = datetime.datetime(2015, 8, 5, 9, 0)  # in the week of MONDAY (03/08/2015)


def prefilled(client, index):
    response = client.get(reverse("wagtailadmin_pages:add", args=[*WEEK_TYPE, index.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    return form["start_date"].value(), form["end_date"].value()


def test_a_week_without_schedules_opens_on_this_week(editor, schedule_index, time_machine):
    time_machine.move_to(WEDNESDAY, tick=False)
    start, end = prefilled(editor, schedule_index)
    assert (start, end) == (MONDAY, MONDAY + datetime.timedelta(days=6))


def test_weeks_that_have_a_schedule_are_skipped(
    editor, schedule_index, make_schedule, time_machine
):
    time_machine.move_to(WEDNESDAY, tick=False)
    week = datetime.timedelta(days=7)
    make_schedule(MONDAY)
    make_schedule(MONDAY + week, publish=False)  # a draft takes its week too
    make_schedule(MONDAY + 3 * week)
    start, end = prefilled(editor, schedule_index)
    assert start == MONDAY + 2 * week
    assert end == MONDAY + 2 * week + datetime.timedelta(days=6)
    # The form shows the dates as the office writes them.
    page = editor.get(
        reverse("wagtailadmin_pages:add", args=[*WEEK_TYPE, schedule_index.pk])
    ).content.decode()
    assert 'value="17/08/2015"' in page


def test_a_longer_schedule_takes_every_week_it_covers(
    editor, schedule_index, make_schedule, time_machine
):
    time_machine.move_to(WEDNESDAY, tick=False)
    make_schedule(MONDAY, days=10)  # 03/08 to 12/08
    start, _end = prefilled(editor, schedule_index)
    assert start == MONDAY + datetime.timedelta(days=14)


def test_the_schedules_of_another_index_do_not_count(
    editor, home, schedule_index, make_schedule, time_machine
):
    time_machine.move_to(WEDNESDAY, tick=False)
    make_schedule(MONDAY)
    other = make_schedule_index(home, title="Lịch công tác của Đảng ủy", slug="dang-uy")
    assert prefilled(editor, other)[0] == MONDAY
