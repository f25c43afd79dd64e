"""What the API shows of a programme: its courses and derived values as structured data."""

from rest_framework import serializers


class CoursesField(serializers.Field):
    """The courses in their order, with numbers as numbers and dates as ISO dates."""

    openapi_schema = {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"type": "string"}},
        },
    }

    def to_representation(self, page):
        return [course.api_representation() for course in page.sorted_courses()]


class StatusField(serializers.Field):
    """The status today: ``{"code": "open", "label": "Open for applications", "overridden"}``."""

    openapi_schema = {
        "type": "object",
        "required": ["code", "label", "set_by_hand"],
        "properties": {
            "code": {"type": "string"},
            "label": {"type": "string"},
            "set_by_hand": {"type": "boolean"},
        },
    }

    def to_representation(self, page):
        status = page.status()
        return {
            "code": status.value,
            "label": str(status.label),
            "set_by_hand": bool(page.status_override),
        }


class UnitsField(serializers.Field):
    """The participating units: how many and which (their names, possibly none)."""

    openapi_schema = {
        "type": "object",
        "required": ["count", "names"],
        "properties": {"count": {"type": ["integer", "null"]}, "names": {"type": "array"}},
    }

    def to_representation(self, page):
        return {"count": page.participating_units_count, "names": page.unit_names}
