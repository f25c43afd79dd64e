"""API v2 endpoint of the procedures, registered by the family's ``wagtail_hooks.py``.

``/api/v2/procedures/`` lists the live, public procedures with every field (``?fields=*``),
the sector and agency as objects and the dossier's form templates with download URLs, filtered
by ``?sector=<slug>``, ``?level=``, ``?online_level=`` and ``?code=``; ``?q=`` searches name
and code ignoring accents and đ. Every response costs the same number of queries.
"""

from django.db.models import Prefetch
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy

from ..api import WardPagesAPIViewSet
from ..params import choice, text
from .models import Level, OnlineLevel, ProcedureIndexPage, search_procedures


class ProcedureAPIViewSet(WardPagesAPIViewSet):
    name = "procedures"
    #: The index page type whose procedures the endpoint lists.
    index_model = ProcedureIndexPage
    known_query_parameters = WardPagesAPIViewSet.known_query_parameters.union(
        ["sector", "level", "online_level", "code", "q"]
    )
    listing_default_fields = [
        *WardPagesAPIViewSet.listing_default_fields,
        "code",
        "sector",
        "level",
        "online_level",
    ]

    openapi_parameters = [
        ("sector", gettext_lazy("The slug of a sector.")),
        (
            "level",
            gettext_lazy("The level of government."),
            {"type": "string", "enum": Level.values},
        ),
        (
            "online_level",
            gettext_lazy("How far it can be done online."),
            {"type": "string", "enum": OnlineLevel.values},
        ),
        ("code", gettext_lazy("A procedure's code.")),
        ("q", gettext_lazy("Words of the name or code, accents and đ ignored.")),
    ]

    @classproperty
    def model(cls):
        return cls.index_model.procedure_model()

    def check_parameters(self, query):
        super().check_parameters(query)
        text(query, "sector", max_length=255)
        choice(query, "level", Level.values)
        choice(query, "online_level", OnlineLevel.values)
        text(query, "code", max_length=32)
        text(query, "q", max_length=200)

    @classmethod
    def load_related(cls, queryset):
        # Also used by /api/v2/pages/?type=<the procedure model> (WardAPIRouter.loader_for).
        dossier = queryset.model._meta.get_field("dossier").related_model
        return queryset.select_related("locale", "sector", "agency").prefetch_related(
            "steps",
            "methods",
            Prefetch("dossier", queryset=dossier.objects.select_related("template")),
            "legal_basis",
        )

    def get_queryset(self):
        queryset = self.load_related(
            self.model.objects.filter(pk__in=self.get_base_queryset().values("pk"))
        )
        query = self.request.GET
        if query.get("sector"):
            queryset = queryset.filter(sector__slug=query["sector"])
        if query.get("code"):
            queryset = queryset.filter(code=query["code"])
        if query.get("q"):
            queryset = search_procedures(queryset, query["q"])
        return queryset

    def filter_queryset(self, queryset):
        # "sector" is a slug here, not the id Wagtail's field filter would expect.
        get = self.request._request.GET
        if "sector" in get:
            copy = get.copy()
            del copy["sector"]
            self.request._request.GET = copy
            try:
                return super().filter_queryset(queryset)
            finally:
                self.request._request.GET = get
        return super().filter_queryset(queryset)


def register_endpoints(router):
    router.register_endpoint("procedures", ProcedureAPIViewSet)
