from django.db.models import Sum
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_i18n import (
    admin_javascript_catalogue_script,
    label_login_password,
    label_site_columns,
)
from .admin_site import point_settings_at_working_site, remember_site
from .decree_admin import CitizenQuestionViewSet, CompliancePanel, admin_urls
from .models import DailyVisitCount, SideBox, UnitProfile
from .polls.admin_views import PollViewSet
from .visits import group_digits

PUBLISH_AFTER_AUTOSAVE = "wagtail_ward/js/publish_after_autosave.js"


class UnitProfileViewSet(SnippetViewSet):
    model = UnitProfile
    icon = "home"
    menu_label = _("Unit profiles")
    list_display = ["name", "level", "governing_body", "parent_unit_name"]
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
register_snippet(CitizenQuestionViewSet)


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


# The Vietnamese strings of the admin's JavaScript, after Wagtail's own (see admin_i18n).
hooks.register("insert_global_admin_js", admin_javascript_catalogue_script)


@hooks.register("insert_editor_js")
def publish_after_autosave_script():
    """A publish clicked while Wagtail 8 autosaves a new page waits for that save, instead of
    being refused for the address the save's draft already holds (see the script)."""
    return format_html('<script src="{}"></script>', static(PUBLISH_AFTER_AUTOSAVE))


label_login_password()
label_site_columns()


# Site settings open on the site the editor is working in (see admin_site).
@hooks.register("before_edit_page")
def remember_site_of_edited_page(request, page):
    remember_site(request, page)


@hooks.register("before_create_page")
def remember_site_of_new_page(request, parent_page, page_class):
    remember_site(request, parent_page)


@hooks.register("construct_explorer_page_queryset")
def remember_site_of_explored_pages(parent_page, pages, request):
    remember_site(request, parent_page)
    return pages


@hooks.register("construct_settings_menu")
def open_settings_on_working_site(request, menu_items):
    point_settings_at_working_site(request, menu_items)


@hooks.register("construct_homepage_panels")
def add_compliance_panel(request, panels):
    panels.append(CompliancePanel())


@hooks.register("register_admin_urls")
def register_compliance_urls():
    return admin_urls()
