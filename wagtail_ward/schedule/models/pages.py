"""The family's own thin concrete pages over the mixins."""

from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField
from wagtail.models import Page

from ..serializers import ScheduleDaysField
from .mixins import ScheduleIndexPageMixin, WeeklySchedulePageMixin


class ScheduleIndexPage(ScheduleIndexPageMixin, Page):
    template = "wagtail_ward/schedule/schedule_index_page.html"
    subpage_types = ["wagtail_ward_schedule.WeeklySchedulePage"]

    class Meta:
        verbose_name = _("schedule index page")
        verbose_name_plural = _("schedule index pages")


class WeeklySchedulePage(WeeklySchedulePageMixin, Page):
    template = "wagtail_ward/schedule/weekly_schedule_page.html"
    parent_page_types = ["wagtail_ward_schedule.ScheduleIndexPage"]
    subpage_types = []

    api_fields = [
        *WeeklySchedulePageMixin.api_fields,
        APIField("days", serializer=ScheduleDaysField(source="api_days")),
    ]

    class Meta:
        verbose_name = _("weekly schedule")
        verbose_name_plural = _("weekly schedules")
