"""The project serves its own schedules at /api/v2/schedules/ when the tests run through them."""

from wagtail import hooks

from tests.families import SUBCLASSED
from wagtail_ward.schedule.api import ScheduleAPIViewSet

from .models import ProjectScheduleIndexPage


# order=1: after the family's own registration of the same endpoint name.
@hooks.register("register_wagtail_ward_api_endpoints", order=1)
def register_schedule_endpoint(router):
    if SUBCLASSED:
        router.register_endpoint(
            "schedules", ScheduleAPIViewSet.for_index(ProjectScheduleIndexPage)
        )
