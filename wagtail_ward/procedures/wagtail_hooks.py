"""Admin of the procedures: the sector and agency snippets, import/export buttons, the API."""

from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .api import register_endpoints
from .models import Agency, ProcedureIndexPageMixin, ProcedureSector


class ProcedureSectorViewSet(SnippetViewSet):
    model = ProcedureSector
    icon = "folder-open-inverse"
    menu_label = gettext_lazy("Procedure sectors")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "home"
    menu_label = gettext_lazy("Implementing agencies")
    list_display = ["name", "address", "phone"]
    search_fields = ["name", "address"]


register_snippet(ProcedureSectorViewSet)
register_snippet(AgencyViewSet)

hooks.register("register_wagtail_ward_api_endpoints", register_endpoints)


@hooks.register("register_admin_urls")
def register_procedure_urls():
    urls = [
        path("<int:page_id>/import/", views.import_view, name="import"),
        re_path(
            r"^(?P<page_id>[0-9]+)/export\.(?P<file_format>json|xlsx)$",
            views.export_view,
            name="export",
        ),
    ]
    return [
        path(
            "procedures/",
            include((urls, "wagtail_ward_procedures"), namespace="wagtail_ward_procedures"),
        )
    ]


@hooks.register("register_page_header_buttons")
def procedure_header_buttons(page, user, view_name, next_url=None):
    if not issubclass(page.specific_class or type(page), ProcedureIndexPageMixin):
        return
    if not page.permissions_for_user(user).can_add_subpage():
        return
    yield Button(
        _("Import procedures"),
        reverse("wagtail_ward_procedures:import", args=[page.pk]),
        icon_name="upload",
        priority=80,
    )
    for file_format in ("json", "xlsx"):
        yield Button(
            _("Export (%(format)s)") % {"format": file_format},
            reverse("wagtail_ward_procedures:export", args=[page.pk, file_format]),
            icon_name="download",
            priority=81,
        )
