from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailWardConfig(AppConfig):
    name = "wagtail_ward"
    label = "wagtail_ward"
    verbose_name = _("Ward website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
