"""Training programmes (đào tạo): the programme page, its courses and online applications."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "wagtail_ward.training"
    label = "wagtail_ward_training"
    verbose_name = _("Training programmes")
    # Public URLs outside the pages (an applicant's document, reviewers only): wagtail_ward.urls
    # includes them when the family is installed.
    ward_urls = "wagtail_ward.training.urls"
    default_auto_field = "django.db.models.BigAutoField"
    # Checked by wagtail_ward.checks (E005, E006): routes, and the .xlsx export of applications.
    ward_requires_apps = ("wagtail.contrib.routable_page",)
    ward_requires_modules = (("openpyxl", "openpyxl"),)

    def ready(self):
        from ..fragments import watch_models
        from ..registry import register_item_type
        from .models import TrainingCourse, TrainingProgrammePage

        register_item_type(TrainingProgrammePage, date_field="date", summary_field="summary")
        watch_models(TrainingCourse)
