"""The header of every page: the top navigation and the language switcher."""

import unicodedata

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from .public import public_q, request_memo, settings_for


def home_for(site, locale):
    """The home page of ``site`` in ``locale`` (the default-language home if untranslated)."""
    if site is None:
        return None
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale) or root


def top_navigation(request, site, locale):
    """Trang chủ · the home page's menu pages · Sơ đồ site · the parent unit's website.

    A list of dicts with ``title``, ``url``, ``kind`` (home, page, sitemap, parent_unit) and
    ``external``. A fixed number of queries, whatever the size of the site.
    """
    if site is None:
        return []
    memo = request_memo(request, "navigation")
    key = (site.pk, locale.pk)
    if key in memo:
        return memo[key]
    with translation.override(locale.language_code):
        home = home_for(site, locale)
        items = [{"title": _("Home"), "url": home.get_url(request), "kind": "home"}]
        menu_pages = (
            home.get_children()
            .live()
            .filter(public_q(request))
            .in_menu()
            .only("id", "title", "url_path", "path", "depth", "locale_id")
        )
        items += [
            {"title": page.title, "url": page.get_url(request), "kind": "page"}
            for page in menu_pages
        ]
        ward_settings = settings_for(site, request)
        sitemap_page = ward_settings.sitemap_page
        if sitemap_page is not None:
            if sitemap_page.locale_id != locale.pk:
                sitemap_page = sitemap_page.get_translation_or_none(locale) or sitemap_page
            if sitemap_page.live:
                items.append(
                    {
                        "title": _("Site map"),
                        "url": sitemap_page.get_url(request),
                        "kind": "sitemap",
                    }
                )
        if ward_settings.parent_unit_url:
            profile = ward_settings.profile
            if profile is not None and profile.locale_id != locale.pk:
                profile = profile.get_translation_or_none(locale) or profile
            items.append(
                {
                    # The label follows the unit's data: "Website thành phố", "Cổng thông tin
                    # tỉnh" … as the unit profile sets it or its parent's level implies.
                    "title": profile.parent_link_text if profile else _("Parent unit website"),
                    "url": ward_settings.parent_unit_url,
                    "kind": "parent_unit",
                }
            )
    for item in items:
        item["external"] = item["kind"] == "parent_unit"
    memo[key] = items
    return items


def language_links(request, page, site):
    """One link per content language: the translation of ``page``, or that language's home page.

    Returns dicts with ``language_code``, ``name`` (in its own language), ``url``, ``full_url``
    (absolute, for ``<link rel="alternate" hreflang>``) and ``current``.
    """
    memo = request_memo(request, "language_links")
    key = (getattr(page, "pk", None), getattr(site, "pk", None), translation.get_language())
    if key in memo:
        return memo[key]
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES)
    current = translation.get_language()
    translations = {}
    if page is not None and getattr(page, "pk", None):
        others = (
            page.get_translations(inclusive=True)
            .live()
            .filter(public_q(request))
            .select_related("locale")
        )
        for other in others:
            translations[other.locale.language_code] = other
    links = []
    locales = None
    for code, name in languages:
        target = translations.get(code)
        if target is None and site is not None:
            if locales is None:
                locales = {locale.language_code: locale for locale in Locale.objects.all()}
            if code not in locales:
                continue
            target = home_for(site, locales[code])
            if target.locale_id != locales[code].pk:
                continue
        if target is None:
            continue
        links.append(
            {
                "language_code": code,
                # Django stores some names with combining accents; NFC reads as typed text.
                "name": unicodedata.normalize(
                    "NFC", translation.get_language_info(code)["name_local"]
                ),
                "english_name": name,
                "url": target.get_url(request),
                "full_url": target.get_full_url(request),
                "current": code == current,
            }
        )
    memo[key] = links
    return links
