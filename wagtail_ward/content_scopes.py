"""Which sites a change of published content concerns: whose kept page parts it retires.

Each site has its own content token (``SiteContentVersion``), so a publish in one ward leaves
the kept parts of every other ward alone. A change of a page concerns:

- the sites the page lies in, in any language: every site whose root page (or a translation of
  it) is the page or above it. A city or district site whose root is above its wards' roots
  lists their items ("Tin mới" across the sites below it) and is retired with them;
- every site that shows the page through a reference from another site's content (Wagtail's
  reference index): a section chosen for a home page block ("the district's lists"), a story
  chosen for "Featured news", a link to the page. A reference to the page, to a page above it
  (its section, its home) or to a page below it (its articles, whose address a move changes),
  in any language, counts: the site that holds the reference is retired too. A reference held
  by a snippet or setting that belongs to one site (a side box, a site setting) retires that
  site; one held by anything else retires every site.

The rest of the content (images, documents, tags, snippets, settings, sites, locales) is
shared by every site, changes rarely, and retires every site (see ``wagtail_ward.fragments``).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from modelcluster.fields import ParentalKey
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site

from .models import WardSettings

EVERY_SITE = object()


def site_roots():
    """``(root url_path, site id)`` of every site, its root page in every language: two
    queries, read at the commit of a change (not Wagtail's cached root paths, so that a
    change never fills a cache a request would otherwise fill)."""
    sites = defaultdict(set)
    for site_id, key in Site.objects.values_list("pk", "root_page__translation_key"):
        sites[key].add(site_id)
    roots = Page.objects.filter(translation_key__in=list(sites)).values_list(
        "url_path", "translation_key"
    )
    return [(url_path, site_id) for url_path, key in roots for site_id in sites[key]]


def sites_of_url_paths(url_paths, roots):
    """Ids of the sites whose root, in any language, is at or above one of ``url_paths``."""
    url_paths = [url_path for url_path in url_paths if url_path]
    return {
        site_id
        for root_path, site_id in roots
        for url_path in url_paths
        if url_path.startswith(root_path)
    }


def sites_of_pages(page_ids, known=()):
    """``(sites, chrome)``: ids of the sites that show one of the pages ``page_ids`` (read again
    from the database, after a move) or of the ``known`` pages (``(path, url_path)`` pairs, kept
    from before a move or a deletion), or ``EVERY_SITE``; and ids of the sites whose chrome
    (header, menu, footer: their structure token) the change concerns (``chrome_sites``)."""
    rows = []
    if page_ids:
        rows = list(
            Page.objects.filter(pk__in=page_ids).values_list("path", "url_path", "translation_key")
        )
    positions = set(known) | {(path, url_path) for path, url_path, _ in rows}
    if not positions:
        return set(), set()
    roots = site_roots()
    sites = sites_of_url_paths([url_path for _, url_path in positions], roots)
    chrome = chrome_sites(rows, known, roots)
    referring = _referring_sites([path for path, _ in positions], roots)
    if referring is EVERY_SITE:
        return EVERY_SITE, chrome
    return sites | referring, chrome


def chrome_sites(rows, known, roots):
    """Ids of the sites whose chrome may show one of the changed pages: the menu lists the home
    page's children (those in menus, public and live), so a page that is a site's home page, or
    lies just below it, or above it, in any language, concerns its chrome whatever changed (its
    title, slug, "show in menus", publication, privacy); so does the page the site's settings
    choose as the site map, in any language. A page moved or deleted (``known``) concerns the
    chrome of every site it lay in (the order of the menu, its entries). An article, or any page
    deeper than the home page's children, leaves the chrome alone.

    ``rows`` are ``(path, url_path, translation_key)`` of the changed pages."""
    chrome = sites_of_url_paths([url_path for _, url_path in known], roots)
    for _, url_path, _ in rows:
        for root_path, site_id in roots:
            if root_path.startswith(url_path):  # the home page or a page above it
                chrome.add(site_id)
            elif url_path.startswith(root_path) and url_path[len(root_path) :].count("/") <= 1:
                chrome.add(site_id)  # a page just below the home page: a menu entry
    keys = {key for _, _, key in rows}
    if keys:  # one row per site: no condition per changed page
        sitemaps = WardSettings.objects.exclude(sitemap_page=None).values_list(
            "site_id", "sitemap_page__translation_key"
        )
        chrome |= {site_id for site_id, key in sitemaps if key in keys}
    return chrome


PATHS_PER_QUERY = 200


def _related_pages(paths):
    """The ids (as text, as the reference index holds them) of the pages at, above (below the
    tree's root) and below ``paths``, and of their translations: one subquery."""
    step = Page.steplen
    above = {path[:end] for path in paths for end in range(2 * step, len(path) + 1, step)}
    where = Q(path__in=above)
    for path in paths:
        where |= Q(path__startswith=path)
    keys = Page.objects.filter(where).values("translation_key")
    return _reference_ids(Page.objects.filter(translation_key__in=keys))


def _reference_ids(pages):
    """The ids of ``pages`` as the reference index holds them (text): a subquery."""
    return pages.annotate(reference_id=Cast("pk", CharField())).values("reference_id")


def referring_page_keys(keys, paths=()):
    """Translation keys of the pages whose content (a link in the body, a chosen page) refers to
    a page of ``keys`` (translation keys) or to a page at or below one of ``paths``, in any
    language: what they render with that page (its address, whether it is live in the reader's
    language) is kept under their own token (``{% ward_page_cache %}``), which the change of
    the page they refer to must replace too. Two queries (more for hundreds of ``paths``)."""
    page_type = ContentType.objects.get_for_model(Page)
    keys, paths = set(keys), sorted(paths)
    conditions = [Q(translation_key__in=keys)] if keys else []
    for start in range(0, len(paths), PATHS_PER_QUERY):
        where = Q()
        for path in paths[start : start + PATHS_PER_QUERY]:
            where |= Q(path__startswith=path)
        below = Page.objects.filter(where).values("translation_key")
        conditions.append(Q(translation_key__in=below))
    sources = set()
    for condition in conditions:
        targets = _reference_ids(Page.objects.filter(condition))
        sources.update(
            ReferenceIndex.objects.filter(
                to_content_type=page_type,
                base_content_type=page_type,
                to_object_id__in=targets,
            )
            .values_list("object_id", flat=True)
            .distinct()
        )
    ids = [int(pk) for pk in sources if pk.isdigit()]
    if not ids:
        return set()
    return set(Page.objects.filter(pk__in=ids).values_list("translation_key", flat=True))


def _referring_sites(paths, roots):
    page_type = ContentType.objects.get_for_model(Page)
    paths = sorted(paths)
    sources = set()
    # A query per PATHS_PER_QUERY pages: each path is a condition of its own, and SQLite refuses
    # an expression deeper than 1,000 (a transaction that publishes hundreds of pages).
    for start in range(0, len(paths), PATHS_PER_QUERY):
        sources.update(
            ReferenceIndex.objects.filter(
                to_content_type=page_type,
                to_object_id__in=_related_pages(paths[start : start + PATHS_PER_QUERY]),
            )
            .values_list("base_content_type_id", "object_id")
            .distinct()
        )
    by_type = defaultdict(set)
    for type_id, object_id in sources:
        by_type[type_id].add(object_id)
    sites = set()
    for type_id, object_ids in by_type.items():
        if type_id == page_type.pk:
            ids = [int(pk) for pk in object_ids if pk.isdigit()]
            url_paths = Page.objects.filter(pk__in=ids).values_list("url_path", flat=True)
            sites |= sites_of_url_paths(url_paths, roots)
            continue
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:  # an app that is no longer installed
            continue
        if not _has_site(model):
            return EVERY_SITE
        sites |= set(model.objects.filter(pk__in=object_ids).values_list("site_id", flat=True))
    sites.discard(None)
    return sites


def _has_site(model):
    field = next((f for f in model._meta.concrete_fields if f.name == "site"), None)
    return field is not None and field.many_to_one and field.related_model is Site


def scope_of(instance):
    """What a saved or deleted ``instance`` of a watched model concerns: ``("site", id)`` when
    it belongs to one site (a side box), ``("page", id)`` when it is part of a page (a row of
    its inline panels such as a schedule entry or an article's tag, a view restriction), else
    ``EVERY_SITE``."""
    if isinstance(instance, Page):
        return ("page", instance.pk)
    if _has_site(type(instance)) and getattr(instance, "site_id", None) is not None:
        return ("site", instance.site_id)
    for field in instance._meta.concrete_fields:
        part_of_page = isinstance(field, ParentalKey) or (
            isinstance(instance, PageViewRestriction) and field.name == "page"
        )
        if part_of_page and issubclass(field.related_model, Page):
            page_id = getattr(instance, field.attname)
            if page_id is not None:
                return ("page", page_id)
    return EVERY_SITE
