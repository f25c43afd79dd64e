"""Weekly work schedules (lịch công tác tuần): entries per day, iCal feeds, spreadsheet import."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "wagtail_ward.schedule"
    label = "wagtail_ward_schedule"
    verbose_name = _("Weekly work schedule")
    default_auto_field = "django.db.models.BigAutoField"
    # Checked by wagtail_ward.checks (E005, E006): the iCal feeds and the spreadsheet import.
    ward_requires_apps = ("wagtail.contrib.routable_page",)
    ward_requires_modules = (
        ("icalendar", "icalendar"),
        ("openpyxl", "openpyxl"),
        ("charset_normalizer", "charset-normalizer"),
        ("defusedxml", "defusedxml"),
    )

    def ready(self):
        from ..fragments import watch_models
        from ..registry import register_item_type
        from .models import Leader, ScheduleEntry, WeeklySchedulePage

        register_item_type(WeeklySchedulePage, date_field="start_date")
        # A template may keep parts of a schedule between requests ({% ward_cache %}).
        watch_models(Leader, ScheduleEntry)
