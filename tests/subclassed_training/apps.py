from django.apps import AppConfig


class SubclassedTrainingConfig(AppConfig):
    """A project's own training pages, built on the family's mixins (see tests/families.py)."""

    name = "tests.subclassed_training"
    label = "subclassed_training"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_ward.fragments import watch_models
        from wagtail_ward.registry import register_item_type

        from .models import ProjectTrainingCourse, ProjectTrainingProgrammePage

        # As the family does for its own programme: "Tin mới", the sitemap, fragment caches.
        register_item_type(ProjectTrainingProgrammePage, date_field="date", summary_field="summary")
        watch_models(ProjectTrainingCourse)
