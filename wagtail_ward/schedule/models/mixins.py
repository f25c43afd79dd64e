"""The abstract mixins that carry the schedule pages' fields, behaviour and routes.

A mixin never names a concrete page: the index asks ``schedule_model()`` for its weekly
schedules, the weekly schedule asks ``index_model()`` for its index and ``entry_model()`` for
its entries. A project that subclasses the mixins overrides these hooks.
"""

import datetime
from urllib.parse import urlencode

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ...dates import ward_today
from ...params import BadParameter, bad_request, check_year, positive_int
from ...public import public_q
from ..ical import ical_answer
from .changes import mark_changed_entries
from .days import group_by_day
from .entries import end_before_start, entries_queryset, entry_problems
from .leaders import Leader
from .titles import title_and_slug
from .weeks import NewWeekForm


class OldRoutesMixin:
    """Routes renamed in an earlier release answer with a permanent redirect to the new one."""

    def redirect_to_route(self, request, name, *args):
        url = self.get_url(request) + self.reverse_subpage(name, args=args)
        query = request.GET.urlencode()
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


class ScheduleIndexPageMixin(OldRoutesMixin, RoutablePageMixin, models.Model):
    """The list of weekly schedules ("Lịch công tác"), with this week, years, leaders, iCal."""

    decree_42_item = "schedule"  # what the compliance report counts it as

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

    # Model hooks -------------------------------------------------------------------------------

    # The week page this index lists, as "app_label.ModelName": a project's index over its own
    # week page sets it (or overrides schedule_model()), as news does with article_model_name.
    schedule_model_name = "wagtail_ward_schedule.WeeklySchedulePage"

    @classmethod
    def schedule_model(cls):
        """The weekly schedule page listed by this index (``schedule_model_name`` resolved)."""
        return apps.get_model(cls.schedule_model_name)

    # Queries ---------------------------------------------------------------------------------

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
        entry_model = self.schedule_model().entry_model()
        queryset = entries_queryset(entry_model).filter(page_id__in=pages).select_related("page")
        if leader is not None:
            queryset = queryset.filter(leader=leader)
        return queryset

    # Views -----------------------------------------------------------------------------------

    def _render_list(self, request, schedules, **extra):
        if "p" in request.GET and "page" not in request.GET:
            # ?p=N was the page parameter of an earlier release.
            query = request.GET.copy()
            query.setlist("page", query.pop("p"))
            return HttpResponsePermanentRedirect(f"{request.path}?{urlencode(query, doseq=True)}")
        try:
            number = positive_int(request.GET, "page", default=1)
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
    def index_view(self, request):
        return self._render_list(request, self.live_schedules(request))

    # ASCII digits only: Python's \d also matches other scripts' digits.
    @re_path(r"^archive/(?P<year>[0-9]{4})/$", name="archive")
    def archive_view(self, request, year):
        try:
            year = check_year(int(year))
        except BadParameter as error:
            # A year in the address that no schedule can have: no such page.
            raise Http404(error.message) from None
        schedules = self.live_schedules(request).filter(
            Q(start_date__year=year) | Q(end_date__year=year)
        )
        return self._render_list(request, schedules, year=year)

    @path("leader/<int:leader_id>/", name="leader")
    def leader_view(self, request, leader_id):
        leader = get_object_or_404(self.leaders(), pk=leader_id)
        entries = list(
            self.feed_entries(leader, request).filter(
                page__end_date__gte=ward_today() - datetime.timedelta(days=31)
            )
        )
        return self._render_list(
            request, self.live_schedules(request).none(), leader=leader, leader_entries=entries
        )

    @path("this-week/", name="this_week")
    def this_week_view(self, request):
        today = ward_today()
        schedule = self.schedule_covering(today, request)
        if schedule is not None:
            return HttpResponseRedirect(schedule.get_url(request))
        return self._render_list(request, self.live_schedules(request), no_schedule_today=today)

    @path("ical/", name="ical")
    def ical_view(self, request):
        return ical_answer(request, self, self.feed_entries(request=request), name=self.title)

    @path("leader/<int:leader_id>/ical/", name="leader_ical")
    def leader_ical_view(self, request, leader_id):
        leader = get_object_or_404(self.leaders(), pk=leader_id)
        return ical_answer(
            request, self, self.feed_entries(leader, request), name=f"{self.title} – {leader.name}"
        )

    # The Vietnamese addresses of an earlier release.

    @re_path(r"^(?P<year>[0-9]{4})/$", name="old_year")
    def old_year_view(self, request, year):
        return self.redirect_to_route(request, "archive", year)

    @path("lanh-dao/<int:leader_id>/", name="old_leader")
    def old_leader_view(self, request, leader_id):
        return self.redirect_to_route(request, "leader", leader_id)

    @path("lanh-dao/<int:leader_id>/ical/", name="old_leader_ical")
    def old_leader_ical_view(self, request, leader_id):
        return self.redirect_to_route(request, "leader_ical", leader_id)

    @path("tuan-nay/", name="old_this_week")
    def old_this_week_view(self, request):
        return self.redirect_to_route(request, "this_week")


def _default_start():
    today = ward_today()
    return today + datetime.timedelta(days=7 - today.weekday())  # next Monday


def _default_end():
    return _default_start() + datetime.timedelta(days=6)


class WeeklySchedulePageMixin(OldRoutesMixin, RoutablePageMixin, models.Model):
    """One week's schedule (or a longer period): its dates, a notice and the entries.

    The concrete page has entries: an inline model with ``ParentalKey(<the page>,
    related_name="entries")``.
    """

    decree_42_item = "schedule"  # what the compliance report counts it as

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

    base_form_class = NewWeekForm

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
    api_fields = [
        APIField("start_date"),
        APIField("end_date"),
        APIField("notice"),
        APIField("changed_count"),
        # The days (entries by date) are added by the concrete page, with their serializer.
    ]

    entry_problems = staticmethod(entry_problems)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._fill_title_and_slug()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "entries" in update_fields:
            mark_changed_entries(self)
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        message = end_before_start(self.start_date, self.end_date)
        if message:
            raise ValidationError({"end_date": message})

    def full_clean(self, *args, **kwargs):
        self._fill_title_and_slug(follow_dates=False)
        super().full_clean(*args, **kwargs)

    # Model hooks -------------------------------------------------------------------------------

    # The index that lists this week page, as "app_label.ModelName" (see schedule_model_name).
    index_model_name = "wagtail_ward_schedule.ScheduleIndexPage"

    @classmethod
    def index_model(cls):
        """The index page that lists this schedule (``index_model_name`` resolved)."""
        return apps.get_model(cls.index_model_name)

    @classmethod
    def entry_model(cls):
        """The entry model: the inline model whose ParentalKey to this page is "entries"."""
        return cls._meta.get_field("entries").related_model

    # Title, address, checks --------------------------------------------------------------------

    @property
    def language_code(self):
        return self.locale.language_code if self.locale_id else "vi"

    def title_and_slug(self, start_date, end_date):
        return title_and_slug(start_date, end_date, self.language_code)

    def _fill_title_and_slug(self, follow_dates=True):
        """Fill in an empty title and address; a generated title follows the dates."""
        if not (self.start_date and self.end_date):
            return
        title, slug = self.title_and_slug(self.start_date, self.end_date)
        if (follow_dates and self.title_is_generated) or not self.title:
            self.title = self.draft_title = title
        if not self.slug:
            self.slug = slug

    # Reading -----------------------------------------------------------------------------------

    def sorted_entries(self):
        return sorted(self.entries.all(), key=lambda entry: entry.sort_key)

    def days(self, today=None):
        return group_by_day(self.entries.all(), today or ward_today())

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
        # The index's address without a query: a week is always a child of its index.
        url = self.get_url(request) or ""
        context["index_url"] = url.rstrip("/").rpartition("/")[0] + "/" if url else ""
        return context

    def _with_entries(self, request=None):
        """This page with its entries and their leaders loaded in one query each.

        A preview keeps the entries of the editor's form instead.
        """
        if not getattr(request, "is_preview", False):
            prefetch_related_objects(
                [self], Prefetch("entries", queryset=entries_queryset(self.entry_model()))
            )
        return self

    # Views -------------------------------------------------------------------------------------

    @path("")
    def schedule_view(self, request):
        self._with_entries(request)
        return self.render(request)

    @path("print/", name="print")
    def print_view(self, request):
        self._with_entries(request)
        return self.render(request, template="wagtail_ward/schedule/weekly_schedule_print.html")

    @path("ical/", name="ical")
    def ical_view(self, request):
        entries = entries_queryset(self.entry_model()).filter(page=self).select_related("page")
        return ical_answer(request, self, entries, name=self.title, windowed=False)

    @path("in/", name="old_print")
    def old_print_view(self, request):
        return self.redirect_to_route(request, "print")
