from django.apps import AppConfig


class SubclassedNewsConfig(AppConfig):
    """A project's own news pages, built on the family's mixins (see tests/families.py)."""

    name = "tests.subclassed_news"
    label = "subclassed_news"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_ward.registry import register_item_type

        from .models import ProjectNewsPage

        # As the family does for its own article: "Tin mới" and the sitemap count.
        register_item_type(ProjectNewsPage, date_field="date", summary_field="lead")
