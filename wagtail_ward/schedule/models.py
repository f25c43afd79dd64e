"""Weekly work schedules: the index, the weekly schedule page, its entries and the leaders."""

import datetime
import uuid
from itertools import groupby

from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from ..dates import long_date, ward_today
from ..params import BadParameter, bad_request, check_year, positive_int
from ..public import public_q
from .serializers import ScheduleDaysField

# Sessions of the day ---------------------------------------------------------------------------

MORNING, AFTERNOON, EVENING = "morning", "afternoon", "evening"
SESSION_CHOICES = [
    (MORNING, _("Morning")),
    (AFTERNOON, _("Afternoon")),
    (EVENING, _("Evening")),
]
# Where each session starts and ends, for entries that give a session and no time.
SESSION_HOURS = {
    MORNING: (datetime.time(7, 30), datetime.time(11, 30)),
    AFTERNOON: (datetime.time(13, 30), datetime.time(17, 0)),
    EVENING: (datetime.time(19, 0), datetime.time(21, 0)),
}
SESSION_ORDER = {MORNING: 0, AFTERNOON: 1, EVENING: 2}


def session_for_time(value):
    """The session a start time falls in: before noon morning, before 18:00 afternoon."""
    if value is None:
        return ""
    if value < datetime.time(12, 0):
        return MORNING
    if value < datetime.time(18, 0):
        return AFTERNOON
    return EVENING


# Titles -----------------------------------------------------------------------------------------


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
    if (language or "").split("-")[0] == "vi":
        return _VIETNAMESE_TITLE.format(**values)
    with translation.override(language):
        return str(
            _("Work schedule, week %(week)s of month %(month)s (%(start)s to %(end)s)") % values
        )


# Leaders ----------------------------------------------------------------------------------------


class Leader(TranslatableMixin, models.Model):
    """A leader who presides over entries: the chair, the deputy chairs, the party secretary."""

    name = models.CharField(
        _("name"), max_length=255, help_text=_("Full name, e.g. “Nguyễn Văn A”.")
    )
    position = models.CharField(
        _("position"),
        max_length=255,
        blank=True,
        help_text=_("Title in the office, e.g. “Chủ tịch UBND phường”."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Leaders with a smaller number are listed first.")
    )

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} – {self.position}" if self.position else self.name

    def api_representation(self):
        return {"id": self.pk, "name": self.name, "position": self.position}


# Entries ----------------------------------------------------------------------------------------

# The fields whose change after publication marks an entry as changed.
TRACKED_FIELDS = (
    "date",
    "start_time",
    "end_time",
    "session",
    "content",
    "leader_id",
    "presiding",
    "participants",
    "location",
    "preparing_unit",
    "note",
)


class ScheduleEntry(TranslatableMixin, Orderable):
    """One line of a weekly schedule: what happens, when, where, and who presides."""

    page = ParentalKey(
        "wagtail_ward_schedule.WeeklySchedulePage",
        related_name="entries",
        on_delete=models.CASCADE,
    )
    date = models.DateField(_("date"), help_text=_("The day, within the schedule's dates."))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("E.g. 07:30. Leave empty when only the session (morning…) is known."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    session = models.CharField(
        # A context of its own: Django's "session" (a login session) means something else.
        pgettext_lazy("part of the day", "session"),
        max_length=16,
        choices=SESSION_CHOICES,
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
        return self.session or session_for_time(self.start_time) or MORNING

    @property
    def presiding_display(self):
        if self.leader is not None:
            return str(self.leader)
        return self.presiding

    @property
    def sort_key(self):
        start = self.start_time or SESSION_HOURS[self.effective_session][0]
        return (self.date, start, self.sort_order or 0, self.pk or 0)

    @property
    def is_changed(self):
        return self.changed_at is not None

    def tracked_values(self):
        return tuple(getattr(self, name) for name in TRACKED_FIELDS)

    def api_representation(self):
        return {
            "id": self.pk,
            "uid": str(self.uid),
            "date": self.date.isoformat(),
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else None,
            "session": self.effective_session,
            "session_label": str(dict(SESSION_CHOICES)[self.effective_session]),
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


def entries_queryset():
    return ScheduleEntry.objects.select_related("leader").order_by("date", "sort_order", "pk")


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
        if start and end and end < start:
            problems.append(
                (
                    row,
                    "end_time",
                    _("Row %(row)s: the end time %(end)s is before the start time %(start)s.")
                    % {"row": row, "end": f"{end:%H:%M}", "start": f"{start:%H:%M}"},
                )
            )
    return problems


# Pages ------------------------------------------------------------------------------------------


class ScheduleDay:
    """The entries of one day, grouped by session, for the templates and the API."""

    def __init__(self, date, entries, today):
        self.date = date
        self.entries = entries
        self.is_today = date == today
        self.sessions = [
            (session, str(dict(SESSION_CHOICES)[session]), list(items))
            for session, items in groupby(entries, key=lambda e: e.effective_session)
        ]

    @property
    def long_date(self):
        return long_date(self.date)


class WeeklyScheduleForm(WagtailAdminPageForm):
    """The editor form: the title may stay empty (it is generated) and every entry is checked
    against the schedule's dates, with messages that name the row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "slug"):
            if name in self.fields:
                self.fields[name].required = False
        if "title" in self.fields:
            self.fields["title"].help_text = _(
                "Leave empty to use the standard title, e.g. “Lịch công tác tuần 1 tháng 8 "
                "(từ 03/8/2015 đến 09/8/2015)”."
            )

    def clean(self):
        from django.utils.text import slugify

        cleaned_data = super().clean()
        start, end = cleaned_data.get("start_date"), cleaned_data.get("end_date")
        if start and end and end < start:
            self.add_error(
                "end_date",
                _("The end date %(end)s is before the start date %(start)s.")
                % {"end": f"{end:%d/%m/%Y}", "start": f"{start:%d/%m/%Y}"},
            )
        if start and end and not cleaned_data.get("title"):
            language = self.instance.locale.language_code if self.instance.locale_id else None
            cleaned_data["title"] = schedule_title(start, end, language or "vi")
            self.instance.title_is_generated = True
        elif cleaned_data.get("title"):
            # A title that is still the generated one (for the old or the new dates) stays
            # generated and follows the dates; anything else is the editor's own title.
            language = self.instance.locale.language_code if self.instance.locale_id else "vi"
            generated = {
                schedule_title(a, b, language)
                for a, b in ((start, end), (self.instance.start_date, self.instance.end_date))
                if a and b
            }
            self.instance.title_is_generated = cleaned_data["title"] in generated
        if not cleaned_data.get("slug") and start:
            slug = slugify(f"lich-cong-tac-{start:%Y-%m-%d}")
            cleaned_data["slug"] = slug
            if self.parent_page is not None and not Page._slug_is_available(
                slug, self.parent_page, self.instance
            ):
                self.add_error(
                    "slug",
                    _("The address “%(slug)s” is already used by another schedule.")
                    % {"slug": slug},
                )
        entries = self.formsets.get("entries")
        if entries is not None and start and end:
            # The inline forms are validated after this form: validate them now to check them.
            entries.is_valid()
            rows = [
                form
                for form in entries.forms
                if getattr(form, "cleaned_data", None)
                and not form.cleaned_data.get("DELETE")
                and form.cleaned_data.get("date")
            ]
            for row, field, message in entry_problems(
                start, end, [form.cleaned_data for form in rows]
            ):
                rows[row - 1].add_error(field, message)
                self.add_error(None, message)
        return cleaned_data


class ScheduleIndexPageMixin(RoutablePageMixin, models.Model):
    """The list of weekly schedules ("Lịch công tác"), with "this week", years, leaders, iCal."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A sentence above the list, e.g. who publishes the schedule and when."),
    )
    per_page = models.PositiveSmallIntegerField(
        _("schedules per page"), default=20, help_text=_("How many schedules to list per page.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    # Queries ---------------------------------------------------------------------------------

    def schedule_model(self):
        return WeeklySchedulePage

    def live_schedules(self, request=None):
        """Live, public schedules of this index, newest first, without entries.

        With ``request``, the view restrictions are read once for the whole request.
        """
        return (
            self.schedule_model()
            .objects.child_of(self)
            .live()
            .filter(public_q(request))
            .order_by("-start_date", "-pk")
        )

    def schedule_covering(self, date, request=None):
        return (
            self.live_schedules(request)
            .filter(start_date__lte=date, end_date__gte=date)
            .order_by("-start_date", "-pk")
            .first()
        )

    def leaders(self):
        return Leader.objects.filter(locale_id=self.locale_id)

    def feed_entries(self, leader=None, request=None):
        """Entries of the live, public schedules, for the iCal feeds (one query)."""
        pages = self.live_schedules(request).values("pk")
        queryset = entries_queryset().filter(page_id__in=pages).select_related("page")
        if leader is not None:
            queryset = queryset.filter(leader=leader)
        return queryset

    # Views -----------------------------------------------------------------------------------

    def _render_list(self, request, schedules, **extra):
        from django.core.paginator import Paginator

        try:
            number = positive_int(request.GET, "p", default=1)
        except BadParameter as error:
            return bad_request(error, json=False)
        paginator = Paginator(schedules, self.per_page or 20)
        page_obj = paginator.get_page(number)
        context = self.get_context(request)
        context.update(
            {
                "schedules": page_obj,
                "years": [
                    d.year for d in self.live_schedules(request).dates("start_date", "year", "DESC")
                ],
                "leaders": list(self.leaders()),
                "today": ward_today(),
                **extra,
            }
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("")
    def index_route(self, request):
        return self._render_list(request, self.live_schedules(request))

    # ASCII digits only: Python's \d also matches other scripts' digits.
    @re_path(r"^(?P<year>[0-9]{4})/$", name="year")
    def year_route(self, request, year):
        try:
            year = check_year(int(year))
        except BadParameter as error:
            # A year in the address that no schedule can have: no such page.
            raise Http404(error.message) from None
        schedules = self.live_schedules(request).filter(
            Q(start_date__year=year) | Q(end_date__year=year)
        )
        return self._render_list(request, schedules, year=year)

    @path("lanh-dao/<int:leader_id>/", name="leader")
    def leader_route(self, request, leader_id):
        leader = get_object_or_404(self.leaders(), pk=leader_id)
        entries = list(
            self.feed_entries(leader, request).filter(
                page__end_date__gte=ward_today() - datetime.timedelta(days=31)
            )
        )
        return self._render_list(
            request, self.live_schedules(request).none(), leader=leader, leader_entries=entries
        )

    @path("tuan-nay/", name="this_week")
    def this_week_route(self, request):
        today = ward_today()
        schedule = self.schedule_covering(today, request)
        if schedule is not None:
            return HttpResponseRedirect(schedule.get_url(request))
        return self._render_list(request, self.live_schedules(request), no_schedule_today=today)

    @path("ical/", name="ical")
    def ical_route(self, request):
        from .ical import calendar_response

        return calendar_response(request, self, self.feed_entries(request=request), name=self.title)

    @path("lanh-dao/<int:leader_id>/ical/", name="leader_ical")
    def leader_ical_route(self, request, leader_id):
        from .ical import calendar_response

        leader = get_object_or_404(self.leaders(), pk=leader_id)
        return calendar_response(
            request, self, self.feed_entries(leader, request), name=f"{self.title} – {leader.name}"
        )


class ScheduleIndexPage(ScheduleIndexPageMixin, Page):
    template = "wagtail_ward/schedule/schedule_index_page.html"
    subpage_types = ["wagtail_ward_schedule.WeeklySchedulePage"]

    class Meta:
        verbose_name = _("schedule index page")
        verbose_name_plural = _("schedule index pages")


def _default_start():
    today = ward_today()
    return today + datetime.timedelta(days=7 - today.weekday())  # next Monday


def _default_end():
    return _default_start() + datetime.timedelta(days=6)


class WeeklySchedulePageMixin(RoutablePageMixin, models.Model):
    """One week's schedule (or a longer period): its dates, a notice and the entries."""

    start_date = models.DateField(
        _("start date"), default=_default_start, help_text=_("Usually the Monday of the week.")
    )
    end_date = models.DateField(
        _("end date"),
        default=_default_end,
        help_text=_("Usually the Sunday of the same week; a schedule may run longer."),
    )
    notice = models.TextField(
        _("notice"),
        blank=True,
        help_text=_("Shown above the schedule, e.g. “Lịch này thay thư mời họp”."),
    )
    title_is_generated = models.BooleanField(default=True, editable=False)

    base_form_class = WeeklyScheduleForm

    content_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])],
            heading=_("Dates"),
        ),
        *Page.content_panels,
        FieldPanel("notice"),
        InlinePanel("entries", heading=_("Entries"), label=_("entry")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("notice"),
        index.RelatedFields("entries", [index.SearchField("content")]),
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.start_date and self.end_date and (self.title_is_generated or not self.title):
            self.title = schedule_title(
                self.start_date,
                self.end_date,
                self.locale.language_code if self.locale_id else "vi",
            )
            self.draft_title = self.title
        if not self.slug and self.start_date:
            self.slug = f"lich-cong-tac-{self.start_date:%Y-%m-%d}"
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "entries" in update_fields:
            self._mark_changed_entries()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {
                    "end_date": _("The end date %(end)s is before the start date %(start)s.")
                    % {
                        "end": f"{self.end_date:%d/%m/%Y}",
                        "start": f"{self.start_date:%d/%m/%Y}",
                    }
                }
            )

    def full_clean(self, *args, **kwargs):
        if not self.title and self.start_date and self.end_date:
            self.title = schedule_title(
                self.start_date,
                self.end_date,
                self.locale.language_code if self.locale_id else "vi",
            )
        if not self.slug and self.start_date:
            self.slug = f"lich-cong-tac-{self.start_date:%Y-%m-%d}"
        super().full_clean(*args, **kwargs)

    def _mark_changed_entries(self):
        """Stamp entries added or edited after the schedule was first published."""
        if self.pk is None:
            return
        was_published = (
            type(self).objects.filter(pk=self.pk, first_published_at__isnull=False).exists()
        )
        if not was_published:
            return
        saved = {
            entry.pk: entry.tracked_values()
            for entry in ScheduleEntry.objects.filter(page_id=self.pk)
        }
        now = timezone.now()
        entries = list(self.entries.all())
        source_changes = self._source_changes(entries)
        for entry in entries:
            if entry.translation_key in source_changes:
                # A translation is changed when (and since) its source entry was changed.
                entry.changed_at = source_changes[entry.translation_key]
                continue
            if not entry.session:
                entry.session = session_for_time(entry.start_time)
            if entry.pk is None or entry.pk not in saved:
                entry.changed_at = entry.changed_at or now
            elif saved[entry.pk] != entry.tracked_values():
                entry.changed_at = now

    def _source_changes(self, entries):
        """``{translation_key: changed_at}`` of the entries of the page this one translates."""
        source = (
            Page.objects.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .order_by("pk")
            .values_list("pk", flat=True)
            .first()
        )
        if source is None or source > self.pk:
            return {}
        return dict(
            ScheduleEntry.objects.filter(
                page_id=source, translation_key__in=[e.translation_key for e in entries]
            ).values_list("translation_key", "changed_at")
        )

    # Reading -----------------------------------------------------------------------------------

    def sorted_entries(self):
        return sorted(self.entries.all(), key=lambda entry: entry.sort_key)

    def days(self, today=None):
        today = today or ward_today()
        return [
            ScheduleDay(date, list(items), today)
            for date, items in groupby(self.sorted_entries(), key=lambda entry: entry.date)
        ]

    @property
    def api_days(self):
        return self.days()

    @property
    def changed_count(self):
        return sum(1 for entry in self.entries.all() if entry.changed_at)

    def overlapping_schedules(self):
        parent = self.get_parent()
        if parent is None:
            return type(self).objects.none()
        return (
            type(self)
            .objects.child_of(parent)
            .filter(start_date__lte=self.end_date, end_date__gte=self.start_date)
            .exclude(pk=self.pk)
            .order_by("start_date")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["days"] = self.days()
        context["today"] = ward_today()
        return context

    def _with_entries(self, request=None):
        """This page with its entries and their leaders loaded in one query each.

        A preview keeps the entries of the editor's form instead.
        """
        from django.db.models import prefetch_related_objects

        if getattr(request, "is_preview", False):
            return self

        prefetch_related_objects([self], Prefetch("entries", queryset=entries_queryset()))
        return self

    @path("")
    def schedule_route(self, request):
        self._with_entries(request)
        return self.render(request)

    @path("in/", name="print")
    def print_route(self, request):
        self._with_entries(request)
        return self.render(
            request,
            template="wagtail_ward/schedule/weekly_schedule_print.html",
        )

    @path("ical/", name="ical")
    def ical_route(self, request):
        from .ical import calendar_response

        entries = entries_queryset().filter(page=self).select_related("page")
        return calendar_response(request, self, entries, name=self.title)


class WeeklySchedulePage(WeeklySchedulePageMixin, Page):
    template = "wagtail_ward/schedule/weekly_schedule_page.html"
    parent_page_types = ["wagtail_ward_schedule.ScheduleIndexPage"]
    subpage_types = []

    api_fields = [
        APIField("start_date"),
        APIField("end_date"),
        APIField("notice"),
        APIField("changed_count"),
        APIField("days", serializer=ScheduleDaysField(source="api_days")),
    ]

    class Meta:
        verbose_name = _("weekly schedule")
        verbose_name_plural = _("weekly schedules")


__all__ = [
    "Leader",
    "ScheduleEntry",
    "ScheduleIndexPage",
    "ScheduleIndexPageMixin",
    "WeeklySchedulePage",
    "WeeklySchedulePageMixin",
]
