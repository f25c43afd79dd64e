"""JSON schemas of ``latest/``, ``sitemap/`` and a poll's ``results/`` (used by ``paths.py``)."""

from django.utils.translation import gettext_lazy as _

STRING = {"type": "string"}
INTEGER = {"type": "integer"}
COUNT = {"type": "integer", "minimum": 0}

LATEST = {
    "type": "object",
    "required": ["locale", "items"],
    "properties": {
        "locale": STRING,
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "description": _("An item of a page family, as the latest items list shows it."),
                "required": ["id", "type", "title", "url", "date", "summary"],
                "properties": {
                    "id": INTEGER,
                    "type": {
                        "type": "string",
                        "description": _("The page type, as app_label.ModelName."),
                    },
                    "type_label": STRING,
                    "title": STRING,
                    "url": {"type": ["string", "null"]},
                    "locale": STRING,
                    "date": {
                        "type": "string",
                        "description": _(
                            "The item's date (YYYY-MM-DD), or date and time when the family "
                            "dates its items so."
                        ),
                    },
                    "summary": STRING,
                },
            },
        },
    },
}

NODE_FIELDS = ["id", "title", "url", "type", "item_count", "children"]
SITEMAP_NODE = {
    "type": ["object", "null"],
    "description": _(
        "A page of the site map with its children, each a node of the same shape; item_count "
        "counts the items of a page family below it, which are not listed. Null when the site "
        "has no public page."
    ),
    "required": NODE_FIELDS,
    "properties": {
        "id": INTEGER,
        "title": STRING,
        "url": {"type": ["string", "null"]},
        "type": STRING,
        "item_count": COUNT,
        "children": {
            "type": "array",
            "items": {"type": "object", "required": NODE_FIELDS},
        },
    },
}

SITEMAP = {
    "type": "object",
    "required": ["locale", "tree"],
    "properties": {
        "locale": STRING,
        "tree": SITEMAP_NODE,
    },
}

POLL_RESULTS = {
    "type": "object",
    "required": ["id", "locale", "fallback", "question", "status", "has_voted", "results"],
    "properties": {
        "id": INTEGER,
        "translation_key": STRING,
        "locale": STRING,
        "fallback": {"type": "boolean"},
        "question": STRING,
        "status": STRING,
        "results_visibility": STRING,
        "has_voted": {"type": "boolean"},
        "results": {
            "type": ["object", "null"],
            "description": _(
                "The counts and whole percentages (adding up to 100); null while the results "
                "are not public to this voter."
            ),
            "required": ["total", "choices"],
            "properties": {
                "total": COUNT,
                "choices": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["key", "label", "count", "percent"],
                        "properties": {
                            "key": STRING,
                            "label": STRING,
                            "count": COUNT,
                            "percent": {"type": "integer", "minimum": 0, "maximum": 100},
                        },
                    },
                },
            },
        },
    },
}
