from django.apps import AppConfig


class TestAppConfig(AppConfig):
    name = "tests.testapp"
    label = "wagtail_ward_testapp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail_ward.registry import register_item_type

        from .models import EventPage, NoticePage

        # Two families registered as a real page family would, with a date and a datetime.
        register_item_type(NoticePage, date_field="date", summary_field="summary")
        register_item_type(EventPage, date_field="starts_at")
