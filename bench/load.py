"""``make load``: 100 concurrent readers against the demo on PostgreSQL, Redis and gunicorn with
several workers, with three faults during the run; writes ``bench/load.md`` and
``bench/results/load.json``.

Everything runs on loopback, on ports of its own (``LOAD_PG_PORT``, ``LOAD_REDIS_PORT``,
``LOAD_PORT``), with its data in temporary folders removed at the end, and bounded in time.
The readers (bench/load_client.py) mix page views, API calls, searches, votes and visits for
``LOAD_SECONDS`` seconds. Meanwhile: PostgreSQL is stopped and started again (votes, visits and
pages must answer 503 with ``Retry-After`` while it is down), Redis is stopped and started again,
and one gunicorn worker is killed with SIGKILL (its master starts another). At the end the votes
and visits the readers got a 2xx for are compared with the database's counts.
"""

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.load_client import run_readers
from bench.load_report import machine, summarise, write_report
from bench.servers import Gunicorn, PostgreSQL, Redis, port_is_free

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "load.json"
SECONDS = float(os.environ.get("LOAD_SECONDS", "150"))
CLIENTS = int(os.environ.get("LOAD_CLIENTS", "100"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "4"))
THREADS = int(os.environ.get("LOAD_THREADS", "4"))
THINK = float(os.environ.get("LOAD_THINK", "0.1"))  # mean pause of a reader between requests
DOWN = float(os.environ.get("LOAD_FAULT_DOWN", "5"))  # seconds PostgreSQL and Redis stay down
# The production settings' cache (docs/production.md); Django's own
# django.core.cache.backends.redis.RedisCache shows how a plain backend takes the Redis fault.
CACHE_BACKEND = os.environ.get("LOAD_CACHE_BACKEND", "wagtail_ward.cache.ResilientRedisCache")
PORTS = {
    "PostgreSQL": int(os.environ.get("LOAD_PG_PORT", "8151")),
    "Redis": int(os.environ.get("LOAD_REDIS_PORT", "8152")),
    "gunicorn": int(os.environ.get("LOAD_PORT", "8153")),
}
SETUP_TIMEOUT = 900  # seconds for each of migrate and load_ward_demo
COUNTS = {
    "votes": "SELECT count(*) FROM wagtail_ward_pollvote",
    "vote_totals": "SELECT coalesce(sum(votes), 0) FROM wagtail_ward_polltotal",
    "visits": "SELECT coalesce(sum(count), 0) FROM wagtail_ward_dailyvisitcount",
}


def counts(pg):
    return {name: int(pg.sql(query)[0][0]) for name, query in COUNTS.items()}


def manage(env, *args, timeout=SETUP_TIMEOUT, capture=False):
    return subprocess.run(
        [sys.executable, *args],
        env=env,
        cwd=ROOT / "example_site",
        check=True,
        timeout=timeout,
        capture_output=capture,
        text=True,
    )


def check_every_target(base_url, targets):
    """Before the run, a few URLs of each kind (per site) must answer 200; this also warms the
    workers and the cache a little."""
    import httpx

    failed = []
    with httpx.Client(base_url=base_url, timeout=60) as client:
        for kind in ("home", "article", "index", "schedule", "procedure", "api"):
            seen = {}
            for host, path in targets[kind]:
                seen[host] = seen.get(host, 0) + 1
                if seen[host] > 2:
                    continue
                status = client.get(path, headers={"Host": host}).status_code
                if status != 200:
                    failed.append(f"{status} {host}{path}")
    if failed:
        raise SystemExit("Before the run, not every URL answered 200:\n" + "\n".join(failed))


def fault_plan(pg, redis, gunicorn, events):
    """The faults, at a quarter, a half and three quarters of the run."""

    async def at(started, fraction):
        await asyncio.sleep(max(0.0, started + fraction * SECONDS - time.monotonic()))

    def since(started):
        return round(time.monotonic() - started, 2)

    async def faults(started):
        await at(started, 0.25)
        event = {
            "fault": "PostgreSQL stopped (fast shutdown), started again",
            "start": since(started),
        }
        await asyncio.to_thread(pg.stop)
        await asyncio.sleep(DOWN)
        await asyncio.to_thread(pg.start)
        events.append({**event, "end": since(started)})

        await at(started, 0.5)
        event = {"fault": "Redis stopped (SIGTERM), started again", "start": since(started)}
        await asyncio.to_thread(redis.stop)
        await asyncio.sleep(DOWN)
        await asyncio.to_thread(redis.start)
        events.append({**event, "end": since(started)})

        await at(started, 0.75)
        before = set(gunicorn.worker_pids())
        event = {"fault": "one gunicorn worker killed (SIGKILL)", "start": since(started)}
        killed = gunicorn.kill_one_worker()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            pids = set(gunicorn.worker_pids())
            if len(pids) == WORKERS and pids - before:
                break
            await asyncio.sleep(0.1)
        events.append(
            {**event, "end": since(started), "killed_pid": killed, "replaced": bool(pids - before)}
        )

    return faults


def main():
    busy = [f"{name} port {port}" for name, port in PORTS.items() if not port_is_free(port)]
    if busy:
        raise SystemExit(f"In use already: {', '.join(busy)} (set LOAD_*_PORT)")
    pg = PostgreSQL(PORTS["PostgreSQL"], prefix="ward-load-pg-")
    redis = Redis(
        PORTS["Redis"], log=True, start_timeout=20, stop_timeout=20, prefix="ward-load-redis-"
    )
    gunicorn = None
    setup = {}
    try:
        clock = time.monotonic()
        pg.init()
        redis.start()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.load_settings",
            "DATABASE_URL": pg.url,
            "LOAD_REDIS_URL": redis.url,
            "LOAD_CACHE_BACKEND": CACHE_BACKEND,
            "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'example_site'}",
        }
        manage(env, "manage.py", "migrate", "--noinput", "-v0")
        setup["migrate_seconds"] = round(time.monotonic() - clock, 1)
        manage(env, "manage.py", "load_ward_demo", capture=True)
        setup["demo_seconds"] = round(time.monotonic() - clock - setup["migrate_seconds"], 1)
        targets = json.loads(manage(env, "-m", "bench.load_targets", capture=True).stdout)
        log = redis.dir / "gunicorn.log"
        gunicorn = Gunicorn(
            "district_site.wsgi:application",
            PORTS["gunicorn"],
            workers=WORKERS,
            threads=THREADS,
            env=env,
            cwd=ROOT / "example_site",
            log=log,
            options=["--timeout", "120", "--graceful-timeout", "10"],
        )
        gunicorn.start()
        base_url = f"http://127.0.0.1:{PORTS['gunicorn']}"
        check_every_target(base_url, targets)
        before = counts(pg)
        print(f"setup {setup}; {CLIENTS} readers for {SECONDS:.0f} s ...", flush=True)
        events = []
        load_before = os.getloadavg()
        answers = asyncio.run(
            run_readers(
                targets, base_url, CLIENTS, SECONDS, THINK, fault_plan(pg, redis, gunicorn, events)
            )
        )
        time.sleep(1)  # the last answers' transactions are committed before they are sent
        after = counts(pg)
        config = {
            "seconds": SECONDS,
            "clients": CLIENTS,
            "workers": WORKERS,
            "threads": THREADS,
            "think": THINK,
            "down": DOWN,
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "worker_rss_mb": gunicorn.rss_mb(),
            "setup": setup,
            "versions": {"PostgreSQL": pg.version(), "Redis": redis.version()},
            "cache_backend": CACHE_BACKEND,
            "pages_per_kind": {k: len(v) for k, v in targets.items() if k != "hosts"},
            "hosts": targets["hosts"],
        }
        result = summarise(answers, events, before, after, config, machine())
        result["server_log"] = ", ".join(f"{n}× {line}" for line, n in gunicorn.logged().items())
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        report = write_report(result)
        print(result["verdict"])
        print(f"-> {report.relative_to(ROOT)}, {RESULTS.relative_to(ROOT)}")
        if not result["ok"]:
            raise SystemExit(1)
    finally:
        if gunicorn is not None:
            gunicorn.stop()
        redis.remove()
        pg.remove()


if __name__ == "__main__":
    main()
