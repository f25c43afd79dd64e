"""The API fields of a programme page (every field, the courses, the derived values)."""

from rest_framework.fields import DateField, IntegerField
from wagtail.api import APIField

from ..serializers import CoursesField, StatusField, UnitsField

PROGRAMME_API_FIELDS = [
    APIField("date"),
    APIField("organiser"),
    APIField("summary"),
    APIField("target_trainees"),
    APIField("selected_so_far", serializer=IntegerField(read_only=True)),
    APIField("participating_units", serializer=UnitsField(source="*")),
    APIField("total_duration_months"),
    APIField("applications_open"),
    APIField("applications_close"),
    APIField("status", serializer=StatusField(source="*")),
    APIField("days_left_to_apply", serializer=IntegerField(read_only=True)),
    APIField("ends_on", serializer=DateField(read_only=True)),
    APIField("age_limit"),
    APIField("civil_servant_age_limit"),
    APIField("accepts_applications"),
    APIField("contact"),
    APIField("courses", serializer=CoursesField(source="*")),
    APIField("eligibility"),
    APIField("benefits"),
    APIField("graduate_policy"),
    APIField("obligations"),
    APIField("application_forms"),
    APIField("body"),
]
