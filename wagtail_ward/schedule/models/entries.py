"""The entries of a weekly schedule: one line each, what happens, when, where, who presides."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.models import Orderable, TranslatableMixin

from .leaders import Leader
from .sessions import SESSION_HOURS, Session, session_for_time


class AbstractScheduleEntry(TranslatableMixin, Orderable):
    """The fields and behaviour of an entry. A project's own week page that needs entries of its
    own gives them a concrete subclass with ``page = ParentalKey(<its page>,
    related_name="entries")``."""

    date = models.DateField(_("date"), help_text=_("The day, within the schedule's dates."))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("E.g. 07:30. Leave empty when only the session (morning…) is known."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Tick when the work lasts the whole day (“Cả ngày”); leave the times empty."),
    )
    time_note = models.CharField(
        _("time to be announced"),
        max_length=255,
        blank=True,
        help_text=_("Instead of a time, e.g. “Theo giấy mời” (as in the invitation)."),
    )
    session = models.CharField(
        # A context of its own: Django's "session" (a login session) means something else.
        pgettext_lazy("part of the day", "session"),
        max_length=16,
        choices=Session.choices,
        blank=True,
        help_text=_("Morning, afternoon or evening. Filled in from the start time when empty."),
    )
    content = models.TextField(
        _("content"), help_text=_("What happens: the meeting, visit or ceremony.")
    )
    leader = models.ForeignKey(
        Leader,
        verbose_name=_("presiding leader"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Choose the leader who presides, so visitors can filter by leader."),
    )
    presiding = models.CharField(
        _("presiding (free text)"),
        max_length=255,
        blank=True,
        help_text=_("Who presides, when that person is not in the list of leaders."),
    )
    participants = models.TextField(_("participants"), blank=True)
    location = models.CharField(_("location"), max_length=255, blank=True)
    preparing_unit = models.CharField(
        _("preparing unit"),
        max_length=255,
        blank=True,
        help_text=_("The unit that prepares the documents and the room."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    uid = models.UUIDField(
        _("calendar identifier"),
        default=uuid.uuid4,
        editable=False,
        help_text=_("Stays the same when the entry is edited, so calendars update it."),
    )
    changed_at = models.DateTimeField(_("changed at"), null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldRowPanel([FieldPanel("all_day"), FieldPanel("time_note")]),
        FieldPanel("session"),
        FieldPanel("content"),
        FieldRowPanel([FieldPanel("leader"), FieldPanel("presiding")]),
        FieldPanel("participants"),
        FieldRowPanel([FieldPanel("location"), FieldPanel("preparing_unit")]),
        FieldPanel("note"),
    ]

    api_fields = [
        APIField("date"),
        APIField("start_time"),
        APIField("end_time"),
        APIField("all_day"),
        APIField("time_note"),
        APIField("session"),
        APIField("content"),
        APIField("presiding"),
        APIField("participants"),
        APIField("location"),
        APIField("preparing_unit"),
        APIField("note"),
        APIField("uid"),
        APIField("changed_at"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.content[:60]}"

    def save(self, *args, **kwargs):
        if not self.session:
            self.session = session_for_time(self.start_time)
        super().save(*args, **kwargs)

    @property
    def effective_session(self):
        return self.session or session_for_time(self.start_time) or Session.MORNING

    @property
    def session_hours(self):
        """``(start, end)`` of the entry's session, for an entry that gives no time."""
        return SESSION_HOURS[self.effective_session]

    @property
    def presiding_display(self):
        if self.leader is not None:
            return str(self.leader)
        return self.presiding

    @property
    def sort_key(self):
        start = self.start_time or self.session_hours[0]
        return (self.date, start, self.sort_order or 0, self.pk or 0)

    @property
    def is_changed(self):
        return self.changed_at is not None

    def api_representation(self):
        return {
            "id": self.pk,
            "uid": str(self.uid),
            "date": self.date.isoformat(),
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else None,
            "all_day": self.all_day,
            "time_note": self.time_note,
            "session": self.effective_session,
            "session_label": str(Session(self.effective_session).label),
            "content": self.content,
            "leader": self.leader.api_representation() if self.leader else None,
            "presiding": self.presiding_display,
            "participants": self.participants,
            "location": self.location,
            "preparing_unit": self.preparing_unit,
            "note": self.note,
            "changed": self.changed_at is not None,
            "changed_at": self.changed_at.isoformat() if self.changed_at else None,
        }


class ScheduleEntry(AbstractScheduleEntry):
    """An entry of the family's own weekly schedule page."""

    page = ParentalKey(
        "wagtail_ward_schedule.WeeklySchedulePage",
        related_name="entries",
        on_delete=models.CASCADE,
    )

    class Meta(AbstractScheduleEntry.Meta):
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")


def entries_queryset(entry_model=ScheduleEntry):
    return entry_model.objects.select_related("leader").order_by("date", "sort_order", "pk")


def end_before_start(start, end, row=None):
    """The message when ``end`` comes before ``start`` (dates or times), else ``None``.

    With ``row``, the message names the row of the schedule.
    """
    if not (start and end) or end >= start:
        return None
    if row is not None:
        return _("Row %(row)s: the end time %(end)s is before the start time %(start)s.") % {
            "row": row,
            "end": f"{end:%H:%M}",
            "start": f"{start:%H:%M}",
        }
    return _("The end date %(end)s is before the start date %(start)s.") % {
        "end": f"{end:%d/%m/%Y}",
        "start": f"{start:%d/%m/%Y}",
    }


def entry_problems(start_date, end_date, entries, row_numbers=None):
    """Check the entries against the schedule's dates.

    Return ``[(row, field, message)]`` in the order of ``entries`` (objects or dicts with date,
    start_time and end_time); rows are counted from 1 unless ``row_numbers`` names them.
    """
    problems = []
    row_numbers = row_numbers or range(1, len(entries) + 1)
    for row, entry in zip(row_numbers, entries, strict=True):
        get = entry.get if isinstance(entry, dict) else lambda name, e=entry: getattr(e, name)
        date, start, end = get("date"), get("start_time"), get("end_time")
        if date and start_date and end_date and not (start_date <= date <= end_date):
            problems.append(
                (
                    row,
                    "date",
                    _(
                        "Row %(row)s: the date %(date)s is outside the schedule "
                        "(%(start)s – %(end)s)."
                    )
                    % {
                        "row": row,
                        "date": f"{date:%d/%m/%Y}",
                        "start": f"{start_date:%d/%m/%Y}",
                        "end": f"{end_date:%d/%m/%Y}",
                    },
                )
            )
        message = end_before_start(start, end, row=row)
        if message:
            problems.append((row, "end_time", message))
    return problems
