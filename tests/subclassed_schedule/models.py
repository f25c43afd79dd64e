"""A project's own schedule pages over the schedule mixins, as a project would write them.

The family's tests run through these pages with ``WARD_TEST_PAGES=subclassed`` (see
tests/families.py): a mixin that names one of the family's concrete classes fails there.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.api import APIField
from wagtail.models import Page

from wagtail_ward.schedule.models import (
    AbstractScheduleEntry,
    ScheduleIndexPageMixin,
    WeeklySchedulePageMixin,
)
from wagtail_ward.schedule.serializers import ScheduleDaysField


class ProjectScheduleIndexPage(ScheduleIndexPageMixin, Page):
    template = "wagtail_ward/schedule/schedule_index_page.html"
    parent_page_types = ["wagtail_ward.WardHomePage"]
    subpage_types = ["subclassed_schedule.ProjectWeeklySchedulePage"]
    schedule_model_name = "subclassed_schedule.ProjectWeeklySchedulePage"


class ProjectWeeklySchedulePage(WeeklySchedulePageMixin, Page):
    template = "wagtail_ward/schedule/weekly_schedule_page.html"
    parent_page_types = ["subclassed_schedule.ProjectScheduleIndexPage"]
    subpage_types = []

    api_fields = [
        *WeeklySchedulePageMixin.api_fields,
        APIField("days", serializer=ScheduleDaysField(source="api_days")),
    ]
    index_model_name = "subclassed_schedule.ProjectScheduleIndexPage"


class ProjectScheduleEntry(AbstractScheduleEntry):
    """The project's week page has entries of its own: the fields come from the family."""

    page = ParentalKey(ProjectWeeklySchedulePage, related_name="entries", on_delete=models.CASCADE)

    class Meta(AbstractScheduleEntry.Meta):
        pass
