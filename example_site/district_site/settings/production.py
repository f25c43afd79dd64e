"""Production settings: everything secret or host-specific comes from the environment.

DATABASE_URL   postgres://user:password@host:5432/name
SECRET_KEY     a long random string
ALLOWED_HOSTS  comma-separated host names, e.g. "quanngoquyen.gov.vn,lacvien.quanngoquyen.gov.vn"
REDIS_URL      redis://127.0.0.1:6379/1: the cache, the rate limits and the sessions' cache
               (unset: a local memory cache per process; `check --deploy` warns, W009)
CACHE_URL      the older name of REDIS_URL, or memcached://host:port
DATABASE_POOL  min,max (e.g. "2,8"): a psycopg connection pool per process instead of
               persistent connections (pip install "wagtail-ward[postgres]")
S3_BUCKET      media (images, renditions, documents) in this bucket through django-storages;
               S3_ENDPOINT_URL, S3_REGION, S3_CUSTOM_DOMAIN, and the AWS_ACCESS_KEY_ID /
               AWS_SECRET_ACCESS_KEY that boto3 reads (pip install "wagtail-ward[s3]")
See docs/production.md.
"""

import os

import dj_database_url

from .base import *  # noqa: F403


def required(name, what):
    """The environment variable ``name``; without it, stop with one line saying what to set."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise SystemExit(f"Production settings: set the environment variable {name} ({what}).")
    return value


DEBUG = False
SECRET_KEY = required("SECRET_KEY", "a long random string")
ALLOWED_HOSTS = [
    host.strip()
    for host in required("ALLOWED_HOSTS", "comma-separated host names").split(",")
    if host.strip()
]
if not ALLOWED_HOSTS:
    raise SystemExit("Production settings: ALLOWED_HOSTS names no host (comma-separated names).")
DATABASES = {
    "default": dj_database_url.parse(
        required("DATABASE_URL", "e.g. postgres://user:password@host:5432/name"),
        conn_max_age=600,
        conn_health_checks=True,
    )
}


def database_pool(value):
    """``DATABASE_POOL="min,max"``: Django's psycopg pool options, or None when unset."""
    if not value.strip():
        return None
    try:
        min_size, max_size = (int(part) for part in value.split(","))
    except ValueError:
        raise SystemExit(
            'Production settings: DATABASE_POOL must be "min,max", e.g. "2,8".'
        ) from None
    if not 0 <= min_size <= max_size or max_size < 1:
        raise SystemExit("Production settings: DATABASE_POOL needs 0 <= min <= max and max >= 1.")
    # A request waits at most 10 s for a free connection, then fails.
    return {"min_size": min_size, "max_size": max_size, "timeout": 10}


POOL = database_pool(os.environ.get("DATABASE_POOL", ""))
if POOL is not None:
    # The pool keeps the connections: Django returns its connection to the pool after each
    # request. CONN_HEALTH_CHECKS (kept True) makes the pool check a connection before lending
    # it: without it, the first request after a PostgreSQL restart fails on a dead connection.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = POOL


def cache_from_url(url):
    if url.startswith(("redis://", "rediss://", "unix://")):
        # Django's Redis backend, with a Redis outage read as cache misses (docs/production.md).
        return {"BACKEND": "wagtail_ward.cache.ResilientRedisCache", "LOCATION": url}
    if url.startswith("memcached://"):
        return {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": url.removeprefix("memcached://"),
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


CACHE_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL") or "locmem://"
CACHES = {"default": cache_from_url(CACHE_URL)}
# The rate limits count in the default cache (wagtail_ward.ratelimit, check W009).
RATELIMIT_USE_CACHE = "default"
# Sessions are read from a shared cache and written through to the database, which stays the
# truth: a cache outage loses no session. Without a shared cache, the database alone.
if CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache":
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

S3_BUCKET = os.environ.get("S3_BUCKET", "").strip()
if S3_BUCKET:
    STORAGES = {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
                "region_name": os.environ.get("S3_REGION") or None,
                "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
                # Renditions are public (a bucket policy on images/ only) and their addresses
                # stable, so a CDN or the reader's browser keeps them; nothing is overwritten.
                "querystring_auth": False,
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }
    # Documents stream through Django, which checks a private collection on every download;
    # documents/ and original_images/ need not be public.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
