"""Rate limits of the write endpoints (visits, votes), per client address, through
django-ratelimit and Django's cache (so they hold across processes with a shared cache such as
Redis). The address is hashed into the cache key by django-ratelimit, never stored raw."""

from django_ratelimit.core import _split_rate, is_ratelimited


def too_many_requests(request, group, rate):
    """Count this request against ``rate`` (e.g. "30/m"); True once the address is over it."""
    return is_ratelimited(request, group=group, key="ip", rate=rate, increment=True)


def retry_after(rate):
    """Seconds of the window of ``rate``: "10/m" → 60, "100/5m" → 300 (for Retry-After)."""
    return _split_rate(rate)[1]
