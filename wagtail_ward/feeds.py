"""What grows with the years: feeds bounded to a window, the full archive on request, and feeds
and the sitemap kept in the cache under the content token.

- A feed gives a window: the news feeds the newest ``WAGTAIL_WARD["NEWS_FEED_ITEMS"]`` articles,
  the schedules' iCal the weeks from ``WAGTAIL_WARD["ICAL_PAST_WEEKS"]`` weeks ago on, with every
  coming week. ``?all=1`` asks for the full archive (``?all=0`` or no value: the window; any
  other value is answered 400 naming ``all``).
- ``kept_answer`` keeps a whole answer (its body and headers) in the fragment cache under the
  key of ``wagtail_ward.fragments.request_key``: the content token of the request's site, its
  path, its language and today's date. A publish replaces the token, so the next request builds
  the answer afresh; until then a reader costs the page's routing and no query of the feed.
"""

import datetime

from django.http import HttpResponse

from .conf import ward_setting
from .dates import ward_today
from .fragments import fragment_cache, fragment_key, request_key
from .params import choice

ARCHIVE_PARAMETER = "all"


def wants_archive(request):
    """Whether the request asks for the full archive (``?all=1``); ``BadParameter`` when ``all``
    is neither 0 nor 1."""
    return choice(request.GET, ARCHIVE_PARAMETER, ("0", "1"), default="0") == "1"


def ical_window_start(today=None):
    """The first day an iCal feed's window covers: ``ICAL_PAST_WEEKS`` weeks before today."""
    weeks = ward_setting("ICAL_PAST_WEEKS")
    return (today or ward_today()) - datetime.timedelta(weeks=weeks)


def news_feed_items():
    """How many articles a news feed gives when it does not give the full archive."""
    return ward_setting("NEWS_FEED_ITEMS")


def kept_answer(request, name, compute, vary=()):
    """``compute()``'s answer, kept for the next request with the same content token.

    Only a complete 200 answer is kept (a template response is rendered first); ``vary`` holds
    the parsed parameters the answer depends on (never the raw query string, so that made-up
    parameters cannot fill the cache).
    """
    key = request_key(request)
    if key is None:
        return compute()
    cache = fragment_cache()
    cache_key = fragment_key(f"answer.{name}", [*vary, key])
    kept = cache.get(cache_key)
    if kept is not None:
        content, headers = kept
        return HttpResponse(content, headers=headers)
    response = compute()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and not response.cookies and not response.streaming:
        headers = dict(response.headers.items())
        cache.set(cache_key, (response.content, headers), ward_setting("FRAGMENT_CACHE_SECONDS"))
    return response
