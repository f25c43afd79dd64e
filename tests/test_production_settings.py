"""The example site's production settings say which environment variable is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"
COMPLETE = {
    "SECRET_KEY": "a-long-random-string-for-this-test-only",
    "ALLOWED_HOSTS": "quan.example.gov.vn, phuong.example.gov.vn",
    "DATABASE_URL": "postgres://ward:ward@127.0.0.1:5432/ward",
}


def _load(environment):
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
    env.update(environment, PYTHONPATH=str(EXAMPLE_SITE))
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from district_site.settings import production as s; "
            "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'])",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_complete_environment_loads():
    result = _load(COMPLETE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "False ['quan.example.gov.vn', 'phuong.example.gov.vn'] django.db.backends.postgresql"
    )


@pytest.mark.parametrize("missing", sorted(COMPLETE))
def test_a_missing_variable_stops_with_one_line_naming_it(missing):
    result = _load({k: v for k, v in COMPLETE.items() if k != missing})
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Production settings: set the environment variable {missing} (")


def test_hosts_that_name_nothing_are_refused():
    result = _load({**COMPLETE, "ALLOWED_HOSTS": " , "})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Production settings: ALLOWED_HOSTS names no host (comma-separated names)."
    )


def _settings(environment, expression):
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
    env.update(COMPLETE, **environment, PYTHONPATH=str(EXAMPLE_SITE))
    code = f"from district_site.settings import production as s; print(repr({expression}))"
    result = subprocess.run(  # noqa: S603 (our own code)
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout)  # noqa: S307 (our own repr)


def test_redis_url_puts_cache_rate_limits_and_sessions_on_redis():
    found = _settings(
        {"REDIS_URL": "redis://127.0.0.1:6379/1"},
        "(s.CACHES['default'], s.RATELIMIT_USE_CACHE, s.SESSION_ENGINE)",
    )
    assert found == (
        {
            "BACKEND": "wagtail_ward.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/1",
        },
        "default",
        "django.contrib.sessions.backends.cached_db",
    )


def test_without_redis_the_cache_is_per_process_and_sessions_in_the_database():
    found = _settings({}, "(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE)")
    assert found == (
        "django.core.cache.backends.locmem.LocMemCache",
        "django.contrib.sessions.backends.db",
    )


def test_database_pool_replaces_persistent_connections():
    found = _settings({"DATABASE_POOL": "2,8"}, "s.DATABASES['default']")
    assert found["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 8, "timeout": 10}
    # Health checks stay on: Django then gives the pool its connection check.
    assert (found["CONN_MAX_AGE"], found["CONN_HEALTH_CHECKS"]) == (0, True)
    persistent = _settings({}, "s.DATABASES['default']")
    assert "pool" not in persistent.get("OPTIONS", {})
    assert (persistent["CONN_MAX_AGE"], persistent["CONN_HEALTH_CHECKS"]) == (600, True)


@pytest.mark.parametrize("value", ["8", "a,b", "8,2"])
def test_a_bad_database_pool_stops_with_one_line(value):
    result = _load({**COMPLETE, "DATABASE_POOL": value})
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Production settings: DATABASE_POOL ")


def test_s3_bucket_puts_media_on_s3_and_serves_documents_through_django():
    found = _settings(
        {"S3_BUCKET": "ward-media", "S3_ENDPOINT_URL": "https://s3.example.vn"},
        "(s.STORAGES['default'], s.WAGTAILDOCS_SERVE_METHOD)",
    )
    storage, serve = found
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "ward-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.vn"
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert serve == "serve_view"
