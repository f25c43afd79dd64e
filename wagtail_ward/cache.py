"""A Redis cache that a Redis outage turns into cache misses, never into errors.

Django's own ``RedisCache`` raises ``redis.ConnectionError`` from every call while Redis is
down, and Wagtail reads the default cache on every page (``Site.find_for_request``): every page
would answer 500. ``ResilientRedisCache`` is that backend with every call guarded:

- a read that fails is a miss (``get`` answers its default, ``get_many`` nothing), a write or a
  deletion that fails is one that did not happen (``set`` and ``add`` store nothing): pages are
  rendered from the database, as for a cold cache;
- a counter (``incr``, ``decr``) has no "miss": it raises ``CacheUnavailable`` (a
  ``ConnectionError``), which ``wagtail_ward.ratelimit`` handles in its documented direction;
- the first failure is logged once (a warning on the ``wagtail_ward.cache`` logger), and so is
  the first answer once Redis is back; nothing is logged in between;
- after a failure the process does not ask Redis again for ``RETRY_SECONDS`` (5 by default):
  every call is a miss at once, so an unreachable server costs one connection timeout per
  process every few seconds, not one per call. Connection and socket timeouts default to one
  second (``socket_connect_timeout``, ``socket_timeout`` in ``OPTIONS``).

Configure it as Django's backend (``docs/production.md``)::

    CACHES = {"default": {
        "BACKEND": "wagtail_ward.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
        "OPTIONS": {"RETRY_SECONDS": 5},
    }}
"""

import logging
import re
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

try:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError
except ImportError:  # the redis package is the "redis" extra; without it nothing raises these
    RedisConnectionError = RedisTimeoutError = OSError

logger = logging.getLogger("wagtail_ward.cache")


class CacheUnavailable(ConnectionError):
    """The cache server does not answer (raised by counters, which have no miss)."""


# What a cache raises when its server cannot be reached (sockets raise OSError).
CACHE_ERRORS = (OSError, RedisConnectionError, RedisTimeoutError)


class Outage:
    """Whether one cache server (per process) is down: logs the first failure and the first
    answer after it, and says when to try the server again."""

    def __init__(self, name, retry_seconds):
        self.name = name
        self.retry_seconds = retry_seconds
        self.down_since = None
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def skipping(self):
        """True while the server failed less than ``retry_seconds`` ago."""
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, error):
        now = time.monotonic()
        with self.lock:
            first = self.down_since is None
            if first:
                self.down_since = now
            self.retry_at = now + self.retry_seconds
        if first:
            logger.warning(
                "Cache %s is unavailable (%s): its reads are misses and its writes are dropped "
                "until it answers again.",
                self.name,
                error,
            )

    def answered(self):
        if self.down_since is None:
            return
        with self.lock:
            since, self.down_since = self.down_since, None
        if since is not None:
            logger.warning(
                "Cache %s answers again after %.1f s.", self.name, time.monotonic() - since
            )


_outages = {}
_outages_lock = threading.Lock()


def outage(name, retry_seconds=5.0):
    """The process's ``Outage`` of the cache server ``name`` (shared by every thread)."""
    with _outages_lock:
        if name not in _outages:
            _outages[name] = Outage(name, retry_seconds)
        return _outages[name]


_RAISE = object()


class ResilientRedisCache(RedisCache):
    """Django's ``RedisCache``; a call that fails because Redis cannot be reached is a miss."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        retry_seconds = float(options.pop("RETRY_SECONDS", 5))
        options.setdefault("socket_connect_timeout", 1)
        options.setdefault("socket_timeout", 1)
        super().__init__(server, {**params, "OPTIONS": options})
        # Named without a password that the address may hold (logs are not for secrets).
        name = ",".join(re.sub(r"//[^@/]*@", "//", server) for server in self._servers)
        self.outage = outage(name, retry_seconds)

    def _guarded(self, call, fallback, *args, **kwargs):
        if not self.outage.skipping():
            try:
                result = call(*args, **kwargs)
            except CACHE_ERRORS as error:
                self.outage.failed(error)
            else:
                self.outage.answered()
                return result
        if fallback is _RAISE:
            raise CacheUnavailable(f"Cache {self.outage.name} is unavailable.")
        return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().add, False, key, value, timeout, version=version)

    def get(self, key, default=None, version=None):
        return self._guarded(super().get, default, key, default, version=version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().set, None, key, value, timeout, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(super().touch, False, key, timeout, version=version)

    def delete(self, key, version=None):
        return self._guarded(super().delete, False, key, version=version)

    def get_many(self, keys, version=None):
        return self._guarded(super().get_many, {}, keys, version=version)

    def has_key(self, key, version=None):
        return self._guarded(super().has_key, False, key, version=version)

    def incr(self, key, delta=1, version=None):
        return self._guarded(super().incr, _RAISE, key, delta, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        keys = list(data)
        return self._guarded(super().set_many, keys, data, timeout, version=version)

    def delete_many(self, keys, version=None):
        return self._guarded(super().delete_many, None, keys, version=version)

    def clear(self):
        return self._guarded(super().clear, False)
