"""Checking the records of a procedure file, field by field, before anything is written.

``clean_record`` turns a record as read (JSON values or spreadsheet cells) into the exact
record the export writes, or lists what is wrong with it; every message names the record (its
code, or where it is in the file) and the field.
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from .models import RECORD_KEYS, Channel, Level, OnlineLevel, fold
from .models.mixins import CODE_VALIDATOR
from .models.records import MODEL_FIELDS, TEXT_FIELDS

REQUIRED = ("code", "title", "sector")
ROW_FIELDS = {
    "methods": ("channel", "processing_time", "fee", "description"),
    "dossier": ("case", "name", "originals", "copies", "required", "template"),
    "legal_basis": ("number", "title", "date", "issuer"),
}
TRUE = {"true", "1", "yes", "x", "có", "co", "bắt buộc", "bat buoc"}
FALSE = {"false", "0", "no", "", "không", "khong", "tùy chọn", "tuy chon"}


class RecordErrors:
    def __init__(self, record):
        self.label = record.where
        code = str(record.get("code") or "").strip()
        if code:
            self.label = f"{record.where} ({code})"
        self.messages = []

    def add(self, field, message):
        self.messages.append(
            _("%(record)s, field “%(field)s”: %(message)s")
            % {"record": self.label, "field": field, "message": message}
        )


def _text(value, field, errors, max_length=None):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dict, list)):
        errors.add(field, _("must be text."))
        return ""
    value = str(value).strip()
    if "\x00" in value:
        errors.add(field, _("contains a NUL character."))
        return ""
    if max_length and len(value) > max_length:
        errors.add(field, _("is longer than %(max)s characters.") % {"max": max_length})
    return value


def _number(value, field, errors, minimum, allow_empty):
    if value in (None, ""):
        if allow_empty:
            return None
        errors.add(field, _("is required."))
        return None
    try:
        if isinstance(value, bool):
            raise ValueError
        number = int(value) if not isinstance(value, float) or value.is_integer() else None
        if number is None:
            raise ValueError
    except (TypeError, ValueError):
        errors.add(field, _("“%(value)s” is not a whole number.") % {"value": value})
        return None
    if number < minimum or number > 32767:
        errors.add(field, _("must be from %(min)s to 32767.") % {"min": minimum})
        return None
    return number


def _date(value, field, errors):
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
            return datetime.date(year, month, day).isoformat()
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        errors.add(field, _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": text})
        return ""


def _bool(value, field, errors):
    if isinstance(value, bool):
        return value
    text = fold(str(value if value is not None else ""))
    if text in TRUE or text in {fold(t) for t in TRUE}:
        return True
    if text in FALSE or text in {fold(f) for f in FALSE}:
        return False
    errors.add(field, _("“%(value)s” is not yes or no.") % {"value": value})
    return True


def _choice(value, field, errors, choices, default):
    text = str(value or "").strip() or default
    if text not in choices:
        errors.add(
            field,
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(choices)},
        )
    return text


def _max_length(model, key):
    return model._meta.get_field(MODEL_FIELDS.get(key, key)).max_length


def clean_record(record, sectors, agencies, templates, model):
    """``(cleaned, messages)``: the record in export form, and what is wrong with it.

    ``sectors`` and ``agencies`` are the folded names known (in the site or in the file);
    ``templates`` the titles of the documents a dossier component may name; ``model`` the
    procedure page the record is for (the index's ``procedure_model()``), whose fields give
    the longest texts allowed.
    """
    errors = RecordErrors(record)
    for key in record:
        if key not in RECORD_KEYS:
            errors.add(key, _("is not a field of the format."))
    cleaned = {}
    for key in TEXT_FIELDS:
        cleaned[key] = _text(record.get(key), key, errors, _max_length(model, key))
    for key in REQUIRED:
        if not _text(record.get(key), key, RecordErrors(record)):
            errors.add(key, _("is required."))
    if cleaned["code"]:
        try:
            CODE_VALIDATOR(cleaned["code"])
        except ValidationError as error:
            errors.add("code", " ".join(error.messages))
    cleaned["level"] = _choice(record.get("level"), "level", errors, Level.values, Level.COMMUNE)
    cleaned["online_level"] = _choice(
        record.get("online_level"), "online_level", errors, OnlineLevel.values, OnlineLevel.NONE
    )
    if cleaned["portal_url"]:
        try:
            URLValidator(schemes=["http", "https"])(cleaned["portal_url"])
        except ValidationError:
            errors.add("portal_url", _("is not a web address (https://…)."))
    for key, known in (("sector", sectors), ("agency", agencies)):
        name = _text(record.get(key), key, errors, 255)
        if name and fold(name) not in known:
            errors.add(key, _("“%(name)s” is not known: add it first.") % {"name": name})
        cleaned[key] = known.get(fold(name), name) if name else ""
    cleaned["dossier_sets"] = _number(
        record.get("dossier_sets", 1), "dossier_sets", errors, 1, False
    )
    cleaned["processing_days"] = _number(
        record.get("processing_days"), "processing_days", errors, 0, True
    )
    for key in ("last_updated", "announced_on"):
        cleaned[key] = _date(record.get(key), key, errors)
    steps = record.get("steps") or []
    if not isinstance(steps, list):
        errors.add("steps", _("must be a list."))
        steps = []
    cleaned["steps"] = [_text(step, f"steps[{n}]", errors) for n, step in enumerate(steps, start=1)]
    for key, fields in ROW_FIELDS.items():
        rows = record.get(key) or []
        if not isinstance(rows, list):
            errors.add(key, _("must be a list."))
            rows = []
        cleaned[key] = []
        for number, row in enumerate(rows, start=1):
            name = f"{key}[{number}]"
            if not isinstance(row, dict):
                errors.add(name, _("must be an object."))
                continue
            for column in row:
                if column not in fields:
                    errors.add(f"{name}.{column}", _("is not a field of the format."))
            cleaned[key].append(_clean_row(key, row, name, errors, templates))
    # Keep the order of the format's keys, so records compare and export alike.
    return {key: cleaned[key] for key in RECORD_KEYS}, errors.messages


def _clean_row(key, row, name, errors, templates):
    if key == "methods":
        return {
            "channel": _choice(row.get("channel"), f"{name}.channel", errors, Channel.values, ""),
            "processing_time": _text(
                row.get("processing_time"), f"{name}.processing_time", errors, 255
            ),
            "fee": _text(row.get("fee"), f"{name}.fee", errors, 255),
            "description": _text(row.get("description"), f"{name}.description", errors),
        }
    if key == "dossier":
        template = _text(row.get("template"), f"{name}.template", errors, 255)
        if template and template not in templates:
            errors.add(
                f"{name}.template",
                _("no document is titled “%(title)s”: upload it first.") % {"title": template},
            )
        document = _text(row.get("name"), f"{name}.name", errors)
        if not document:
            errors.add(f"{name}.name", _("is required."))
        return {
            "case": _text(row.get("case"), f"{name}.case", errors, 255),
            "name": document,
            "originals": _number(row.get("originals", 1), f"{name}.originals", errors, 0, False),
            "copies": _number(row.get("copies", 0), f"{name}.copies", errors, 0, False),
            "required": _bool(row.get("required", True), f"{name}.required", errors),
            "template": template,
        }
    title = _text(row.get("title"), f"{name}.title", errors)
    if not title:
        errors.add(f"{name}.title", _("is required."))
    return {
        "number": _text(row.get("number"), f"{name}.number", errors, 64),
        "title": title,
        "date": _date(row.get("date"), f"{name}.date", errors),
        "issuer": _text(row.get("issuer"), f"{name}.issuer", errors, 255),
    }
