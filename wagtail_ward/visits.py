"""Counting visits without personal data.

A visit is the first page a browser opens on a site on a given day (in the office's time zone).
The browser keeps a cookie holding only that date; nothing about the visitor is stored on the
server, not even a hash. Bots are recognised by their User-Agent and never counted.

The page itself is the same for every reader, so that a shared cache can keep it: it neither
counts the visit nor shows the count. Once it has loaded, its script (``visits.js``) posts the
visit to ``/api/ward/visits/`` and shows the total it gets back; without JavaScript, the page's
``<noscript>`` image (``visit_pixel``) reports it. Either answer sets the day cookie, so a view
is counted once whichever way it reports.
"""

import base64
import datetime

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .conf import ward_setting
from .dates import ward_timezone, ward_today
from .models import DailyVisitCount
from .ratelimit import too_many_requests

# The smallest transparent GIF: what the <noscript> image of a page loads.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


def is_bot(request):
    agent = request.headers.get("User-Agent", "").lower()
    if not agent:
        return True
    return any(marker in agent for marker in ward_setting("BOT_USER_AGENTS"))


def already_counted_today(request):
    return request.COOKIES.get(ward_setting("VISIT_COOKIE_NAME")) == ward_today().isoformat()


def count_visit(request, response, site):
    """Count the visit of ``request`` to ``site`` unless it was already counted today.

    Returns True when the visit was counted. Sets the day cookie on ``response``.
    """
    if site is None or is_bot(request) or already_counted_today(request):
        return False
    today = ward_today()
    DailyVisitCount.objects.record_visit(site, today)
    cache.delete(_total_cache_key(site.pk))
    midnight = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time.min, tzinfo=ward_timezone()
    )
    response.set_cookie(
        ward_setting("VISIT_COOKIE_NAME"),
        today.isoformat(),
        expires=midnight,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return True


def _total_cache_key(site_id):
    return f"wagtail_ward:visits:{site_id}"


def visitor_total(site):
    """All visits ever counted for ``site``, cached for a short while."""
    if site is None:
        return 0
    key = _total_cache_key(site.pk)
    total = cache.get(key)
    if total is None:
        total = DailyVisitCount.objects.total_for(site)
        cache.set(key, total, ward_setting("VISIT_TOTAL_CACHE_SECONDS"))
    return total


def group_digits(number, language="vi"):
    """12345 → "12.345" in Vietnamese, "12,345" in English."""
    grouped = f"{int(number):,}"
    return grouped.replace(",", ".") if language.startswith("vi") else grouped


@require_GET
def visit_pixel(request):
    """``GET /api/ward/visits/pixel.gif``: the visit of a page read without JavaScript (its
    ``<noscript>`` image). Counts as the endpoint does (rate-limited per address, bots never);
    answers a transparent pixel that no cache keeps."""
    if not ward_setting("VISIT_COUNTER"):
        raise Http404("Visit counting is switched off on this site.")
    response = HttpResponse(PIXEL, content_type="image/gif")
    if already_counted_today(request):
        pass  # nothing to count, so nothing to rate-limit (as the endpoint)
    elif not too_many_requests(request, "wagtail_ward.visits", ward_setting("VISIT_RATE")):
        count_visit(request, response, Site.find_for_request(request))
    add_never_cache_headers(response)
    return response
