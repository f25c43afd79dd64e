"""Weekly work schedules: the index, the weekly schedule page, its entries and the leaders."""

from .days import ScheduleDay, group_by_day
from .entries import (
    AbstractScheduleEntry,
    ScheduleEntry,
    end_before_start,
    entries_queryset,
    entry_problems,
)
from .leaders import Leader
from .mixins import ScheduleIndexPageMixin, WeeklySchedulePageMixin
from .pages import ScheduleIndexPage, WeeklySchedulePage
from .sessions import AFTERNOON, EVENING, MORNING, SESSION_HOURS, Session, session_for_time
from .titles import schedule_slug, schedule_title, title_and_slug, week_of_month

__all__ = [
    "AFTERNOON",
    "EVENING",
    "MORNING",
    "SESSION_HOURS",
    "AbstractScheduleEntry",
    "Leader",
    "ScheduleDay",
    "ScheduleEntry",
    "ScheduleIndexPage",
    "ScheduleIndexPageMixin",
    "Session",
    "WeeklySchedulePage",
    "WeeklySchedulePageMixin",
    "end_before_start",
    "entries_queryset",
    "entry_problems",
    "group_by_day",
    "schedule_slug",
    "schedule_title",
    "session_for_time",
    "title_and_slug",
    "week_of_month",
]
