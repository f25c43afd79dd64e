"""The API shape of a schedule's entries, grouped by date (used by the model's api_fields)."""

from rest_framework import serializers


class ScheduleDaysField(serializers.Field):
    """A schedule's entries as ``[{"date", "long_date", "is_today", "entries": [...]}]``."""

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
