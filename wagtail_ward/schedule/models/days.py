"""A schedule's entries grouped by day and by session, for the templates and the API."""

from itertools import groupby

from ...dates import long_date
from .sessions import Session


class ScheduleDay:
    """The entries of one day, grouped by session."""

    def __init__(self, date, entries, today):
        self.date = date
        self.entries = entries
        self.is_today = date == today
        self.sessions = [
            (session, str(Session(session).label), list(items))
            for session, items in groupby(entries, key=lambda e: e.effective_session)
        ]

    @property
    def long_date(self):
        return long_date(self.date)


def group_by_day(entries, today):
    """``[ScheduleDay]`` of ``entries``, sorted by day, time and order."""
    ordered = sorted(entries, key=lambda entry: entry.sort_key)
    return [
        ScheduleDay(date, list(items), today)
        for date, items in groupby(ordered, key=lambda entry: entry.date)
    ]
