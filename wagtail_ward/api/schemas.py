"""JSON schemas of the shapes the ward API repeats (used by ``openapi.py`` and ``paths.py``).

Descriptions are lazy translations: ``openapi.openapi_document`` writes them out in the language
of the request.
"""

from django.utils.translation import gettext_lazy as _

STRING = {"type": "string"}
INTEGER = {"type": "integer"}

ERROR = {
    "type": "object",
    "description": _(
        "A refused request: the message in the answer's language, and the parameter "
        "it names when a query parameter or the body is at fault."
    ),
    "required": ["message"],
    "properties": {"message": STRING, "parameter": STRING},
}

RELATED = {
    "type": ["object", "null"],
    "description": _("A related object (image, document, page) with its id and API address."),
    "properties": {"id": INTEGER, "meta": {"type": "object"}},
}

RENDITION = {
    "type": "object",
    "description": _("An image rendition: its URL, absolute URL, size and alt text."),
    "required": ["url", "width", "height"],
    "properties": {
        "url": STRING,
        "full_url": STRING,
        "width": INTEGER,
        "height": INTEGER,
        "alt": STRING,
    },
}

TRANSLATIONS = {
    "type": "object",
    "description": _(
        "The page in each other language it is live and public in, by language code: its id, "
        "API address and web address; empty when it has no translation."
    ),
    "additionalProperties": {
        "type": "object",
        "required": ["id", "detail_url", "html_url"],
        "properties": {
            "id": INTEGER,
            "detail_url": STRING,
            "html_url": {"type": ["string", "null"]},
        },
    },
}

PAGE_META = {
    "type": "object",
    "properties": {
        "type": {"type": "string", "description": _("The page type, as app_label.ModelName.")},
        "detail_url": STRING,
        "html_url": {"type": ["string", "null"]},
        "slug": STRING,
        "locale": {"type": "string", "description": _("The page's language code.")},
        "first_published_at": {"type": ["string", "null"], "format": "date-time"},
        "search_description": STRING,
        "seo_title": STRING,
        "show_in_menus": {"type": "boolean"},
        "translations": TRANSLATIONS,
    },
}

BASE_PAGE = {
    "type": "object",
    "description": _(
        "A page of any type with the fields every page has; ask a listing with "
        "?type=<app.Model> for a type's own fields (x-page-types)."
    ),
    "required": ["id", "meta"],
    "properties": {"id": INTEGER, "meta": PAGE_META, "title": STRING},
}

MEDIA = {
    "type": "object",
    "description": _(
        "An image or a document of Wagtail's endpoint; meta.download_url for a document."
    ),
    "required": ["id", "meta"],
    "properties": {"id": INTEGER, "meta": {"type": "object"}, "title": STRING},
}

POLL = {
    "type": "object",
    "required": ["id", "question", "choices", "status", "vote_url"],
    "properties": {
        "id": INTEGER,
        "translation_key": STRING,
        "locale": STRING,
        "question": STRING,
        "description": STRING,
        "status": STRING,
        "opens_at": {"type": ["string", "null"], "format": "date-time"},
        "closes_at": {"type": ["string", "null"], "format": "date-time"},
        "results_visibility": STRING,
        "choices": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["key", "label"],
                "properties": {"key": STRING, "label": STRING},
            },
        },
        "vote_url": STRING,
        "results": {"type": ["object", "null"]},
        "has_voted": {"type": "boolean"},
        "fallback": {
            "type": "boolean",
            "description": _(
                "The poll endpoints only: true when the poll has no translation in "
                "the language asked for and its own text (in its locale) is given."
            ),
        },
    },
}

SITE_INFO = {
    "type": "object",
    "required": ["site", "locale", "unit", "date", "visitors", "navigation"],
    "properties": {
        "site": {
            "type": "object",
            "required": ["id", "hostname", "name"],
            "properties": {"id": INTEGER, "hostname": STRING, "name": STRING},
        },
        "locale": STRING,
        "unit": {"type": "object", "required": ["name"], "properties": {"name": STRING}},
        "organisation": {"type": ["object", "null"]},
        "side_poll": {
            "type": ["object", "null"],
            "description": _(
                "The poll of the side column: its id in the language of the answer "
                "(its own when it has no translation in it), the poll endpoint's address in that "
                "language, and its id per language."
            ),
            "required": ["id", "url", "translations"],
            "properties": {
                "id": INTEGER,
                "url": STRING,
                "translations": {"type": "object", "additionalProperties": INTEGER},
            },
        },
        "questions_page": {"type": ["object", "null"]},
        "date": {
            "type": "object",
            "required": ["iso", "long"],
            "properties": {"iso": {"type": "string", "format": "date"}, "long": STRING},
        },
        "visitors": {
            "type": "object",
            "properties": {"total": INTEGER, "total_display": STRING},
        },
        "navigation": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["title", "url", "kind", "external"],
                "properties": {
                    "title": STRING,
                    "url": STRING,
                    "kind": STRING,
                    "external": {"type": "boolean"},
                },
            },
        },
    },
}

VISIT = {
    "type": "object",
    "required": ["counted", "today", "total"],
    "properties": {"counted": {"type": "boolean"}, "today": INTEGER, "total": INTEGER},
}


def listing(item):
    """A v2 listing of ``item``: ``{"meta": {"total_count"}, "items": [...]}``."""
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": INTEGER},
            },
            "items": {"type": "array", "items": item},
        },
    }
