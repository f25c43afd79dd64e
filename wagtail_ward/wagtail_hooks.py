from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import UnitProfile
from .polls.admin_views import PollViewSet
from .visits import group_digits, visitor_total


class UnitProfileViewSet(SnippetViewSet):
    model = UnitProfile
    icon = "home"
    menu_label = _("Unit profiles")
    list_display = ["name", "governing_body", "parent_unit_name"]
    search_fields = ["name"]


register_snippet(UnitProfileViewSet)
register_snippet(PollViewSet)


class VisitorsPanel(Component):
    """Dashboard panel: visits counted on each site."""

    name = "wagtail_ward_visitors"
    order = 150
    template_name = "wagtail_ward/admin/visitors_panel.html"

    def get_context_data(self, parent_context):
        from django.utils import translation

        language = translation.get_language() or "vi"
        return {
            "sites": [
                {"site": site, "total": group_digits(visitor_total(site), language)}
                for site in Site.objects.order_by("site_name", "hostname")
            ]
        }


@hooks.register("construct_homepage_panels")
def add_visitors_panel(request, panels):
    panels.append(VisitorsPanel())
