"""Settings of the load run (``make load``, bench/load.py): the demo district's settings on the
run's own PostgreSQL, with Django's Redis cache (fragments, rate limits, sessions) on the run's
own Redis, and the client address taken from ``X-Forwarded-For`` as behind a trusted proxy, so
that each simulated reader has its own rate-limit bucket. Not for production."""

import os

from district_site.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "load-run-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost"]
# A broken connection (the database restarted) is dropped before a request uses it.
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
CACHES = {
    "default": {
        "BACKEND": os.environ["LOAD_CACHE_BACKEND"],  # set by bench/load.py
        "LOCATION": os.environ["LOAD_REDIS_URL"],
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
# Behind a proxy that sets the header (here: the load clients, one address each).
RATELIMIT_IP_META_KEY = "HTTP_X_FORWARDED_FOR"
# The shipped rates per address, raised only so far that one simulated reader (who reads
# several pages a second, far faster than a person) never reaches them.
WAGTAIL_WARD = {**WAGTAIL_WARD, "POLL_RATE": "600/m", "VISIT_RATE": "600/m"}  # noqa: F405
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "ERROR"},
}
