"""A procedure as a plain record (the import and export format) and back.

``procedure_record(page)`` gives the record of a page, exactly as the export writes it;
``apply_record(page, record, refs)`` fills a page (unsaved, or the latest revision of an
existing one) from a checked record. The importer compares the two records to tell an
unchanged procedure from a changed one. Format: docs/procedures-import.md.
"""

import datetime

# The simple fields, in the order of the format; "title" is the page title.
TEXT_FIELDS = (
    "code",
    "title",
    "decision",
    "level",
    "submission_place",
    "applicants",
    "processing_time",
    "result",
    "fees",
    "requirements",
    "online_level",
    "portal_url",
    "change_note",
)
NUMBER_FIELDS = ("dossier_sets", "processing_days")
DATE_FIELDS = ("last_updated", "announced_on")
LIST_FIELDS = ("steps", "methods", "dossier", "legal_basis")
RECORD_KEYS = (*TEXT_FIELDS, "sector", "agency", *NUMBER_FIELDS, *DATE_FIELDS, *LIST_FIELDS)

# Record key -> model field where they differ.
MODEL_FIELDS = {"processing_time": "processing_time_text"}


def procedure_record(page):
    """The record of ``page`` (its inline rows as they are on this instance)."""
    record = {key: getattr(page, MODEL_FIELDS.get(key, key)) or "" for key in TEXT_FIELDS}
    record["sector"] = page.sector.name if page.sector_id else ""
    record["agency"] = page.agency.name if page.agency_id else ""
    for key in NUMBER_FIELDS:
        record[key] = getattr(page, key)
    for key in DATE_FIELDS:
        value = getattr(page, key)
        record[key] = value.isoformat() if value else ""
    for key in LIST_FIELDS:
        record[key] = [row.export() for row in getattr(page, key).all()]
    return record


def apply_record(page, record, refs):
    """Fill ``page`` from a checked ``record``; ``refs`` holds the objects it names.

    ``refs``: ``{"sector": ProcedureSector, "agency": Agency or None, "templates": {title:
    Document}}``. Inline rows are replaced by the record's rows, in its order.
    """
    for key in TEXT_FIELDS:
        setattr(page, MODEL_FIELDS.get(key, key), record[key])
    page.draft_title = page.title
    page.sector = refs["sector"]
    page.agency = refs["agency"]
    for key in NUMBER_FIELDS:
        setattr(page, key, record[key])
    for key in DATE_FIELDS:
        setattr(page, key, _date(record[key]))
    model = type(page)
    locale_id = page.locale_id
    rows = {}
    rows["steps"] = [_row(model, "steps", locale_id, text=text) for text in record["steps"]]
    rows["methods"] = [_row(model, "methods", locale_id, **method) for method in record["methods"]]
    rows["dossier"] = [
        _row(
            model,
            "dossier",
            locale_id,
            **{k: v for k, v in item.items() if k != "template"},
            template=refs["templates"].get(item["template"]) if item["template"] else None,
        )
        for item in record["dossier"]
    ]
    rows["legal_basis"] = [
        _row(
            model,
            "legal_basis",
            locale_id,
            number=item["number"],
            title=item["title"],
            issued_on=_date(item["date"]),
            issuer=item["issuer"],
        )
        for item in record["legal_basis"]
    ]
    for key, items in rows.items():
        for position, item in enumerate(items):
            item.sort_order = position
        setattr(page, key, items)
    return page


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _row(model, relation, locale_id, **values):
    return model._meta.get_field(relation).related_model(locale_id=locale_id, **values)
