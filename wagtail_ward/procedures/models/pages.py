"""The family's own thin concrete pages over the mixins."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .mixins import ProcedureIndexPageMixin, ProcedurePageMixin


class ProcedureIndexPage(ProcedureIndexPageMixin, Page):
    template = "wagtail_ward/procedures/procedure_index_page.html"
    subpage_types = ["wagtail_ward_procedures.ProcedurePage"]
    procedure_model_name = "wagtail_ward_procedures.ProcedurePage"

    class Meta:
        verbose_name = _("procedure index page")
        verbose_name_plural = _("procedure index pages")


class ProcedurePage(ProcedurePageMixin, Page):
    template = "wagtail_ward/procedures/procedure_page.html"
    parent_page_types = ["wagtail_ward_procedures.ProcedureIndexPage"]
    subpage_types = []
    index_model_name = "wagtail_ward_procedures.ProcedureIndexPage"

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")
