"""The site-wide search ("Tìm kiếm"): one page over every installed page family.

It reads the item index (``wagtail_ward.registry``): news, schedules, procedures, training,
whichever are installed, grouped by type. The index keeps each page's text without accents
(``IndexedItem.search_text``), and the query is folded the same way, so "dao tao" and "Đào
tạo" find the same pages on SQLite and PostgreSQL alike. Every word must match.

``/search/?q=…`` with ``&locale=en`` for English pages, ``&type=<app_label.model>`` for one
type (paginated with ``&page=``) and ``&section=<page id>`` for the items below one page.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import render
from django.utils import translation
from wagtail.models import Locale, Page, Site

from .item_types import item_types
from .memo import public_q
from .models import IndexedItem
from .params import BadParameter, bad_request, choice, positive_int, search_text
from .text import fold_vietnamese

GROUP_SIZE = 5
PER_PAGE = 20
MAX_WORDS = 10
PATH_LENGTH = IndexedItem._meta.get_field("path").max_length


@dataclass
class ResultGroup:
    key: str
    label: str
    count: int
    items: list


def _matching(site, locale, words, request, section=None):
    root = section or site.root_page
    if root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    rows = (
        IndexedItem.objects.filter(locale=locale, **below_path(root.path))
        .filter(page__live=True)
        .filter(public_q(request, field="page__path"))
    )
    for word in words:
        rows = rows.filter(search_text__contains=word)
    return rows


def below_path(path):
    """Filters for the paths strictly below ``path``, as a range the index on (language, path)
    serves: tree paths are made of 0-9 and A-Z, so every descendant lies between ``path`` and
    ``path`` followed by Z's. A ``LIKE 'path%'`` alone reads every row of every site (SQLite's
    LIKE ignores case and a plain index; PostgreSQL's needs a pattern-ops index); it stays as
    well, so the answer does not hang on the database's collation."""
    return {
        "path__gt": path,
        "path__lte": path + "Z" * (PATH_LENGTH - len(path)),
        "path__startswith": path,
    }


def search_site(site, locale, query, request=None, type_key=None, section=None, page_number=1):
    """(groups, paginated page of the one chosen type or None) for ``query``.

    One query counts the matches of every type, then one lists each type's first matches:
    the number of queries depends on the installed families, not on the content.
    """
    words = fold_vietnamese(query).split()[:MAX_WORDS]
    types = {item_type.model._meta.label_lower: item_type for item_type in item_types()}
    if not words or site is None or not types:
        return [], None
    rows = _matching(site, locale, words, request, section)
    content_types = {
        key: ct.pk
        for key, ct in zip(
            types,
            _content_types([item_type.model for item_type in types.values()]),
            strict=True,
        )
    }
    counts = dict(rows.values_list("page__content_type").annotate(n=Count("page_id")).order_by())
    groups, page_obj = [], None
    for key, item_type in types.items():
        count = counts.get(content_types[key], 0)
        if not count or (type_key and key != type_key):
            continue
        listed = (
            rows.filter(page__content_type_id=content_types[key])
            .select_related("page")
            .order_by("-sort_at", "-page_id")
        )
        if type_key:
            page_obj = Paginator(listed, PER_PAGE).get_page(page_number)
            items = list(page_obj.object_list)
        else:
            items = list(listed[:GROUP_SIZE])
        label = item_type.model._meta.verbose_name_plural
        groups.append(ResultGroup(key, label, count, items))
    return groups, page_obj


def _content_types(models_):
    found = ContentType.objects.get_for_models(*models_)
    return [found[model] for model in models_]


def site_search(request):
    """The search page, in the language of ``?locale=`` (else the site's first language)."""
    codes = [code for code, _name in settings.LANGUAGES]
    language = request.GET.get("locale") if request.GET.get("locale") in codes else codes[0]
    with translation.override(language):
        types = [item_type.model._meta.label_lower for item_type in item_types()]
        try:
            query = search_text(request.GET, "q", max_length=200)
            type_key = choice(request.GET, "type", types)
            section_id = positive_int(request.GET, "section")
            page_number = positive_int(request.GET, "page", default=1)
        except BadParameter as error:
            return bad_request(error, json=False)
        site = Site.find_for_request(request)
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        section = None
        if section_id is not None:
            section = Page.objects.live().filter(public_q(request), pk=section_id).first()
        groups, page_obj = search_site(site, locale, query, request, type_key, section, page_number)
        home = site.root_page if site else None
        if home is not None and home.locale_id != locale.pk:
            home = home.get_translation_or_none(locale) or home
        context = {
            "search_query": query,
            "groups": groups,
            "page_obj": page_obj,
            "type_key": type_key or "",
            "section": section,
            "locale_code": language,
            "home": home,
            "total": sum(group.count for group in groups),
        }
        return render(request, "wagtail_ward/search.html", context)
