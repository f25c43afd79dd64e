from django.db.models import Sum
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DailyVisitCount, SideBox, UnitProfile
from .polls.admin_views import PollViewSet
from .visits import group_digits


class UnitProfileViewSet(SnippetViewSet):
    model = UnitProfile
    icon = "home"
    menu_label = _("Unit profiles")
    list_display = ["name", "governing_body", "parent_unit_name"]
    search_fields = ["name"]


class SideBoxViewSet(SnippetViewSet):
    """Boxes of the side column; drag the rows of the list to order them."""

    model = SideBox
    icon = "list-ul"
    menu_label = _("Side boxes")
    list_display = ["title", "kind", "site"]
    sort_order_field = "sort_order"


register_snippet(UnitProfileViewSet)
register_snippet(SideBoxViewSet)
register_snippet(PollViewSet)


class VisitorsPanel(Component):
    """Dashboard panel: visits counted on each site."""

    name = "wagtail_ward_visitors"
    order = 150
    template_name = "wagtail_ward/admin/visitors_panel.html"

    def get_context_data(self, parent_context):
        language = translation.get_language() or "vi"
        # One query for every site: a district has a site per ward.
        totals = dict(
            DailyVisitCount.objects.values_list("site").annotate(total=Sum("count")).order_by()
        )
        return {
            "sites": [
                {"site": site, "total": group_digits(totals.get(site.pk, 0), language)}
                for site in Site.objects.order_by("site_name", "hostname")
            ]
        }


@hooks.register("construct_homepage_panels")
def add_visitors_panel(request, panels):
    panels.append(VisitorsPanel())
