"""The sessions of an office's day: morning, afternoon, evening."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class Session(models.TextChoices):
    MORNING = "morning", _("Morning")
    AFTERNOON = "afternoon", _("Afternoon")
    EVENING = "evening", _("Evening")


# Kept for code that names the sessions directly.
MORNING, AFTERNOON, EVENING = Session.MORNING, Session.AFTERNOON, Session.EVENING

# Where each session starts and ends, for entries that give a session and no time.
SESSION_HOURS = {
    Session.MORNING: (datetime.time(7, 30), datetime.time(11, 30)),
    Session.AFTERNOON: (datetime.time(13, 30), datetime.time(17, 0)),
    Session.EVENING: (datetime.time(19, 0), datetime.time(21, 0)),
}


def session_for_time(value):
    """The session a start time falls in: before noon morning, before 18:00 afternoon."""
    if value is None:
        return ""
    if value < datetime.time(12, 0):
        return Session.MORNING
    if value < datetime.time(18, 0):
        return Session.AFTERNOON
    return Session.EVENING
