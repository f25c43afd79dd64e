"""What the API shows of a programme: its courses and derived values as structured data."""

from rest_framework import serializers


class CoursesField(serializers.Field):
    """The courses in their order, with numbers as numbers and dates as ISO dates."""

    def to_representation(self, page):
        return [course.api_representation() for course in page.sorted_courses()]


class StatusField(serializers.Field):
    """The status today: ``{"code": "open", "label": "Open for applications", "overridden"}``."""

    def to_representation(self, page):
        status = page.status()
        return {
            "code": status.value,
            "label": str(status.label),
            "set_by_hand": bool(page.status_override),
        }


class UnitsField(serializers.Field):
    """The participating units: how many and which (their names, possibly none)."""

    def to_representation(self, page):
        return {"count": page.participating_units_count, "names": page.unit_names}
