"""The standard title and address of a weekly schedule, built in one place."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _


def week_of_month(start_date):
    """Week N of month M, as offices number them: the week that starts on day 1–7 is week 1,
    day 8–14 week 2, and so on; the month is the month of the first day."""
    return (start_date.day - 1) // 7 + 1, start_date.month


def _short_date(value):
    # "03/8/2015": day with two digits, month without a leading zero, as offices write it.
    return f"{value.day:02d}/{value.month}/{value.year}"


# The Vietnamese title is the form every office uses; it must not depend on the catalogue.
_VIETNAMESE_TITLE = "Lịch công tác tuần {week} tháng {month} (từ {start} đến {end})"


def schedule_title(start_date, end_date, language):
    week, month = week_of_month(start_date)
    values = {
        "week": week,
        "month": month,
        "start": _short_date(start_date),
        "end": _short_date(end_date),
    }
    if (language or "vi").split("-")[0] == "vi":
        return _VIETNAMESE_TITLE.format(**values)
    with translation.override(language):
        return str(
            _("Work schedule, week %(week)s of month %(month)s (%(start)s to %(end)s)") % values
        )


def schedule_slug(start_date):
    """The address of the schedule that starts on ``start_date``, the same in every language."""
    return f"lich-cong-tac-{start_date:%Y-%m-%d}"


def title_and_slug(start_date, end_date, language):
    """``(title, slug)`` of a schedule: the one place both are made."""
    return schedule_title(start_date, end_date, language), schedule_slug(start_date)
