"""Parts of ward pages kept in Django's cache between requests, and what makes them stale.

Every page of a ward site repeats the same header, menu, footer and side lists, and an article
repeats its own category, picture, tags and "other news" for every reader. ``{% ward_cache %}``
keeps such a part in Django's cache under a key made of:

- the content version (``ContentVersion``): a token that every change to published content
  replaces when the change commits. A publish in the admin, a scheduled publish,
  an unpublish, a move, a deletion, a view restriction, the ward settings or the unit profile
  retire every kept part at once, in every process, because the token lives in the database;
- the site, the language, the request's path and today's date in the office's time zone;
- the name of the part, the template being rendered and any values given to the tag.

The token is read once per request (one query by primary key). Previews, requests other than
GET and HEAD, and ``WAGTAIL_WARD["FRAGMENT_CACHE_SECONDS"] = 0`` render without the cache.

What may go in a kept part: whatever depends only on the published content, the site, the
language, the path and the date. Never a CSRF token, a form, a vote count, anything that depends
on the user or the query string (give such a value to the tag, or leave it outside).
"""

import functools
import hashlib
import uuid

from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone, translation
from wagtail.models import Site

from . import __version__
from .conf import ward_setting
from .dates import ward_today
from .public import request_memo

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
    """The current token; read once per request when ``request`` is given."""
    from .models import ContentVersion

    memo = request_memo(request, "content_version")
    if "token" not in memo:
        token = ContentVersion.objects.filter(pk=1).values_list("token", flat=True).first()
        memo["token"] = token or _write_token()
    return memo["token"]


def bump_content_version():
    """Give published content a new token: every part kept in the cache is stale from now on.

    Saves and deletions call it through their signals. Call it yourself after changing what
    visitors see in a way that sends no signal (a ``QuerySet.update()``, raw SQL).

    Inside a transaction the token is written when the transaction commits, in a statement of
    its own. The row is then never locked while a transaction runs: two editors publishing at
    once neither wait for each other on it nor deadlock, and a rollback leaves it alone. Until
    the commit, readers see the old content under the old token, which is right.
    """
    connection = transaction.get_connection()
    # The transaction a test case wraps around each test never commits: inside it the token is
    # written at once, as the code's own transactions would at their commit.
    if connection.in_atomic_block and not getattr(
        connection.atomic_blocks[0], "_from_testcase", False
    ):
        transaction.on_commit(_write_token, robust=True)
        return None
    return _write_token()


def _write_token():
    from .models import ContentVersion

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
    from wagtail.models import Page

    if update_fields and set(update_fields) <= _DRAFT_ONLY_FIELDS and isinstance(instance, Page):
        return
    bump_content_version()


def _changed(sender, **kwargs):
    bump_content_version()


def watch_models(*models):
    """Replace the content version whenever an instance of one of ``models`` (or of a concrete
    subclass) is saved or deleted.

    The core watches pages, view restrictions, sites, locales, images, documents, tags, the ward
    settings and the unit profile; a page family adds the snippets its pages show (the news
    category, the schedule's leaders) from its ``AppConfig.ready()``. Signals are connected per
    concrete model, so deletes of other models keep Django's fast path.
    """
    from django.apps import apps

    for model in apps.get_models():
        if model in _watched or not issubclass(model, models):
            continue
        _watched.add(model)
        uid = f"wagtail-ward-fragments-{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)


def watch_pages():
    """Also replace the version on Wagtail's page signals: a publish saves the page before its
    inline children (tags, schedule rows), and outside a transaction a request could read the
    new token in between; ``page_published`` comes after the children are written."""
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_changed, dispatch_uid="wagtail-ward-fragments")


def fragment_key(request, name, vary=(), template_name=""):
    """The cache key of a kept part, or None when this request must render without the cache."""
    if request is None or getattr(request, "is_preview", False):
        return None
    if request.method not in ("GET", "HEAD") or not ward_setting("FRAGMENT_CACHE_SECONDS"):
        return None
    parts = [
        *_request_key_parts(request),
        translation.get_language() or "",
        template_name or "",
        *(str(value) for value in vary),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"wagtail_ward:fragment:{name}:{digest}"


def _request_key_parts(request):
    """What every kept part of a request shares, worked out once per request."""
    memo = request_memo(request, "fragment_key")
    if "parts" not in memo:
        site = Site.find_for_request(request)
        memo["parts"] = (
            __version__,  # a new release may render its parts differently
            content_version(request),
            str(site.pk if site is not None else ""),
            request.path,
            ward_today().isoformat(),
        )
    return memo["parts"]


def fragment_cache():
    return caches[ward_setting("FRAGMENT_CACHE")]


def cached_value(request, name, compute, vary=(), template_name=""):
    """The kept value of part ``name`` (rendered text, or anything the cache can pickle), or
    ``compute()``'s, kept for the next request."""
    key = fragment_key(request, name, vary, template_name)
    if key is None:
        return compute()
    cache = fragment_cache()
    missing = object()
    value = cache.get(key, missing)
    if value is missing:
        value = compute()
        cache.set(key, value, ward_setting("FRAGMENT_CACHE_SECONDS"))
    return value


def when_asked(function):
    """``function`` as a context value computed on the template's first use, then remembered.

    A page's ``get_context`` hands its side lists over this way, so a part served from the cache
    costs no query at all.
    """
    return functools.cache(function)
