"""Administrative procedures (thủ tục hành chính): the national fields, filters, bulk import."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "wagtail_ward.procedures"
    label = "wagtail_ward_procedures"
    verbose_name = _("Administrative procedures")
    default_auto_field = "django.db.models.BigAutoField"
    # Checked by wagtail_ward.checks (E005, E006): the print route and the spreadsheet import.
    ward_requires_apps = ("wagtail.contrib.routable_page", "wagtail.documents")
    ward_requires_modules = (("openpyxl", "openpyxl"),)

    def ready(self):
        from ..fragments import watch_models
        from ..registry import register_item_type
        from .models import Agency, ProcedurePage, ProcedureSector

        # Only a procedure an editor announces (a date in "announced on") joins "Tin mới".
        register_item_type(ProcedurePage, date_field="announced_on", summary_field="change_note")
        watch_models(ProcedureSector, Agency)
