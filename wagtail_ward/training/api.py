"""The training programmes in the Wagtail API v2, for headless frontends.

``/api/v2/training/`` lists live, public programmes with their courses loaded in one query;
``?status=open|in_progress|planned|completed`` keeps the programmes with that status today and
``?open_on=YYYY-MM-DD`` those open for applications on that day. Every programme has its
derived ``status`` and ``days_left_to_apply``. Each response costs the same number of queries
whatever the number of programmes and courses.
"""

from django.db.models import Count, IntegerField, Max, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..api import WardPagesAPIViewSet
from ..dates import ward_today
from ..params import BadParameter, choice, date
from .models import STATUS_ORDER, TrainingIndexPage, derived_status


class TrainingAPIViewSet(WardPagesAPIViewSet):
    """The programmes of ``index_model`` (its ``programme_model()``); a project with its own
    pages registers a subclass with its own ``index_model``."""

    name = "training"
    index_model = TrainingIndexPage
    known_query_parameters = WardPagesAPIViewSet.known_query_parameters.union(["status", "open_on"])
    listing_default_fields = [
        *WardPagesAPIViewSet.listing_default_fields,
        "status",
        "applications_close",
        "days_left_to_apply",
    ]

    openapi_parameters = [
        (
            "status",
            gettext_lazy("Programmes with this status today."),
            {"type": "string", "enum": list(STATUS_ORDER)},
        ),
        (
            "open_on",
            gettext_lazy("Programmes open for applications that day."),
            {"type": "string", "format": "date"},
        ),
    ]

    @classproperty
    def model(cls):
        return cls.index_model.programme_model()

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only)
        if db_fields_only:
            # The courses are a list in the answer, not a filter or an order: ?courses= and
            # ?order=courses answer 400 as an unknown field instead of reaching the database.
            fields = [name for name in fields if name != "courses"]
        return fields

    def check_parameters(self, query):
        super().check_parameters(query)
        # Wagtail 7 orders by a reverse relation it is given (one row per course): refused on
        # every Wagtail, as Wagtail 8 does.
        if query.get("order", "").lstrip("-") == "courses":
            raise BadParameter(
                "order", _("“courses” is a list of each programme and cannot order them.")
            )
        choice(query, "status", STATUS_ORDER)
        date(query, "open_on")

    @classmethod
    def load_related(cls, queryset):
        # Also used by /api/v2/pages/?type=<the programme model> (WardAPIRouter.loader_for).
        model = queryset.model
        selected = (
            model.application_model()
            .objects.filter(programme_key=OuterRef("translation_key"), status="selected")
            .order_by()
            .values("programme_key")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            queryset.select_related("locale")
            .prefetch_related(
                Prefetch("courses", queryset=model.course_model().objects.order_by("sort_order"))
            )
            .annotate(
                _selected_applications=Coalesce(
                    Subquery(selected, output_field=IntegerField()), Value(0)
                )
            )
        )

    def get_queryset(self):
        queryset = self.model.objects.filter(
            pk__in=self.get_base_queryset().values_list("pk", flat=True)
        )
        open_on = date(self.request.GET, "open_on")
        if open_on is not None:
            queryset = queryset.filter(
                applications_open__lte=open_on, applications_close__gte=open_on
            )
        wanted = choice(self.request.GET, "status", STATUS_ORDER)
        if wanted:
            queryset = queryset.filter(pk__in=self._pks_with_status(queryset, wanted))
        return self.load_related(queryset)

    @staticmethod
    def _pks_with_status(queryset, wanted):
        """The programmes of ``queryset`` whose status today is ``wanted`` (one query)."""
        today = ward_today()
        rows = queryset.annotate(ends=Max("courses__end_date")).values_list(
            "pk", "status_override", "applications_open", "applications_close", "ends"
        )
        return [
            pk
            for pk, override, opens, closes, ends in rows
            if (override or derived_status(today, opens, closes, ends).value) == wanted
        ]

    def get_object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])


def register_endpoints(router):
    router.register_endpoint("training", TrainingAPIViewSet)
