"""Template fragment caching for ward pages, and what makes a cached fragment stale.

Every page of a ward site repeats the same header, menu, footer and side lists, and an article
repeats its own category, picture, tags and "other news" for every reader. ``{% ward_cache %}``
(Wagtail's ``{% wagtailcache %}``, which skips previews, with a key of its own) caches such a
fragment in Django's cache under a key made of:

- the content token (``ContentVersion``): every change to published content replaces it when
  the change commits. A publish in the admin, a scheduled publish, an unpublish, a move, a
  deletion, a view restriction, the ward settings or the unit profile retire every cached
  fragment at once, in every process, because the token lives in the database;
- the site, the language, the request's path and today's date in the office's time zone;
- the name of the fragment, the template being rendered and any values given to the tag.

The token is read once per request by ``FragmentCacheMiddleware``, before the view runs and so
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
import uuid

from django.apps import apps
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation
from taggit.models import ItemBase, Tag
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import __version__
from .conf import ward_setting
from .dates import ward_today
from .memo import request_memo
from .models import ContentVersion, UnitProfile

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
_watched = set()


def content_version(request=None):
    """The current content token (one query by primary key); with ``request``, the token of that
    request, read on the first call (``FragmentCacheMiddleware`` makes that call before the view
    runs)."""
    if request is not None:
        memo = request_memo(request, "fragments")
        if "token" not in memo:
            memo["token"] = content_version()
        return memo["token"]
    token = ContentVersion.objects.filter(pk=1).values_list("token", flat=True).first()
    return token or _write_token()


def pin_content_version(request):
    """Read the token of ``request`` before its view runs (``FragmentCacheMiddleware`` does)."""
    content_version(request)
    request_memo(request, "fragments")["pinned"] = True


def bump_content_version():
    """Give published content a new token: every cached fragment is stale from now on.

    Saves and deletions call it through their signals. Call it yourself after changing what
    visitors see in a way that sends no signal (a ``QuerySet.update()``, raw SQL).

    Inside a transaction the token is written when the transaction commits, in a statement of
    its own. The row is then never locked while a transaction runs: two editors publishing at
    once neither wait for each other on it nor deadlock, and a rollback leaves it alone. Until
    the commit, readers see the old content under the old token, which is right.
    """
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_write_token, robust=True)
        return None
    return _write_token()


def _write_token():
    token = uuid.uuid4().hex
    now = timezone.now()
    if not ContentVersion.objects.filter(pk=1).update(token=token, changed_at=now):
        try:
            with transaction.atomic():
                ContentVersion.objects.create(pk=1, token=token, changed_at=now)
        except IntegrityError:  # created meanwhile by another request
            ContentVersion.objects.filter(pk=1).update(token=token, changed_at=now)
    return token


def _saved(sender, instance, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= _DRAFT_ONLY_FIELDS and isinstance(instance, Page):
        return
    bump_content_version()


def _changed(sender, **kwargs):
    bump_content_version()


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
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)


def watch_core_content():
    """What the core's fragments show, from the core and Wagtail (called from ``ready()``).

    Also Wagtail's page signals: a publish saves the page before its inline children (tags,
    schedule rows), and outside a transaction a request could read the new token in between;
    ``page_published`` comes after the children are written.
    """
    watch_models(
        Page,
        PageViewRestriction,
        Site,
        Locale,
        BaseSiteSetting,
        BaseGenericSetting,
        UnitProfile,
        AbstractImage,
        AbstractDocument,
        Tag,
        ItemBase,
    )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid="wagtail-ward-fragments")


def request_key(request, template_name=""):
    """What the key of every fragment of ``request`` holds besides its name and the tag's values,
    or None when the request must render its fragments afresh."""
    if request is None or getattr(request, "is_preview", False):
        return None
    if request.method not in ("GET", "HEAD") or not ward_setting("FRAGMENT_CACHE_SECONDS"):
        return None
    memo = request_memo(request, "fragments")
    if not memo.get("pinned"):  # FragmentCacheMiddleware is not installed
        return None
    if "site" not in memo:
        site = Site.find_for_request(request)
        memo["site"] = str(site.pk if site is not None else "")
    return "\x1f".join(
        (
            __version__,  # a new release may render its fragments differently
            memo["token"],
            memo["site"],
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


def cached_fragment(request, name, compute, vary=()):
    """The cached value of fragment ``name`` (rendered text, or anything the cache can pickle,
    None included), or ``compute()``'s, cached for the next request."""
    key = request_key(request)
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
