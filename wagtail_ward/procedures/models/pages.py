"""The family's own thin concrete pages over the mixins."""

from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.models import Page

from ..serializers import ObjectField, RowsField
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

    api_fields = [
        APIField("code"),
        APIField("decision"),
        APIField("sector", serializer=ObjectField()),
        APIField("level"),
        APIField("agency", serializer=ObjectField()),
        APIField("submission_place"),
        APIField("applicants"),
        APIField("steps", serializer=RowsField()),
        APIField("methods", serializer=RowsField()),
        APIField("dossier", serializer=RowsField()),
        APIField("dossier_sets"),
        APIField("processing_days"),
        APIField("processing_time_text"),
        APIField("result"),
        APIField("fees"),
        APIField("requirements"),
        APIField("legal_basis", serializer=RowsField()),
        APIField("online_level"),
        APIField("portal_url"),
        APIField("last_updated"),
        APIField("announced_on"),
        APIField("change_note"),
    ]

    class Meta:
        verbose_name = _("administrative procedure")
        verbose_name_plural = _("administrative procedures")
