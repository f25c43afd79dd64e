"""A programme's status, derived from its dates unless an editor sets it by hand."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProgrammeStatus(models.TextChoices):
    # In the order the index shows the groups.
    OPEN = "open", _("Open for applications")
    IN_PROGRESS = "in_progress", pgettext_lazy("programme status", "In progress")
    PLANNED = "planned", _("Planned")
    COMPLETED = "completed", _("Completed")


STATUS_ORDER = [status.value for status in ProgrammeStatus]


def derived_status(today, opens, closes, ends):
    """The status on ``today`` from the application period (``opens``, ``closes``) and the day
    the last course ends (``ends``); any of them may be unknown (None).

    Before the opening day: planned. From the opening day to the closing day, both included:
    open. After the closing day until the last course ends: in progress. After that: completed.
    """
    if opens is not None and today < opens:
        return ProgrammeStatus.PLANNED
    if closes is not None and today <= closes:
        return ProgrammeStatus.OPEN
    if ends is not None and today > ends:
        return ProgrammeStatus.COMPLETED
    if closes is not None:
        return ProgrammeStatus.IN_PROGRESS
    if opens is not None:
        # Opened with no closing day: open until it ends or an editor says otherwise.
        return ProgrammeStatus.OPEN
    return ProgrammeStatus.PLANNED


def days_left(today, closes):
    """Whole days left to apply after today (0 on the closing day), None when not open."""
    if closes is None or today > closes:
        return None
    return (closes - today).days
