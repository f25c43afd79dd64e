from django.apps import AppConfig


class SubclassedNewsConfig(AppConfig):
    """A project's own news pages, built on the family's mixins (see tests/families.py)."""

    name = "tests.subclassed_news"
    label = "subclassed_news"
    default_auto_field = "django.db.models.BigAutoField"
