"""Conditional requests: ``Cache-Control``, ``ETag`` and ``Last-Modified`` on public answers, and
304 Not Modified to a matching ``If-None-Match`` or ``If-Modified-Since``.

``ConditionalRequestMiddleware`` looks at every successful GET or HEAD answer once it is complete
(put it near the top of ``MIDDLEWARE``, right after ``SecurityMiddleware``, so that the session,
CSRF and language middleware have added their ``Vary`` and cookies):

- an editor's answer (a signed-in user), an answer to a visitor who has unlocked a private page
  with its password, and any answer that already says how to cache it (the admin, previews, a
  view of its own) are left alone or marked ``Cache-Control: private, no-store``, with no
  validator: nothing of them is kept, neither by a shared cache nor by the browser;
- every other answer (pages, RSS/Atom feeds, iCal, the JSON API) gets a strong ``ETag``: a hash
  of the body, so it is never wrong, whatever the answer holds; and
  ``Cache-Control: max-age=0, must-revalidate``, ``private`` when the answer sets a cookie (a
  form's CSRF token, the message cookie a page clears after a vote sent without JavaScript),
  else ``public`` (an answer that varies by cookie is kept by a shared cache per ``Cookie``
  header, so it is safe there);
- a public page (HTML) loses the ``Vary: Cookie`` that the session middleware adds when
  Wagtail's user bar looks for a signed-in user: the page of an anonymous reader that sets no
  cookie is the same for every reader (the poll's state and the visit count come from the
  page's scripts), and a shared cache keeps one copy of it, not one per reader's cookies;
- a public feed, iCal or API answer that is the same for every reader also gets
  ``Last-Modified``: the time the content token last changed (``ContentVersion.changed_at``:
  the last publish), or the start of the office's day when that is later. Pages do not: the
  public results of a poll they show change with each vote, without a publish;
- a request whose ``If-None-Match`` matches the ``ETag`` (or, without it, whose
  ``If-Modified-Since`` is not older than ``Last-Modified``) is answered 304 with no body, by
  Django's ``get_conditional_response``.
"""

import datetime
import hashlib

from django.utils import timezone
from django.utils.cache import get_conditional_response, has_vary_header, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from .dates import ward_timezone, ward_today
from .models import ContentVersion

CONDITIONAL_METHODS = ("GET", "HEAD")


def last_publish(request=None):
    """When published content last changed (the content token's time), or None."""
    return ContentVersion.objects.filter(pk=1).values_list("changed_at", flat=True).first()


def last_modified(request=None):
    """``Last-Modified`` of a public answer: the last publish, or the start of today in the
    office's time zone when that is later."""
    start_of_day = datetime.datetime.combine(ward_today(), datetime.time(), ward_timezone())
    changed = last_publish(request)
    return max(changed, start_of_day) if changed else start_of_day


def is_personal(request):
    """Whether the answer belongs to this visitor only: an editor's, or a visitor's who has
    unlocked a private page (the unlocked pages are listed in the session)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    session = getattr(request, "session", None)
    if session is None:
        return False
    return any(
        session.get(restriction.passed_view_restrictions_session_key)
        for restriction in (PageViewRestriction, CollectionViewRestriction)
    )


def dated(response):
    """Whether ``Last-Modified`` describes the answer: a feed, iCal or API answer, the same for
    every reader. Not a page (the public results of its poll change without a publish) nor an
    answer that varies by voter (the poll API's ``has_voted``)."""
    if response.get("Content-Type", "").startswith("text/html"):
        return False
    return not has_vary_header(response, "X-Ward-Voter")


def _forget_session_vary(response):
    """Drop ``Cookie`` from the ``Vary`` of a page for an anonymous reader.

    The session middleware adds it as soon as the page looks for a signed-in user (Wagtail's
    user bar does on every page), whether or not the request has a session. An anonymous
    reader's page that sets no cookie is the same with or without cookies: what belongs to
    one reader is an editor's page (``private, no-store`` above), a page after a vote sent
    without JavaScript (it clears the message cookie: ``private``), or a form with a CSRF token
    (Django sets its cookie with every such page: ``private``). Kept, ``Vary: Cookie`` would
    make a shared cache keep one copy per reader, since every browser's cookies differ (the
    visit cookie, a voter cookie)."""
    vary = [value.strip() for value in response.get("Vary", "").split(",") if value.strip()]
    kept = [value for value in vary if value.lower() != "cookie"]
    if len(kept) == len(vary):
        return
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


class ConditionalRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in CONDITIONAL_METHODS or response.status_code != 200:
            return response
        if response.streaming or response.has_header("Cache-Control"):
            return response
        if is_personal(request):
            patch_cache_control(response, private=True, no_store=True)
            for header in ("ETag", "Last-Modified"):  # Django's feeds set Last-Modified
                if response.has_header(header):
                    del response[header]
            return response
        # A cookie set with the answer (a form's CSRF token, the cleared message cookie) is
        # this visitor's: no shared cache may hand it to another. An answer that merely varies
        # on cookies is safe in a shared cache, which keys it by the Cookie header.
        public = not response.cookies
        if public and response.get("Content-Type", "").startswith("text/html"):
            _forget_session_vary(response)
        patch_cache_control(response, **{"public" if public else "private": True})
        patch_cache_control(response, max_age=0, must_revalidate=True)
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response.headers.setdefault("ETag", etag)
        if not public or not dated(response):
            return get_conditional_response(request, etag=response["ETag"], response=response)
        # The later of the last publish and what the view said (Django's feeds: the newest
        # item's time), so that unpublishing an item moves it too.
        modified = int(min(last_modified(request), timezone.now()).timestamp())
        if response.has_header("Last-Modified"):
            modified = max(modified, parse_http_date_safe(response["Last-Modified"]) or 0)
        response["Last-Modified"] = http_date(modified)
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=modified,
            response=response,
        )
