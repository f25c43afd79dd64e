"""The admin of the Decree 42 items: the compliance panel on the dashboard, the compliance report
of each site, and the editors' list of citizens' questions. Registered by ``wagtail_hooks``."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.snippets.views.snippets import SnippetViewSet

from .compliance import site_compliance
from .models import CitizenQuestion

REPORT_PERMISSION = "wagtailadmin.access_admin"


class CompliancePanel(Component):
    """Dashboard panel: for each site, how many Decree 42 items are in order."""

    name = "wagtail_ward_compliance"
    order = 140
    template_name = "wagtail_ward/admin/compliance_panel.html"

    def get_context_data(self, parent_context):
        rows = []
        for site in Site.objects.select_related("root_page").order_by("site_name", "hostname"):
            items = site_compliance(site)
            rows.append(
                {
                    "site": site,
                    "ok": sum(item.ok for item in items),
                    "total": len(items),
                    "problems": [item for item in items if not item.ok],
                    "url": reverse("wagtail_ward_compliance", args=[site.pk]),
                }
            )
        return {"rows": rows}


@permission_required(REPORT_PERMISSION)
def compliance_report(request, site_id):
    site = get_object_or_404(Site.objects.select_related("root_page"), pk=site_id)
    items = site_compliance(site)
    return TemplateResponse(
        request,
        "wagtail_ward/admin/compliance_report.html",
        {
            "site": site,
            "items": items,
            "ok": sum(item.ok for item in items),
            "header_title": _("Decree 42 compliance"),
        },
    )


def admin_urls():
    return [
        path(
            "ward-compliance/<int:site_id>/",
            compliance_report,
            name="wagtail_ward_compliance",
        )
    ]


class CitizenQuestionViewSet(SnippetViewSet):
    """Questions sent by citizens, newest first; an editor answers and publishes them."""

    model = CitizenQuestion
    icon = "help"
    menu_label = _("Citizens' questions")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["__str__", "submitted_at", "status", "page"]
    list_filter = ["status"]
    search_fields = ["question", "published_question"]
    ordering = ["-submitted_at"]

    def get_queryset(self, request):
        return CitizenQuestion.objects.select_related("page")


__all__ = ["CitizenQuestionViewSet", "CompliancePanel", "admin_urls"]
