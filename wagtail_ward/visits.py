"""Counting visits without personal data.

A visit is the first page a browser opens on a site on a given day (in the office's time zone).
The browser keeps a cookie holding only that date; nothing about the visitor is stored on the
server, not even a hash. Bots are recognised by their User-Agent and never counted.
"""

import datetime

from django.core.cache import cache

from .conf import ward_setting
from .dates import ward_timezone, ward_today
from .models import DailyVisitCount


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
