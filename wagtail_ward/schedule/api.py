"""API v2 endpoint of the weekly schedules, registered by the feature's ``wagtail_hooks.py``.

- ``/api/v2/schedules/`` and ``/api/v2/schedules/<id>/``: live, public schedules of the site,
  each with ``days`` (entries grouped by date, leaders as objects, changed marks);
- ``/api/v2/schedules/covering/?date=2015-08-05``: the schedule covering that date (today in the
  office's time zone by default), 404 when there is none;
- ``/api/v2/schedules/entries/?from=2015-08-03&to=2015-08-09&leader=<id>``: the entries of live,
  public schedules in that date range (at most 366 days).

Every response costs the same number of queries whatever the number of entries.
"""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url

from ..api import WardPagesAPIViewSet
from ..dates import long_date, ward_today
from ..params import date, positive_int, requested_language
from .models import ScheduleIndexPage, entries_queryset

MAX_RANGE_DAYS = 366


class ScheduleAPIViewSet(WardPagesAPIViewSet):
    """The schedules of ``index_model`` (its ``schedule_model()``); a project with its own
    pages registers ``ScheduleAPIViewSet.for_index(ProjectScheduleIndexPage)``."""

    index_model = ScheduleIndexPage
    model = ScheduleIndexPage.schedule_model()
    known_query_parameters = WardPagesAPIViewSet.known_query_parameters.union(
        ["date", "from", "to", "leader"]
    )
    listing_default_fields = [*WardPagesAPIViewSet.listing_default_fields, "start_date", "end_date"]

    openapi_parameters = [
        (
            "date",
            gettext_lazy("Schedules covering this day (YYYY-MM-DD)."),
            {"type": "string", "format": "date"},
        ),
        ("leader", gettext_lazy("Entries of this leader (id)."), {"type": "integer", "minimum": 1}),
    ]

    @classmethod
    def openapi_paths(cls, prefix, errors, item):
        """``covering/`` and ``entries/`` in the OpenAPI document (wagtail_ward.api.openapi)."""
        day = {"type": "string", "format": "date"}
        locale = {
            "name": "locale",
            "in": "query",
            "schema": {"type": "string", "enum": ["vi", "en"]},
        }
        entries = {
            "type": "object",
            "required": ["meta", "items"],
            "properties": {
                "meta": {"type": "object", "required": ["from", "to", "total_count"]},
                "items": {"type": "array", "items": {"type": "object", "required": ["date"]}},
            },
        }
        return {
            f"{prefix}covering/": {
                "get": {
                    "operationId": "schedules_covering",
                    "tags": ["schedules"],
                    "summary": _("The schedule covering a day (today by default)."),
                    "parameters": [{"name": "date", "in": "query", "schema": day}, locale],
                    "responses": {
                        "200": {
                            "description": _("The schedule."),
                            "content": {"application/json": {"schema": item}},
                        },
                        **errors,
                    },
                }
            },
            f"{prefix}entries/": {
                "get": {
                    "operationId": "schedules_entries",
                    "tags": ["schedules"],
                    "summary": _(
                        "The entries of a date range (a week by default, at most 366 days)."
                    ),
                    "parameters": [
                        {"name": "from", "in": "query", "schema": day},
                        {"name": "to", "in": "query", "schema": day},
                        {
                            "name": "leader",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1},
                        },
                        locale,
                    ],
                    "responses": {
                        "200": {
                            "description": _("The entries."),
                            "content": {"application/json": {"schema": entries}},
                        },
                        **errors,
                    },
                }
            },
        }

    @classmethod
    def for_index(cls, index_model):
        """This viewset for a project's own index page and the schedules it lists."""
        return type(
            f"{index_model.__name__}APIViewSet",
            (cls,),
            {"index_model": index_model, "model": index_model.schedule_model()},
        )

    def check_parameters(self, query):
        # Dates from year 1 to 9998, so that a week or a year after any of them is a date too.
        super().check_parameters(query)
        date(query, "date")
        date(query, "from")
        date(query, "to")
        positive_int(query, "leader")

    @classmethod
    def load_related(cls, queryset):
        # Also used by /api/v2/pages/?type=<the schedule model> (WardAPIRouter.loader_for).
        return queryset.select_related("locale").prefetch_related(
            Prefetch("entries", queryset=entries_queryset(queryset.model.entry_model()))
        )

    def schedules(self, language=None):
        """Live, public schedules of the requested site, entries prefetched, in the language of
        ``?locale=`` (or ``language``: every language when both are empty)."""
        public = self.get_base_queryset().values("pk")
        queryset = self.load_related(self.model.objects.filter(pk__in=public))
        code = self.request.GET.get("locale") or language
        if code:
            queryset = queryset.filter(locale__language_code=code)
        return queryset

    def get_queryset(self):
        return self.schedules().order_by("-start_date", "-pk")

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def covering_view(self, request):
        day = date(request.GET, "date", ward_today())
        schedule = (
            self.schedules(requested_language(request.GET))
            .filter(start_date__lte=day, end_date__gte=day)
            .order_by("-start_date", "-pk")
            .first()
        )
        if schedule is None:
            return Response(
                {
                    "message": _("No schedule covers %(date)s.") % {"date": long_date(day)},
                    "date": day.isoformat(),
                },
                status=404,
            )
        self.kwargs["pk"] = schedule.pk
        self.action = "detail_view"
        serializer = self.get_serializer(schedule)
        return Response(serializer.data)

    def entries_view(self, request):
        today = ward_today()
        start = date(request.GET, "from", today)
        end = date(request.GET, "to", start + datetime.timedelta(days=6))
        if end < start:
            raise BadRequestError(_("“to” must not be before “from”."))
        if (end - start).days > MAX_RANGE_DAYS:
            raise BadRequestError(
                _("Ask for at most %(days)s days at a time.") % {"days": MAX_RANGE_DAYS}
            )
        schedules = self.schedules(requested_language(request.GET)).values("pk")
        entries = (
            self.model.entry_model()
            .objects.filter(page_id__in=schedules, date__gte=start, date__lte=end)
            .select_related("leader", "page")
            .order_by("date", "start_time", "sort_order", "pk")
        )
        leader = positive_int(request.GET, "leader")
        if leader is not None:
            entries = entries.filter(leader_id=leader)
        items = sorted(entries, key=lambda entry: entry.sort_key)
        router = request.wagtailapi_router
        return Response(
            {
                "meta": {
                    "from": start.isoformat(),
                    "to": end.isoformat(),
                    "total_count": len(items),
                },
                "items": [
                    {
                        **entry.api_representation(),
                        "schedule": {
                            "id": entry.page_id,
                            "title": entry.page.title,
                            "detail_url": get_object_detail_url(
                                router, request, self.model, entry.page_id
                            ),
                        },
                    }
                    for entry in items
                ],
            }
        )

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("covering/", cls.as_view({"get": "covering_view"}), name="covering"),
            path("entries/", cls.as_view({"get": "entries_view"}), name="entries"),
            *super().get_urlpatterns(),
        ]


def register_endpoints(router):
    router.register_endpoint("schedules", ScheduleAPIViewSet)
