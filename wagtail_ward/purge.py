"""Purging a caching proxy (nginx, Varnish, a CDN) when published content changes.

Optional: it works through ``wagtail.contrib.frontend_cache`` and only when the project
configures ``WAGTAILFRONTENDCACHE`` (or the older ``WAGTAILFRONTENDCACHE_LOCATION``). Without
it nothing here runs a query or sends a request.

Publishing, unpublishing, moving or deleting a ward page, or adding, changing or removing a
view restriction, adds to one ``PurgeBatch`` per transaction (one per publish) the URLs that a
proxy may keep with the old content (see ``urls_to_purge`` and docs/caching.md); the batch is
sent when the transaction commits, and a transaction rolled back sends nothing. The URLs are
collected when the change happens, so a moved or deleted page's old addresses are the ones
purged.
"""

import types

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from .item_types import item_type_of_page

# Routes of a page that show the same content as the page itself or list it: the print view,
# the feeds (RSS, Atom, iCal) and the schedule's "this week".
PAGE_ROUTES = ("print", "ical")
INDEX_ROUTES = ("rss", "atom", "ical", "this_week")
CATEGORY_ROUTES = ("category", "category_rss", "category_atom")


def purge_configured():
    return bool(
        getattr(settings, "WAGTAILFRONTENDCACHE", None)
        or getattr(settings, "WAGTAILFRONTENDCACHE_LOCATION", None)
    )


def _routes(page, names, model=None, **kwargs):
    """The paths of the routes ``names`` that ``page``'s class (or ``model``) has (no query)."""
    model = model or type(page)
    if not hasattr(model, "get_resolver"):
        return []
    resolver = model.get_resolver()
    paths = []
    for name in names:
        try:
            paths.append(resolver.reverse(name, **kwargs).lstrip("/"))
        except NoReverseMatch:
            continue
    return paths


def _page_urls(page, cache, names=PAGE_ROUTES, model=None):
    url = page.get_full_url(cache)
    if url is None:  # not routable: outside every site
        return set()
    return {url, *(url + path for path in _routes(page, names, model))}


def _descendant_urls(page):
    """The addresses of ``page``'s live descendants and their routes: one query (their types
    come from Django's cache of content types), however large the section."""
    cache = types.SimpleNamespace()
    urls = set()
    for descendant in page.get_descendants().live().defer_streamfields().iterator():
        urls |= _page_urls(descendant, cache, model=descendant.specific_class)
    return urls


def _index_urls(index, item, cache):
    """The index page (its first page: ``?page=`` pages are not purged), its feeds, and the
    category (news) or sector (procedures) page and the archive pages that list ``item``, where
    the item says which (one query for its category or sector, if it has one)."""
    urls = _page_urls(index, cache, INDEX_ROUTES)
    if not urls:
        return urls
    base = index.get_full_url(cache)
    for field, names in (("category", CATEGORY_ROUTES), ("sector", ("sector",))):
        slug = getattr(getattr(item, field, None), "slug", None)
        if slug:
            urls.update(base + path for path in _routes(index, names, slug=slug))
    item_type = item_type_of_page(item)
    day = getattr(item, item_type.date_field, None) if item_type else None
    if day is not None:
        dated = [("archive_year", {}), ("archive", {}), ("archive_month", {"month": day.month})]
        for name, extra in dated:
            urls.update(base + path for path in _routes(index, (name,), year=day.year, **extra))
    return urls


def urls_to_purge(page, cache=None):
    """Every URL a proxy may keep that shows ``page`` or lists it, in every language.

    For the page and each of its live translations: the page and its ``print/`` and ``ical/``
    routes; its parent index page with its feeds, this week, the item's category and archive
    pages; the site's home page in every language and the site's ``sitemap.xml``. The other
    pages of the site show the page only in their "Tin mới" box: see docs/caching.md.
    Queries: a few per language, however large the site.
    """
    cache = cache if cache is not None else types.SimpleNamespace()  # Wagtail's site paths
    page = page.specific_deferred if type(page) is Page else page
    urls = set()
    translations = [page]
    if page.pk is not None:
        translations += list(page.get_translations().live().specific().select_related("locale"))
    sites = set()
    for version in translations:
        urls |= _page_urls(version, cache)
        parent = version.get_parent()
        if parent is not None and parent.depth > 1:
            urls |= _index_urls(parent.specific, version, cache)
        site = version.get_site()
        if site is not None:
            sites.add(site)
    for site in sites:
        root = site.root_page
        for home in Page.objects.filter(translation_key=root.translation_key).live():
            url = home.get_full_url(cache)
            if url:
                urls.add(url)
        urls.add(site.root_url.rstrip("/") + "/sitemap.xml")
    return urls


# One batch per transaction -------------------------------------------------------------------


class _Pending:
    batch = None
    send = None


_pending = _Pending()


def _current():
    """The batch of the current transaction, registered to be sent when it commits (at once
    outside a transaction). A new one when the last batch was sent or its transaction was
    rolled back (Django then dropped its callback)."""
    connection = transaction.get_connection()
    registered = _pending.send is not None and any(
        entry[1] is _pending.send for entry in connection.run_on_commit
    )
    if registered:
        return _pending, False
    _pending.batch = PurgeBatch()

    def send():
        batch, _pending.batch, _pending.send = _pending.batch, None, None
        if batch is not None and batch.urls:
            batch.purge()

    _pending.send = send
    if connection.in_atomic_block:
        transaction.on_commit(send, robust=True)
        return _pending, False
    return _pending, True


def _add(page, pending=None, section=False):
    pending, send_now = pending or _current()
    pending.batch.add_urls(urls_to_purge(page))
    if section:
        pending.batch.add_urls(_descendant_urls(page))
    if send_now:
        pending.send()


def purge_page(page, section=False):
    """Purge (when the transaction commits) every URL ``urls_to_purge`` gives for ``page``;
    with ``section``, also the addresses of its live descendants (a move changes them, a view
    restriction covers them)."""
    if purge_configured() and page.pk is not None:
        _add(page, section=section)


def _published_or_unpublished(sender, instance, **kwargs):
    """Also a deletion: Wagtail unpublishes every live page it deletes, the section's pages with
    it, before deleting them (its own ``pre_delete`` receiver), each with ``page_unpublished``."""
    purge_page(instance)


def _before_move(sender, instance, **kwargs):
    purge_page(instance, section=True)  # the old addresses, the section's too


def _after_move(sender, instance, **kwargs):
    purge_page(instance)  # the new parent's lists


def _restriction_changed(sender, instance, **kwargs):
    if purge_configured():
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            purge_page(page, section=True)


def connect():
    """Called from ``WagtailWardConfig.ready()``."""
    uid = "wagtail-ward-purge"
    page_published.connect(_published_or_unpublished, dispatch_uid=f"{uid}-published")
    page_unpublished.connect(_published_or_unpublished, dispatch_uid=f"{uid}-unpublished")
    pre_page_move.connect(_before_move, dispatch_uid=f"{uid}-pre-move")
    post_page_move.connect(_after_move, dispatch_uid=f"{uid}-post-move")
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{uid}-restriction"
        )
