"""``openapi.json`` and the reference page built from it, mounted by ``wagtail_ward.api.urls``.

The reference page is rendered on the server from the same document (no script, no CDN): every
path with its parameters and answers, and every page type with its fields and their types.

Both speak one language: ``openapi.json`` the API's (``?locale=``, else the site's default), the
page the one ``?locale=`` names, else the request's as Django's ``LocaleMiddleware`` finds it (on
a site whose default language has no prefix, the default language). Its headings and every
summary and description of the document are in that language; it links to itself in the other
languages.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..params import BadParameter, answer_language, bad_request, requested_language
from .openapi import openapi_document
from .router import ward_api_router


def _document(request):
    return openapi_document(ward_api_router(), request)


@require_GET
def openapi_json(request):
    """``GET /api/ward/openapi.json?locale=``: the OpenAPI 3.1 document of the ward API."""
    with translation.override(answer_language(request)):
        document = _document(request)
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # a document, read by tools on any origin
    return response


def _type_name(schema):
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[1]
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = " | ".join(kind)
    if kind == "array":
        return f"array of {_type_name(schema.get('items', {}))}"
    fmt = schema.get("format")
    if "anyOf" in schema:
        return " | ".join(_type_name(option) for option in schema["anyOf"])
    return f"{kind} ({fmt})" if fmt else (kind or "any")


def _where(place):
    """Where a parameter goes, in words of the active language."""
    places = {
        "query": _("in the query string"),
        "path": _("in the path"),
        "header": _("in a header"),
    }
    return places.get(place, place)


@require_GET
def api_docs(request):
    """``GET /api/ward/docs/?locale=``: the document as a page to read, in one language."""
    if request.GET.get("locale"):
        try:
            language = requested_language(request.GET)
        except BadParameter as error:
            return bad_request(error)
    else:
        language = translation.get_language() or answer_language(request)
    with translation.override(language):
        return _docs_page(request, language)


def _docs_page(request, language):
    document = _document(request)
    operations = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": operation["operationId"],
                    "summary": operation.get("summary", ""),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": _where(parameter["in"]),
                            "type": _type_name(parameter.get("schema", {})),
                            "enum": parameter.get("schema", {}).get("enum"),
                            "description": parameter.get("description", ""),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": [
                        {
                            "status": status,
                            "description": response["description"],
                            "schema": _type_name(
                                response.get("content", {})
                                .get("application/json", {})
                                .get("schema", {})
                            ),
                        }
                        for status, response in operation["responses"].items()
                    ],
                }
            )
    schemas = document["components"]["schemas"]
    page_types = [
        {
            "label": label,
            "anchor": ref["$ref"].rsplit("/", 1)[1],
            "description": schemas[ref["$ref"].rsplit("/", 1)[1]].get("description", ""),
            "fields": [
                {
                    "name": name,
                    "type": _type_name(schema),
                    "description": schema.get("description", ""),
                }
                for name, schema in schemas[ref["$ref"].rsplit("/", 1)[1]]["properties"].items()
            ],
        }
        for label, ref in sorted(document["x-page-types"].items())
    ]
    others = [
        {"code": code, "name": translation.get_language_info(code)["name_local"]}
        for code, _name in settings.LANGUAGES
        if code != language
    ]
    for other in others:
        other["url"] = f"{request.path}?{urlencode({'locale': other['code']})}"
    return render(
        request,
        "wagtail_ward/api/docs.html",
        {
            "document": document,
            "operations": operations,
            "page_types": page_types,
            "language": language,
            "other_languages": others,
        },
    )
