"""Rate limits of the write endpoints (visits, votes, questions, applications), per client
address, through django-ratelimit and Django's cache (``RATELIMIT_USE_CACHE``, "default"
unless set): they hold across processes only with a shared cache such as Redis (check
``wagtail_ward.W009``). The address is hashed into the cache key by django-ratelimit, never
stored raw.

When that cache cannot be reached (a Redis outage), a limit fails in the direction its group
chooses (docs/production.md):

- visits fail open: a visit is counted, as without any limit (a visit changes nothing but a
  number, and every reader of every page reports one);
- every other group (votes, questions, applications, imports) falls back to a limit counted
  in the process's own memory, at the same rate: an honest vote, question or application is
  still accepted and stored, while a flood from one address is still held back, by each
  process on its own, until the cache answers again.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from django_ratelimit.core import _get_ip, _split_rate, is_ratelimited

from .cache import CACHE_ERRORS, CacheUnavailable, outage

# Groups that let every request through while the cache is unavailable.
OPEN_ON_OUTAGE = frozenset({"wagtail_ward.visits"})

# The per-process counts used while the shared cache is unavailable.
_fallback = LocMemCache("wagtail_ward.ratelimit", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def rate_limit_cache_alias():
    """The alias of CACHES that django-ratelimit counts in."""
    return getattr(settings, "RATELIMIT_USE_CACHE", "default")


def too_many_requests(request, group, rate):
    """Count this request against ``rate`` (e.g. "30/m"); True once the address is over it."""
    watch = outage(f"“{rate_limit_cache_alias()}” (rate limits)")
    try:
        limited = is_ratelimited(request, group=group, key="ip", rate=rate, increment=True)
    except CacheUnavailable:
        pass  # ResilientRedisCache has logged it
    except CACHE_ERRORS as error:
        watch.failed(error)
    else:
        watch.answered()
        return limited
    if group in OPEN_ON_OUTAGE:
        return False
    return _counted_in_process(request, group, rate)


def _counted_in_process(request, group, rate):
    limit, period = _split_rate(rate)
    window = int(time.time()) // period
    address = hashlib.sha256(f"{group}\x1f{_get_ip(request)}".encode()).hexdigest()
    key = f"{group}:{period}:{window}:{address}"
    if _fallback.add(key, 1, period):
        return limit < 1
    try:
        return _fallback.incr(key) > limit
    except ValueError:  # expired between the two calls: a new window
        _fallback.set(key, 1, period)
        return limit < 1


def retry_after(rate):
    """Seconds of the window of ``rate``: "10/m" → 60, "100/5m" → 300 (for Retry-After)."""
    return _split_rate(rate)[1]
