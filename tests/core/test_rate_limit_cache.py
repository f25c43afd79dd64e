"""Check wagtail_ward.W009 (``check --deploy``): the rate limits count in a cache that every
process shares; and what ResilientRedisCache answers when its server cannot be reached."""

import logging
import socket

import pytest
from django.core.checks import run_checks
from django.test import override_settings
from django.utils import translation

from wagtail_ward import checks
from wagtail_ward.cache import CacheUnavailable, ResilientRedisCache

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


def _w009():
    return [m for m in checks.check_rate_limit_cache(None) if m.id == "wagtail_ward.W009"]


@pytest.mark.parametrize(
    ("backend", "reason"),
    [
        (LOCMEM, "keeps its counts in each process's memory"),
        ("django.core.cache.backends.dummy.DummyCache", "keeps nothing, so nothing is limited"),
        (
            "django.core.cache.backends.filebased.FileBasedCache",
            "is shared by the processes of one host only, and its counts are not atomic",
        ),
    ],
)
def test_a_per_process_cache_for_rate_limits_is_warned_about(backend, reason):
    caches = {"default": {"BACKEND": backend, "LOCATION": "ward-cache"}}
    with override_settings(CACHES=caches), translation.override("en"):
        (warning,) = _w009()
    assert f"“default” ({backend.rsplit('.', 1)[-1]}), which {reason}" in warning.msg
    assert "ResilientRedisCache" in warning.hint


@pytest.mark.parametrize(
    "backend",
    [
        "wagtail_ward.cache.ResilientRedisCache",
        "django.core.cache.backends.redis.RedisCache",
        "django.core.cache.backends.memcached.PyMemcacheCache",
    ],
)
def test_a_shared_cache_passes(backend):
    with override_settings(CACHES={"default": {"BACKEND": backend, "LOCATION": "x"}}):
        assert _w009() == []


def test_the_check_follows_ratelimit_use_cache():
    caches = {
        "default": {"BACKEND": LOCMEM},
        "limits": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "x"},
    }
    with override_settings(CACHES=caches, RATELIMIT_USE_CACHE="limits"):
        assert _w009() == []
    with override_settings(CACHES=caches, RATELIMIT_USE_CACHE="default"):
        assert len(_w009()) == 1


def test_it_is_a_deploy_check_only(db):
    # The test settings count in a local memory cache: only `check --deploy` says so.
    assert "wagtail_ward.W009" not in {m.id for m in run_checks()}
    assert "wagtail_ward.W009" in {m.id for m in run_checks(include_deployment_checks=True)}


def test_an_unreachable_redis_is_a_miss_logged_once_without_its_password(caplog):
    with socket.socket() as sock:  # a port where nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    cache = ResilientRedisCache(
        f"redis://:secret-word@127.0.0.1:{port}/3", {"OPTIONS": {"RETRY_SECONDS": 60}}
    )
    with caplog.at_level(logging.WARNING, logger="wagtail_ward.cache"):
        assert cache.get("a", "missing") == "missing"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.add("a", 1) is False
        assert cache.set("a", 1) is None
        assert cache.delete("a") is False
        assert "a" not in cache
        assert cache.get_or_set("a", 7) == 7
        with pytest.raises(CacheUnavailable):
            cache.incr("a")
    (record,) = caplog.records
    assert f"redis://127.0.0.1:{port}/3 is unavailable" in record.getMessage()
    assert "secret-word" not in record.getMessage()
