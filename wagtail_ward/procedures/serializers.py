"""The API shape of a procedure's sector, agency and rows (used by the model's api_fields)."""

from rest_framework import serializers
from wagtail.api import APIField


class ObjectField(serializers.Field):
    """A snippet (sector, agency) as its ``api_representation()``, or null."""

    openapi_schema = {
        "type": ["object", "null"],
        "required": ["id", "name"],
        "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
    }

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        # Keep a missing (null) snippet as None rather than skipping the field.
        return getattr(instance, self.source, None)

    def to_representation(self, value):
        return value.api_representation() if value is not None else None


class RowsField(serializers.Field):
    """Inline rows as their ``export()``; a dossier's form template with its download URLs."""

    # A row's export(): an object, or the text of a step.
    openapi_schema = {"type": "array", "items": {"type": ["object", "string"]}}

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, rows):
        request = self.context.get("request")
        items = []
        for row in rows.all():
            item = row.export()
            if hasattr(row, "template_id"):
                document = row.template if row.template_id else None
                item["template"] = (
                    {
                        "id": document.pk,
                        "title": document.title,
                        "url": document.url,
                        "full_url": request.build_absolute_uri(document.url)
                        if request is not None
                        else document.url,
                    }
                    if document is not None
                    else None
                )
            items.append(item)
        return items


def procedure_page_api_fields():
    """Every field of a procedure (``ProcedurePageMixin.api_fields``, so a project's own page
    has them too)."""
    return [
        APIField("code"),
        APIField("decision"),
        APIField("sector", serializer=ObjectField()),
        APIField("level"),
        APIField("agency", serializer=ObjectField()),
        APIField("submission_place"),
        APIField("applicants"),
        APIField("steps", serializer=RowsField()),
        APIField("methods", serializer=RowsField()),
        APIField("dossier", serializer=RowsField()),
        APIField("dossier_sets"),
        APIField("processing_days"),
        APIField("processing_time_text"),
        APIField("result"),
        APIField("fees"),
        APIField("requirements"),
        APIField("legal_basis", serializer=RowsField()),
        APIField("online_level"),
        APIField("portal_url"),
        APIField("last_updated"),
        APIField("announced_on"),
        APIField("change_note"),
    ]
