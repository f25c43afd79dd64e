"""Production settings: everything secret or host-specific comes from the environment.

DATABASE_URL   postgres://user:password@host:5432/name
SECRET_KEY     a long random string
ALLOWED_HOSTS  comma-separated host names, e.g. "quanngoquyen.gov.vn,lacvien.quanngoquyen.gov.vn"
CACHE_URL      redis://127.0.0.1:6379/1 (default: a local memory cache)
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


def cache_from_url(url):
    if url.startswith(("redis://", "rediss://")):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if url.startswith("memcached://"):
        return {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": url.removeprefix("memcached://"),
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}


CACHES = {"default": cache_from_url(os.environ.get("CACHE_URL", "locmem://"))}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")
