"""The API shape of a schedule's entries, grouped by date (used by the model's api_fields)."""

from rest_framework import serializers


class ScheduleDaysField(serializers.Field):
    """A schedule's entries as ``[{"date", "long_date", "is_today", "entries": [...]}]``."""

    openapi_schema = {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["date", "long_date", "is_today", "entries"],
            "properties": {
                "date": {"type": "string", "format": "date"},
                "long_date": {"type": "string"},
                "is_today": {"type": "boolean"},
                "entries": {"type": "array", "items": {"type": "object"}},
            },
        },
    }

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, days):
        return [
            {
                "date": day.date.isoformat(),
                "long_date": day.long_date,
                "is_today": day.is_today,
                "entries": [entry.api_representation() for entry in day.entries],
            }
            for day in days
        ]
