"""API v2 endpoint of the procedures, registered by the family's ``wagtail_hooks.py``.

``/api/v2/procedures/`` lists the live, public procedures with every field (``?fields=*``),
the sector and agency as objects and the dossier's form templates with download URLs, filtered
by ``?sector=<slug>``, ``?level=``, ``?online_level=`` and ``?code=``; ``?q=`` searches name
and code ignoring accents and đ. ``/api/v2/procedures/facets/?locale=`` gives the counts per
sector, level and online level that the index's filters offer. Every response costs the same
number of queries.
"""

from django.db.models import Count, Prefetch
from django.urls import path
from django.utils.functional import classproperty
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.response import Response

from ..api import WardPagesAPIViewSet
from ..params import choice, requested_language, text
from .models import Level, OnlineLevel, ProcedureIndexPage, ProcedureSector, search_procedures


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

    @classmethod
    def openapi_paths(cls, prefix, errors, item):
        """``facets/`` in the OpenAPI document (wagtail_ward.api.openapi)."""
        count = {"type": "integer", "minimum": 0}

        def facet(*keys):
            return {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [*keys, "count"],
                    "properties": {**{key: {"type": "string"} for key in keys}, "count": count},
                },
            }

        sectors = facet("slug", "name")
        sectors["items"]["properties"]["id"] = {"type": "integer"}
        facets = {
            "type": "object",
            "required": ["locale", "total_count", "sectors", "levels", "online_levels"],
            "properties": {
                "locale": {"type": "string"},
                "total_count": count,
                "sectors": sectors,
                "levels": facet("value", "label"),
                "online_levels": facet("value", "label"),
            },
        }
        locale = {
            "name": "locale",
            "in": "query",
            "schema": {"type": "string", "enum": ["vi", "en"]},
        }
        return {
            f"{prefix}facets/": {
                "get": {
                    "operationId": "procedures_facets",
                    "tags": ["procedures"],
                    "summary": _(
                        "The number of live, public procedures per sector, level and online level."
                    ),
                    "parameters": [locale],
                    "responses": {
                        "200": {
                            "description": _("The counts."),
                            "content": {"application/json": {"schema": facets}},
                        },
                        **errors,
                    },
                }
            }
        }

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

    def facets_view(self, request):
        """The counts the index's filters offer: every sector of the language (in the filters'
        order), level and online level, each with its number of live, public procedures."""
        language = requested_language(request.GET)
        procedures = self.model.objects.filter(
            pk__in=self.get_base_queryset().values("pk"), locale__language_code=language
        ).order_by()

        def counts(field):
            return dict(procedures.values_list(field).annotate(n=Count("pk")))

        by_sector, by_level = counts("sector_id"), counts("level")
        by_online = counts("online_level")
        sectors = ProcedureSector.objects.filter(locale__language_code=language)
        return Response(
            {
                "locale": language,
                "total_count": sum(by_level.values()),
                "sectors": [
                    {
                        "id": sector.pk,
                        "slug": sector.slug,
                        "name": sector.name,
                        "count": by_sector.get(sector.pk, 0),
                    }
                    for sector in sectors
                ],
                "levels": [
                    {"value": value, "label": str(label), "count": by_level.get(value, 0)}
                    for value, label in Level.choices
                ],
                "online_levels": [
                    {"value": value, "label": str(label), "count": by_online.get(value, 0)}
                    for value, label in OnlineLevel.choices
                ],
            }
        )

    @classmethod
    def get_urlpatterns(cls):
        return [
            path("facets/", cls.as_view({"get": "facets_view"}), name="facets"),
            *super().get_urlpatterns(),
        ]

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
