"""The Vietnamese long date: "Thứ ba, 09/02/2016" (English: "Tuesday, 09/02/2016")."""

import datetime
import zoneinfo

from django.utils import timezone, translation
from django.utils.translation import pgettext

from .conf import ward_setting


def _weekday_name(weekday):
    # One call per name so that makemessages finds every string.
    names = (
        pgettext("weekday", "Monday"),
        pgettext("weekday", "Tuesday"),
        pgettext("weekday", "Wednesday"),
        pgettext("weekday", "Thursday"),
        pgettext("weekday", "Friday"),
        pgettext("weekday", "Saturday"),
        pgettext("weekday", "Sunday"),
    )
    return names[weekday]


def ward_timezone():
    return zoneinfo.ZoneInfo(ward_setting("TIME_ZONE"))


def ward_today():
    """Today's date in the office's time zone (Asia/Ho_Chi_Minh unless configured)."""
    return timezone.now().astimezone(ward_timezone()).date()


def long_date(value=None, language=None):
    """Return the weekday spelled out and the date as dd/mm/yyyy.

    ``value`` may be a date, an aware or naive datetime (an aware one is first converted to the
    office's time zone) or None for today. ``language`` defaults to the active language.
    """
    if value is None:
        value = ward_today()
    elif isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(ward_timezone())
        value = value.date()
    with translation.override(language or translation.get_language()):
        weekday = _weekday_name(value.weekday())
    return f"{weekday}, {value:%d/%m/%Y}"
