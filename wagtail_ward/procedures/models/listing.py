"""The index's list: filters by sector, level and online level, search, pagination.

The filters are a plain GET form (``?sector=ho-tich&level=xa&online=full&q=khai+sinh&page=2``),
so they work without JavaScript and their state is in the address. An unknown value of any of
them answers 400 naming the parameter. Every page of the list costs the same few queries
whatever the number of procedures.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path

from ...params import BadParameter, bad_request, choice, positive_int, search_text
from ...public import public_q
from .choices import Level, OnlineLevel
from .search import search_procedures


class ProcedureListingMixin:
    """Routes and queries of the procedure index (mixed into ``ProcedureIndexPageMixin``)."""

    def live_procedures(self, request=None):
        """Live, public procedures of this index, by sector then name."""
        return (
            self.procedure_model()
            .objects.child_of(self)
            .live()
            .filter(public_q(request))
            .select_related("sector")
            .order_by("sector__sort_order", "sector__name", "title", "pk")
        )

    def recently_changed(self, request=None):
        if not self.recent_count:
            return []
        return list(
            self.live_procedures(request)
            .filter(last_updated__isnull=False)
            .order_by("-last_updated", "title", "pk")[: self.recent_count]
        )

    def read_filters(self, request, sectors):
        """The filters of the request, checked: ``{"sector", "level", "online", "q"}``."""
        query = request.GET
        sector_slugs = [sector.slug for sector in sectors]
        return {
            "sector": choice(query, "sector", sector_slugs, default=""),
            "level": choice(query, "level", Level.values, default=""),
            "online": choice(query, "online", OnlineLevel.values, default=""),
            "q": search_text(query, "q", max_length=200),
        }

    def filtered(self, procedures, filters):
        if filters["sector"]:
            procedures = procedures.filter(sector__slug=filters["sector"])
        if filters["level"]:
            procedures = procedures.filter(level=filters["level"])
        if filters["online"]:
            procedures = procedures.filter(online_level=filters["online"])
        if filters["q"]:
            procedures = search_procedures(procedures, filters["q"])
        return procedures

    def _render_list(self, request, **preset):
        sectors = list(self.sectors())
        try:
            filters = self.read_filters(request, sectors)
            filters.update(preset)
            number = positive_int(request.GET, "page", default=1)
        except BadParameter as error:
            return bad_request(error, json=False)
        procedures = self.filtered(self.live_procedures(request), filters)
        page_obj = Paginator(procedures, self.per_page or 30).get_page(number)
        active = {name: value for name, value in filters.items() if value}
        groups = []  # by sector; search results stay in their order of relevance
        for procedure in page_obj:
            heading = "" if filters["q"] else procedure.sector.name
            if not groups or groups[-1][0] != heading:
                groups.append((heading, []))
            groups[-1][1].append(procedure)
        context = self.get_context(request)
        context.update(
            {
                "procedures": page_obj,
                "groups": groups,
                "sectors": sectors,
                "levels": Level.choices,
                "online_levels": OnlineLevel.choices,
                "filters": filters,
                "filtered": bool(active),
                "page_query": urlencode(active),
                "recent": [] if active else self.recently_changed(request),
            }
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("")
    def index_view(self, request):
        return self._render_list(request)

    @path("sector/<slug:slug>/", name="sector")
    def sector_view(self, request, slug):
        if not self.sectors().filter(slug=slug).exists():
            raise Http404(_("There is no sector “%(slug)s”.") % {"slug": slug})
        return self._render_list(request, sector=slug)
