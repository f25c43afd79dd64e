from django.apps import AppConfig


class SubclassedScheduleConfig(AppConfig):
    """A project's own schedule pages, built on the family's mixins (see tests/families.py)."""

    name = "tests.subclassed_schedule"
    label = "subclassed_schedule"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_ward.fragments import watch_models
        from wagtail_ward.registry import register_item_type

        from .models import ProjectScheduleEntry, ProjectWeeklySchedulePage

        register_item_type(ProjectWeeklySchedulePage, date_field="start_date")
        watch_models(ProjectScheduleEntry)
