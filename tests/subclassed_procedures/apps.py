from django.apps import AppConfig


class SubclassedProceduresConfig(AppConfig):
    """A project's own procedure pages, built on the family's mixins (see tests/families.py)."""

    name = "tests.subclassed_procedures"
    label = "subclassed_procedures"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_ward.registry import register_item_type

        from .models import ProjectProcedurePage

        # As the family does for its own procedure: an announced procedure joins "Tin mới".
        register_item_type(
            ProjectProcedurePage, date_field="announced_on", summary_field="change_note"
        )
