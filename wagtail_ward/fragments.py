"""Template fragment caching for ward pages, and what makes a cached fragment stale.

Every page of a ward site repeats the same header, menu, footer and side lists, and an article
repeats its own category, picture, tags and "other news" for every reader. ``{% ward_cache %}``
(Wagtail's ``{% wagtailcache %}``, which skips previews, with a key of its own) caches such a
fragment in Django's cache under a key made of:

- the content token of the request's site (``SiteContentVersion``): every change to published
  content replaces, when it commits, the tokens of the sites it concerns
  (``wagtail_ward.content_scopes``): a publish, a scheduled publish, an unpublish, a move, a
  deletion or a view restriction in one ward retires that ward's fragments and those of the
  sites that show its items, in every process, because the tokens live in the database; the
  ward settings, the unit profile and other shared content retire every site's;
- or, for a part of the site's chrome (``{% ward_site_cache %}``: header, menu, footer), the
  site's structure token, which only what the chrome shows replaces (the settings, the unit
  profile, the home page and the pages just below it ...: ``content_scopes.chrome_sites``);
- the site, the language, the request's path and today's date in the office's time zone;
- the name of the fragment, the template being rendered and any values given to the tag.

The tokens are read once per request by ``FragmentCacheMiddleware``, before the view runs and so
before Wagtail loads the page: whatever the request reads afterwards is at least as new as the
token, and a publish that commits meanwhile never has old content cached under its new token.
Without the middleware (check ``wagtail_ward.W005``), fragments are rendered afresh.

Previews, requests other than GET and HEAD, and ``WAGTAIL_WARD["FRAGMENT_CACHE_SECONDS"] = 0``
render without the cache.

What may go in a fragment: whatever depends only on the published content, the site, the
language, the path and the date. Never a CSRF token, a form, a vote count, anything that depends
on the user or the query string (give such a value to the tag, or leave it outside).
"""

import functools

from django.apps import apps
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.db.models import IntegerField, Q, Value
from django.db.models.signals import post_delete, post_save, pre_delete
from django.http.request import split_domain_port
from django.utils import translation
from taggit.models import ItemBase, Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import __version__
from .conf import ward_setting
from .content_scopes import EVERY_SITE, scope_of
from .content_tokens import CHANGES, Changes, write_install_tokens, write_token
from .dates import ward_today
from .memo import request_memo
from .models import ContentVersion, SideBox, SiteContentVersion, UnitProfile
from .page_routing import PAGE_TOKEN

# Saves of a page that change nothing a visitor sees (a new draft, a lock).
_DRAFT_ONLY_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
    }
)
# Saves of an image, a document or a tag that change nothing a visitor sees.
_FILE_BOOKKEEPING = frozenset({"file_hash", "file_size"})
# Shared by every site, changed rarely: a change retires every site's fragments.
_SHARED = (
    Site,
    Locale,
    BaseSiteSetting,
    BaseGenericSetting,
    UnitProfile,
    AbstractImage,
    AbstractDocument,
    Tag,
)
_SHARED_FILES = (AbstractImage, AbstractDocument, Tag)
_watched = set()


def content_version(request=None):
    """The content token of ``request``: its site's token, read with the install-wide token in
    one query on the first call (``FragmentCacheMiddleware`` makes that call before the view
    runs); the install-wide token for a request outside every site, or for a site that has no
    token of its own yet. Without ``request``, the install-wide token (``ContentVersion``),
    which every change of published content replaces."""
    if request is not None:
        return _request_row(request)[0]
    token = ContentVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    return token or write_token()


def content_changed_at(request):
    """When content that ``request``'s site shows last changed (its token's time), or None."""
    return _request_row(request)[1]


def structure_version(request):
    """The structure token of ``request``'s site (read in the same query as its content token):
    it changes only with what the site's chrome shows (``wagtail_ward.content_scopes``)."""
    return _request_row(request)[2]


def _request_row(request):
    memo = request_memo(request, "fragments")
    if "tokens" not in memo:
        memo["tokens"] = _read_tokens(request)
    if "site" not in memo:
        site = Site.find_for_request(request)
        memo["site"] = site.pk if site is not None else None
    return memo["tokens"].get(memo["site"]) or memo["tokens"][0]


def _read_tokens(request):
    """The install-wide token and the tokens of the sites that may answer ``request`` (those of
    its host name and the default site, as Wagtail chooses among them), in one query."""
    hostname = split_domain_port(request._get_raw_host())[0]
    shared = ContentVersion.objects.filter(pk=1).values_list(
        Value(0, output_field=IntegerField()), "token", "changed_at", "structure_token"
    )
    sites = SiteContentVersion.objects.filter(
        Q(site__hostname=hostname) | Q(site__is_default_site=True)
    ).values_list("site_id", "token", "changed_at", "structure_token")
    rows = {row[0]: row[1:] for row in shared.union(sites)}
    if 0 not in rows:
        values = write_install_tokens(structure=True)
        rows[0] = (values["token"], None, values["structure_token"])
    return rows


def pin_content_version(request):
    """Read the tokens of ``request`` before its view runs (``FragmentCacheMiddleware`` does)."""
    request_memo(request, "fragments")["tokens"] = _read_tokens(request)
    request_memo(request, "fragments")["pinned"] = True


def bump_content_version(sites=None):
    """Give published content new tokens: the cached fragments of ``sites`` (site ids; every
    site when None) are stale from now on.

    Saves and deletions call it through their signals, for the sites they concern
    (``wagtail_ward.content_scopes``). Call it yourself after changing what visitors see in a
    way that sends no signal (a ``QuerySet.update()``, raw SQL).

    Inside a transaction the tokens are written when the transaction commits, in statements of
    their own, once for all the changes the transaction made. The rows are then never locked
    while a transaction runs: two editors publishing at once neither wait for each other on
    them nor deadlock, and a rollback leaves them alone. Until the commit, readers see the old
    content under the old tokens, which is right.
    """
    changes = _changes()
    if sites is None:
        changes.every_site = changes.structure_every_site = True
    else:
        changes.sites.update(sites)
        changes.structure_sites.update(sites)
    return changes.flush() if changes.now else None


def _retire(scope):
    """Retire what ``scope`` concerns. Content shared by every site (settings, images, snippets,
    ...) retires every site's structure token too: a page's own kept parts are keyed on it, and
    they may show any of it (the unit profile, a picture, the article's category)."""
    changes = _changes()
    if scope is EVERY_SITE:
        changes.every_site = True
        changes.structure_every_site = True
    elif scope[0] == "site":  # a side box: which boxes a site has is kept under its structure
        changes.sites.add(scope[1])
        changes.structure_sites.add(scope[1])
    else:
        changes.pages.add(scope[1])
    if changes.now:
        changes.flush()


def _changes():
    """The changes of the current transaction; each change adds a commit callback, so that a
    savepoint rolled back drops only its own, and all of them write once, at the first."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return Changes(now=True)
    changes = connection.__dict__.get(CHANGES)
    if changes is None or changes.done:
        changes = connection.__dict__[CHANGES] = Changes()
    transaction.on_commit(changes.flush, robust=True)
    return changes


def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    if update_fields and isinstance(instance, Page) and set(update_fields) <= _DRAFT_ONLY_FIELDS:
        return
    bookkeeping = bool(update_fields) and set(update_fields) <= _FILE_BOOKKEEPING
    if isinstance(instance, _SHARED_FILES) and (created or bookkeeping):
        return  # nothing shows a new image, document or tag yet
    _retire(_scope(instance))


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):  # gone at the commit: its place is kept now
        _retire_position(instance, instance.translation_key)
    else:
        _retire(_scope(instance))


def _deleting(sender, instance, **kwargs):
    """Before a page is deleted: what links to it (read while Wagtail's reference index still
    holds it) gets new page tokens at the commit."""
    changes = _changes()
    changes.referring_before_deletion(instance)
    if changes.now:
        changes.flush()


def _page_changed(sender, instance, **kwargs):
    _retire(("page", instance.pk))


def _page_moving(sender, instance, **kwargs):
    """Before a move: the sites of the page's old place (its new one comes with the move)."""
    _retire_position(instance)


def _retire_position(page, key=None):
    changes = _changes()
    changes.positions.add((page.path, page.url_path))
    if key is not None:
        changes.keys.add(key)
    if changes.now:
        changes.flush()


def _scope(instance):
    if isinstance(instance, _SHARED):
        return EVERY_SITE
    return scope_of(instance)


def watch_models(*models):
    """Replace the content token whenever an instance of one of ``models`` (or of a concrete
    subclass) is saved or deleted.

    The core watches pages, view restrictions, sites, locales, images, documents, tags, the ward
    settings and the unit profile; a page family adds the snippets its pages show (the news
    category, the schedule's leaders) from its ``AppConfig.ready()``. Signals are connected per
    concrete model, so deletes of other models keep Django's fast path.
    """
    for model in apps.get_models():
        if model in _watched or not issubclass(model, models):
            continue
        _watched.add(model)
        uid = f"wagtail-ward-fragments-{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
        if issubclass(model, Page):
            pre_delete.connect(_deleting, sender=model, dispatch_uid=uid)


def watch_core_content():
    """What the core's fragments show, from the core and Wagtail (called from ``ready()``).

    Also Wagtail's page signals: a publish saves the page before its inline children (tags,
    schedule rows), and outside a transaction a request could read the new token in between;
    ``page_published`` comes after the children are written.
    """
    # The shared models retire every site; pages, their restrictions, side boxes and items
    # retire the sites they concern (``content_scopes.scope_of``).
    watch_models(Page, PageViewRestriction, SideBox, ItemBase, *_SHARED)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_changed, dispatch_uid="wagtail-ward-fragments")
    pre_page_move.connect(_page_moving, dispatch_uid="wagtail-ward-fragments")


def page_token(page):
    """The version of ``page`` and its translations: its id, live revision and token
    (``PageContentVersion``, read in the query that loaded it: ``page_routing``), or None for a
    page loaded without its token."""
    token = getattr(page, PAGE_TOKEN, False)
    if token is False:
        return None
    return f"{page.pk}.{page.live_revision_id}.{token or '0'}"


def request_key(request, template_name="", structure=False, page=None):
    """What the key of every fragment of ``request`` holds besides its name and the tag's values,
    or None when the request must render its fragments afresh. With ``structure``, the key of a
    part of the site's chrome: the site's structure token instead of its content token. With
    ``page``, the key of a part that shows only ``page`` (its own fields, its translations, the
    site's structure): the structure token and the page's own token (``page_token``), or the
    content token when the page was loaded without its token."""
    if request is None or getattr(request, "is_preview", False):
        return None
    if request.method not in ("GET", "HEAD") or not ward_setting("FRAGMENT_CACHE_SECONDS"):
        return None
    memo = request_memo(request, "fragments")
    if not memo.get("pinned"):  # FragmentCacheMiddleware is not installed
        return None
    own = page_token(page) if page is not None else None
    if own is not None:
        kind, token = "page", f"{structure_version(request)}.{own}"
    elif structure:
        kind, token = "structure", structure_version(request)
    else:
        kind, token = "content", content_version(request)
    return "\x1f".join(
        (
            __version__,  # a new release may render its fragments differently
            kind,
            token,
            str(memo["site"] or ""),
            request.path,
            ward_today().isoformat(),
            translation.get_language() or "",
            template_name or "",
        )
    )


def fragment_cache():
    return caches[ward_setting("FRAGMENT_CACHE")]


def fragment_key(name, vary_on):
    """The key of fragment ``name``: Django's own ``make_template_fragment_key``."""
    return make_template_fragment_key(f"wagtail_ward.{name}", vary_on)


def cached_fragment(request, name, compute, vary=(), structure=False):
    """The cached value of fragment ``name`` (rendered text, or anything the cache can pickle,
    None included), or ``compute()``'s, cached for the next request. With ``structure``, kept
    under the site's structure token (what only the site's structure, settings and side boxes
    decide)."""
    key = request_key(request, structure=structure)
    if key is None:
        return compute()
    cache_key = fragment_key(name, [*vary, key])
    cache = fragment_cache()
    missing = object()
    value = cache.get(cache_key, missing)
    if value is missing:
        value = compute()
        cache.set(cache_key, value, ward_setting("FRAGMENT_CACHE_SECONDS"))
    return value


def when_asked(function):
    """``function`` as a context value computed on the template's first use, then remembered.

    A page's ``get_context`` hands its side lists over this way, so a fragment served from the
    cache costs no query at all.
    """
    return functools.cache(function)
