"""The standard title and address of a weekly schedule, built in one place."""

from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _


def week_of_month(start_date):
    """Week N of month M, as offices number them: the week that starts on day 1–7 is week 1,
    day 8–14 week 2, and so on; the month is the month of the first day."""
    return (start_date.day - 1) // 7 + 1, start_date.month


def _short_date(value):
    # "03/8/2015": day with two digits, month without a leading zero, as offices write it.
    return f"{value.day:02d}/{value.month}/{value.year}"


def _is_vietnamese(language):
    return (language or "vi").split("-")[0] == "vi"


# The Vietnamese title is the form every office uses; it must not depend on the catalogue.
_VIETNAMESE_TITLE = "Lịch công tác tuần {week} tháng {month} (từ {start} đến {end})"


def date_range(start_date, end_date):
    """The days of a schedule as a reader of the active language names them, the shared parts
    written once: "3 – 9 August 2015", "30 November – 6 December 2026",
    "29 December 2025 – 4 January 2026" in English."""
    if start_date == end_date:
        return formats.date_format(end_date, "j F Y")
    if start_date.year != end_date.year:
        start_format = "j F Y"
    elif start_date.month != end_date.month:
        start_format = "j F"
    else:
        start_format = "j"
    return (
        f"{formats.date_format(start_date, start_format)} – "
        f"{formats.date_format(end_date, 'j F Y')}"
    )


def schedule_title(start_date, end_date, language):
    """The title of a schedule: the offices' own form in Vietnamese ("Lịch công tác tuần 1 tháng
    8 (từ 03/8/2015 đến 09/8/2015)"), the dates as words in other languages ("Work schedule,
    30 November – 6 December 2026")."""
    if _is_vietnamese(language):
        week, month = week_of_month(start_date)
        return _VIETNAMESE_TITLE.format(
            week=week, month=month, start=_short_date(start_date), end=_short_date(end_date)
        )
    with translation.override(language):
        return str(_("Work schedule, %(dates)s") % {"dates": date_range(start_date, end_date)})


def schedule_slug(start_date, language="vi"):
    """The address of the schedule that starts on ``start_date``: ``lich-cong-tac-2026-11-30``
    in Vietnamese, ``work-schedule-2026-11-30`` in any other language."""
    prefix = "lich-cong-tac" if _is_vietnamese(language) else "work-schedule"
    return f"{prefix}-{start_date:%Y-%m-%d}"


def title_and_slug(start_date, end_date, language):
    """``(title, slug)`` of a schedule: the one place both are made."""
    return schedule_title(start_date, end_date, language), schedule_slug(start_date, language)
