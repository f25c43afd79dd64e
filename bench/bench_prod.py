"""What Redis costs a page, and what a Redis outage costs it: ``python -m bench prod``.

Uses the test settings and a throwaway test database (as ``bench news``, whose article it
builds), and a redis-server started on a free loopback port (stopped afterwards). The
article's fragments are kept in one of four caches, chosen per request through
``WAGTAIL_WARD["FRAGMENT_CACHE"]``, interleaved in rounds:

- ``redis_django``: Django's own ``RedisCache``, every reader but the first (warm);
- ``redis_resilient``: ``wagtail_ward.cache.ResilientRedisCache`` on the same server (warm);
- ``redis_down``: ``ResilientRedisCache`` on a port where nothing listens (Redis down: after
  the first refused connection it is not asked again for ``RETRY_SECONDS``);
- ``keeps_nothing``: Django's ``DummyCache``, every fragment rendered afresh (a cold cache).

Targets: the wrapper costs nothing measurable (resilient / Django's ≤ 1.05); an outage costs
no more than a cache that keeps nothing (down / keeps nothing ≤ 1.1: no timeout, no error).
Writes ``bench/results/prod.json``.
"""

import json
import os
import shutil
import statistics
import time
from pathlib import Path

from bench.bench_news import _build
from bench.servers import Redis, free_port

ROUNDS = 40
RESULTS = Path(__file__).parent / "results" / "prod.json"


def _caches(redis_url, dead_url):
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "redis_django": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                         "LOCATION": redis_url},
        "redis_resilient": {"BACKEND": "wagtail_ward.cache.ResilientRedisCache",
                            "LOCATION": redis_url},
        "redis_down": {"BACKEND": "wagtail_ward.cache.ResilientRedisCache",
                       "LOCATION": dead_url},
        "keeps_nothing": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }  # fmt: skip


def _measure(client, url, names):
    from django.conf import settings

    def get(name):
        settings.WAGTAIL_WARD = {"FRAGMENT_CACHE": name}
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)

    times = {name: [] for name in names}
    for name in names:  # warm up: renditions, templates, each cache's connection
        get(name)
        get(name)
    for _round in range(ROUNDS):  # interleaved, so that machine noise hits each alike
        for name in names:
            get(name)  # the reader before: the warm caches hold the article's parts
            start = time.perf_counter()
            get(name)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("bench prod needs redis-server: apt-get install redis-server.")
    server = Redis(binary=binary, prefix="bench-redis-")
    server.start()
    try:
        from django.conf import settings

        settings.CACHES = _caches(server.url, f"redis://127.0.0.1:{free_port()}/0")
        django.setup()
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment, teardown_test_environment

        setup_test_environment()
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            url = _build()["article"]
            names = ["redis_django", "redis_resilient", "redis_down", "keeps_nothing"]
            medians = _measure(Client(), url, names)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()
    finally:
        server.remove()

    result = {
        "rounds": ROUNDS,
        "server": "redis-server on loopback, the application in the same process",
        "median_ms": {name: round(value * 1000, 3) for name, value in medians.items()},
        "ratio_resilient_to_django_redis": round(
            medians["redis_resilient"] / medians["redis_django"], 3
        ),
        "ratio_redis_down_to_keeps_nothing": round(
            medians["redis_down"] / medians["keeps_nothing"], 3
        ),
        "ratio_warm_redis_to_keeps_nothing": round(
            medians["redis_resilient"] / medians["keeps_nothing"], 3
        ),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
