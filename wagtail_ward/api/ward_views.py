"""Endpoints for headless frontends: the latest items ("Tin mới") and the site map tree.

- ``GET /api/ward/latest/?locale=&limit=&type=&site=``: the newest live, public items of every
  installed page family, read from the item index in one query (what "Tin mới" lists);
- ``GET /api/ward/sitemap/?locale=&site=``: the live, public page tree of the site, nested, the
  same pages as the HTML site map page (a family's items counted under their index page).

Both answer in the language of the API's one rule (``params.answer_language``); a parameter that
cannot be used is a JSON 400 naming it, a site or language that does not exist a JSON 404.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..item_types import item_types
from ..models.items import latest_items
from ..models.pages import sitemap_tree
from ..params import BadParameter, bad_request, check_query, positive_int
from .views import _requested_locale, _requested_site, in_answer_language

#: Items ``latest/`` gives without ``?limit=``, and the most it gives.
LATEST_DEFAULT = 10
LATEST_MAX = 50


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _site_and_locale(request):
    """``(site, locale, None)`` of the request, or ``(None, None, error answer)``."""
    try:
        check_query(request.GET)
    except BadParameter as error:
        return None, None, bad_request(error)
    site = _requested_site(request)
    if site is None:
        return None, None, _json({"message": _("No such site."), "parameter": "site"}, 404)
    try:
        locale = _requested_locale(request)
    except BadParameter as error:
        return None, None, bad_request(error)
    if locale is None:
        message = _("No such language: %(code)s.") % {"code": request.GET.get("locale", "")}
        return None, None, _json({"message": message, "parameter": "locale"}, 404)
    return site, locale, None


def requested_types(query):
    """The item types ``?type=`` names (``app_label.ModelName``, comma-separated), or None for
    every installed family; an unknown or empty name raises ``BadParameter``."""
    value = query.get("type")
    if value is None:
        return None
    known = {item_type.model._meta.label_lower: item_type for item_type in item_types()}
    chosen = []
    for name in value.split(","):
        item_type = known.get(name.strip().lower())
        if item_type is None:
            raise BadParameter(
                "type",
                _("“type” must name item types among: %(types)s.")
                % {"types": ", ".join(sorted(t.model._meta.label for t in known.values()))},
            )
        chosen.append(item_type)
    return chosen


def latest_item_data(request, item):
    """One item of ``latest/``: what the "Tin mới" list shows of it."""
    page = item.page
    return {
        "id": page.pk,
        "type": item.item_type.model._meta.label,
        "type_label": str(item.item_type.label),
        "title": page.title,
        "url": page.get_full_url(request),
        "locale": page.locale.language_code,
        "date": item.date.isoformat(),
        "summary": item.summary,
    }


@require_GET
@in_answer_language
def latest(request):
    """``GET /api/ward/latest/``: the newest items of every installed page family."""
    site, locale, error = _site_and_locale(request)
    if error is not None:
        return error
    try:
        limit = positive_int(request.GET, "limit", default=LATEST_DEFAULT, maximum=LATEST_MAX)
        types = requested_types(request.GET)
    except BadParameter as error:
        return bad_request(error)
    items = latest_items(site, locale, limit, request=request, types=types)
    return _json(
        {
            "locale": locale.language_code,
            "items": [latest_item_data(request, item) for item in items],
        }
    )


def _page_type(page):
    """``app_label.ModelName`` of ``page`` (content types are cached: no query once read)."""
    content_type = ContentType.objects.get_for_id(page.content_type_id)
    model = content_type.model_class()
    return (
        model._meta.label if model is not None else f"{content_type.app_label}.{content_type.model}"
    )


def _node_data(request, node):
    page = node.page
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "type": _page_type(page),
        "item_count": node.item_count,
        "children": [_node_data(request, child) for child in node.children],
    }


@require_GET
@in_answer_language
def page_tree(request):
    """``GET /api/ward/sitemap/``: the live, public page tree of the site, nested."""
    site, locale, error = _site_and_locale(request)
    if error is not None:
        return error
    top = sitemap_tree(site, locale, request)
    return _json(
        {
            "locale": locale.language_code,
            "tree": _node_data(request, top) if top is not None else None,
        }
    )
