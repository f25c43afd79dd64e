from django.apps import AppConfig


class SubclassedScheduleConfig(AppConfig):
    """A project's own schedule pages, built on the family's mixins (see tests/families.py)."""

    name = "tests.subclassed_schedule"
    label = "subclassed_schedule"
    default_auto_field = "django.db.models.BigAutoField"
