"""The paths of the OpenAPI document: v2 endpoints, the routes families add, the ward ones."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.api.v2.views import ImagesAPIViewSet

from . import schemas, ward_schemas

ERROR_REF = {"$ref": "#/components/schemas/Error"}


def query(name, description, schema=None):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


LOCALE = query(
    "locale",
    _("The language of the answer (vi, en); without it the site's default, Vietnamese."),
    {"type": "string", "enum": ["vi", "en"]},
)
COMMON = [
    query("offset", _("Items to skip."), {"type": "integer", "minimum": 0}),
    query("limit", _("Items to give (at most WAGTAILAPI_LIMIT_MAX)."), {"type": "integer"}),
    query("fields", _("Fields to add (a, b), remove (-a), all (*) or none (_).")),
    query("order", _("A field to order by (-field: descending), or random.")),
    query("search", _("Words to search for.")),
    query("search_operator", _("How words combine."), {"type": "string", "enum": ["and", "or"]}),
    LOCALE,
]
PAGE_FILTERS = [
    query("type", _("Page types (app_label.ModelName, comma-separated).")),
    query("child_of", _("Pages under this page id (or root).")),
    query("descendant_of", _("Pages below this page id (or root).")),
    query("translation_of", _("Translations of this page id.")),
]
ERRORS = {
    "400": {
        "description": _("A parameter that cannot be used."),
        "content": {"application/json": {"schema": ERROR_REF}},
    },
    "404": {
        "description": _("No such item, site or language."),
        "content": {"application/json": {"schema": ERROR_REF}},
    },
}


def json_response(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def item_schema(viewset, name):
    model = getattr(viewset, "model", None)
    if name == "pages" or model is None:
        return {"$ref": "#/components/schemas/Page"}
    if issubclass(viewset, ImagesAPIViewSet) or name in ("images", "documents"):
        return schemas.MEDIA
    return {"$ref": f"#/components/schemas/{model._meta.label.replace('.', '_')}"}


def _items(viewset, name):
    """What an endpoint lists, in the active language: its model's plural name."""
    model = getattr(viewset, "model", None)
    return model._meta.verbose_name_plural if model is not None else name


def viewset_paths(prefix, name, viewset, router):
    """The listing and detail of a v2 endpoint, with the parameters it reads."""
    parameters = list(COMMON)
    if (
        name == "pages"
        or getattr(viewset, "model", None) is not None
        and name not in ("images", "documents")
    ):
        parameters += PAGE_FILTERS if name == "pages" else PAGE_FILTERS[1:]
    extra = getattr(viewset, "openapi_parameters", ())
    parameters += [query(*parameter) for parameter in extra]
    item = item_schema(viewset, name)
    tag = [name]
    return {
        f"{prefix}{name}/": {
            "get": {
                "operationId": f"{name}_listing",
                "tags": tag,
                "summary": _("A listing of %(items)s.") % {"items": _items(viewset, name)},
                "parameters": parameters,
                "responses": {
                    "200": json_response(_("The listing."), schemas.listing(item)),
                    **ERRORS,
                },
            }
        },
        f"{prefix}{name}/{{id}}/": {
            "get": {
                "operationId": f"{name}_detail",
                "tags": tag,
                "summary": _("One of %(items)s, by its id.") % {"items": _items(viewset, name)},
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer", "minimum": 1},
                    },
                    query("fields", _("Fields to add or remove.")),
                    LOCALE,
                ],
                "responses": {"200": json_response(_("The item."), item), **ERRORS},
            }
        },
    }


def family_paths(prefix, name, viewset):
    """The routes a family's viewset adds (its ``openapi_paths(prefix, errors)``)."""
    build = getattr(viewset, "openapi_paths", None)
    if build is None:
        return {}
    return build(f"{prefix}{name}/", ERRORS, item_schema(viewset, name))


SITE = query("site", _("The id of a site; without it, the request's host."))


def ward_paths():
    """The endpoints of ``wagtail_ward.urls``: site info, visits, latest items, the site map
    tree and polls."""
    poll_id = {
        "name": "poll_id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1},
    }
    poll = {"$ref": "#/components/schemas/Poll"}
    voted = {
        "type": "object",
        "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "poll": poll},
    }
    refused = {
        code: json_response(text, ERROR_REF)
        for code, text in [
            ("400", _("A body or parameter that cannot be used.")),
            ("403", _("Not from an accepted origin, or the poll is closed.")),
            ("404", _("No such poll, or it is not public.")),
            ("405", _("Another method.")),
            ("415", _("The body is not JSON.")),
            ("429", _("Too many requests.")),
        ]
    }
    return {
        "/api/ward/site-info/": {
            "get": {
                "operationId": "site_info",
                "tags": ["ward"],
                "summary": _("Everything a header and a footer need."),
                "parameters": [SITE, LOCALE],
                "responses": {
                    "200": json_response(_("The site's data."), schemas.SITE_INFO),
                    **ERRORS,
                },
            }
        },
        "/api/ward/visits/": {
            "post": {
                "operationId": "record_visit",
                "tags": ["ward"],
                "summary": _("Counts one visit from a headless frontend."),
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {"site": {"type": "integer"}},
                            }
                        }
                    },
                },
                "responses": {"200": json_response(_("The counts."), schemas.VISIT), **refused},
            }
        },
        "/api/ward/latest/": {
            "get": {
                "operationId": "latest_items",
                "tags": ["ward"],
                "summary": _("The newest items of every page family, as “Tin mới” lists them."),
                "parameters": [
                    query(
                        "limit",
                        _("How many items (10 by default, at most 50)."),
                        {"type": "integer", "minimum": 1, "maximum": 50},
                    ),
                    query("type", _("Item types only (app_label.ModelName, comma-separated).")),
                    SITE,
                    LOCALE,
                ],
                "responses": {
                    "200": json_response(_("The items, newest first."), ward_schemas.LATEST),
                    **ERRORS,
                },
            }
        },
        "/api/ward/sitemap/": {
            "get": {
                "operationId": "sitemap_tree",
                "tags": ["ward"],
                "summary": _("The tree of live, public pages, as the HTML site map shows it."),
                "parameters": [SITE, LOCALE],
                "responses": {
                    "200": json_response(_("The tree."), ward_schemas.SITEMAP),
                    **ERRORS,
                },
            }
        },
        "/api/ward/polls/{poll_id}/": {
            "get": {
                "operationId": "poll_detail",
                "tags": ["polls"],
                "summary": _("A poll, whether this voter voted, and its public results."),
                "parameters": [poll_id, LOCALE],
                "responses": {"200": json_response(_("The poll."), poll), "404": refused["404"]},
            }
        },
        "/api/ward/polls/{poll_id}/results/": {
            "get": {
                "operationId": "poll_results",
                "tags": ["polls"],
                "summary": _("Just the results of a poll, when they are public to this voter."),
                "parameters": [poll_id, LOCALE],
                "responses": {
                    "200": json_response(_("The results."), ward_schemas.POLL_RESULTS),
                    "404": refused["404"],
                },
            }
        },
        "/api/ward/polls/{poll_id}/vote/": {
            "post": {
                "operationId": "poll_vote",
                "tags": ["polls"],
                "summary": _("A vote, with the voter token in the X-Ward-Voter header."),
                "parameters": [
                    poll_id,
                    LOCALE,
                    {
                        "name": "X-Ward-Voter",
                        "in": "header",
                        "required": False,
                        "schema": {"type": "string"},
                    },
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["choice"],
                                "properties": {"choice": {"type": "string"}},
                            }
                        }
                    },
                },
                "responses": {
                    "201": json_response(_("The vote is counted."), voted),
                    "409": json_response(_("This voter has voted already."), voted),
                    **refused,
                },
            }
        },
    }
