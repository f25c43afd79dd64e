"""A new weekly schedule opens on the first week of its index that has no schedule yet."""

import datetime

from ...dates import ward_today
from ..forms import WeeklyScheduleForm

WEEK = datetime.timedelta(days=7)
SIX_DAYS = datetime.timedelta(days=6)


def first_free_week(schedules, today=None):
    """The Monday of the first week, from this one on, that no schedule in ``schedules``
    (drafts too) covers on any day."""
    taken = list(schedules.values_list("start_date", "end_date"))
    today = today or ward_today()
    monday = today - datetime.timedelta(days=today.weekday())
    while any(start <= monday + SIX_DAYS and end >= monday for start, end in taken):
        monday += WEEK
    return monday


class NewWeekForm(WeeklyScheduleForm):
    """The editor form of a weekly schedule that fills in the dates of a new one: the first
    free week of the index it is added to (Monday to Sunday), instead of next week, which
    may already have its schedule."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        page = self.instance
        if self.is_bound or parent_page is None or not page._state.adding:
            return
        monday = first_free_week(type(page).objects.child_of(parent_page))
        self.initial["start_date"] = monday
        self.initial["end_date"] = monday + SIX_DAYS
