"""Votes per second through the JSON vote endpoint, under gunicorn on PostgreSQL, from concurrent
clients on loopback; in the same run, a bare Django view that inserts one row, as the baseline.

Starts its own throwaway PostgreSQL cluster and gunicorn, stops both at the end, and is bounded
in time. Checks that every accepted vote is in the database (none lost, none doubled). Writes
``bench/results/polls.json``. Run: ``python -m bench polls`` (not part of ``make test``).
"""

import http.client
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.servers import Gunicorn, PostgreSQL

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "polls.json"
VOTES = int(os.environ.get("BENCH_POLL_VOTES", "3000"))
CLIENTS = int(os.environ.get("BENCH_POLL_CLIENTS", "16"))
WORKERS = int(os.environ.get("BENCH_POLL_WORKERS", "4"))
WARM = 200  # votes of each warming phase
PHASE_TIMEOUT = 180  # seconds: a phase that takes longer is reported as a failure
PYTHON = sys.executable


def django_env(cluster):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.polls_settings",
        "DATABASE_URL": cluster.url,
        "PYTHONPATH": str(ROOT),
    }


SETUP = """
import django; django.setup()
from wagtail.models import Locale, Page, Site
from tests.factories import make_ward_site
from wagtail_ward.polls.presets import create_poll_from_preset
Site.objects.all().delete()
make_ward_site("127.0.0.1", port=80, default=True)
vi = Locale.objects.get_or_create(language_code="vi")[0]
poll = create_poll_from_preset(
    "dossier_timeliness", vi, results_visibility="always", public_for_headless=True
)
print(poll.pk)
"""


def run_phase(port, path, votes, label, choices=("truoc-han", "dung-han", "tre-hen-mot-it")):
    """Send ``votes`` POSTs from CLIENTS threads, each on its own keep-alive connection."""
    statuses = {}
    lock = threading.Lock()
    counter = iter(range(votes))

    def client():
        # As long a wait as the phase's: a vote the client gave up on could still be stored,
        # and would then look doubled (on a loaded machine, a worker's first answers are slow).
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=PHASE_TIMEOUT)
        mine = {}
        while True:
            with lock:
                n = next(counter, None)
            if n is None:
                break
            body = json.dumps({"choice": choices[n % len(choices)]})
            token = f"{label}-{n:08d}".ljust(40, "x")
            conn.request(
                "POST",
                path,
                body=body,
                headers={
                    "Content-Type": "application/json",
                    "X-Ward-Voter": token,
                    "Host": "127.0.0.1",
                },
            )
            try:
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError as error:  # counted as an error, never as a vote
                status = type(error).__name__
                conn.close()
            mine[status] = mine.get(status, 0) + 1
        conn.close()
        with lock:
            for status, count in mine.items():
                statuses[status] = statuses.get(status, 0) + count

    threads = [threading.Thread(target=client, daemon=True) for _i in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1, PHASE_TIMEOUT - (time.perf_counter() - started)))
    elapsed = time.perf_counter() - started
    if any(thread.is_alive() for thread in threads):
        raise RuntimeError(f"{label}: not finished within {PHASE_TIMEOUT} s")
    return {
        "votes": votes,
        "seconds": round(elapsed, 3),
        "per_second": round(votes / elapsed, 1),
        "statuses": statuses,
    }


def main():
    # fsync stays on in this bench (its figures were measured so), unlike load and province.
    cluster = PostgreSQL(fast=False, max_connections=100, prefix="ward-bench-pg-")
    gunicorn = None
    try:
        cluster.init()
        env = django_env(cluster)
        subprocess.run(
            [PYTHON, "-m", "django", "migrate", "--noinput", "-v0"],
            env=env,
            cwd=ROOT,
            check=True,
            timeout=600,
        )
        setup = subprocess.run(
            [PYTHON, "-c", SETUP],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        poll_id = int(setup.stdout.strip().splitlines()[-1])
        gunicorn = Gunicorn(
            "django.core.wsgi:get_wsgi_application()",
            workers=WORKERS,
            threads=4,
            env=env,
            cwd=ROOT,
        ).start()
        port = gunicorn.port
        endpoint = f"/api/ward/polls/{poll_id}/vote/"
        bare = "/bench/bare-vote/"
        # Warm every worker (imports, connections), then measure, alternating the order.
        warm = [run_phase(port, endpoint, WARM, "warm-endpoint")]
        warm_bare = [run_phase(port, bare, WARM, "warm-bare")]
        endpoint_runs, bare_runs = [], []
        for round_ in range(2):
            endpoint_runs.append(run_phase(port, endpoint, VOTES, f"endpoint{round_}"))
            bare_runs.append(run_phase(port, bare, VOTES, f"bare{round_}"))
        poll_key = cluster.sql(
            f"SELECT translation_key FROM wagtail_ward_poll WHERE id = {poll_id}"  # noqa: S608
        )[0][0]
        stored = cluster.sql(
            f"SELECT count(*) FROM wagtail_ward_pollvote WHERE poll_key = '{poll_key}'"  # noqa: S608
        )[0][0]
        # The per-answer totals the votes keep must add up to the vote rows.
        totals = cluster.sql(
            "SELECT coalesce(sum(votes), 0) FROM wagtail_ward_polltotal "  # noqa: S608
            f"WHERE poll_key = '{poll_key}'"
        )[0][0]
        stored_bare = cluster.sql(
            "SELECT count(*) FROM wagtail_ward_pollvote "
            "WHERE poll_key = '00000000-0000-4000-8000-00000000ba5e'"
        )[0][0]
        # Every vote the server answered 201, warming included: each must be stored once.
        accepted = sum(run["statuses"].get(201, 0) for run in warm + endpoint_runs)
        accepted_bare = sum(run["statuses"].get(201, 0) for run in warm_bare + bare_runs)
        sent = WARM + 2 * VOTES
        best_endpoint = max(run["per_second"] for run in endpoint_runs)
        best_bare = max(run["per_second"] for run in bare_runs)
        result = {
            "what": "votes per second: JSON vote endpoint vs a bare Django view inserting one row",
            "server": f"gunicorn gthread, {WORKERS} workers x 4 threads, PostgreSQL 15, loopback",
            "clients": CLIENTS,
            "votes_per_run": VOTES,
            "endpoint_runs": endpoint_runs,
            "bare_runs": bare_runs,
            "endpoint_votes_per_second": best_endpoint,
            "bare_inserts_per_second": best_bare,
            "ratio_endpoint_to_bare": round(best_endpoint / best_bare, 3),
            "votes_sent": sent,
            "votes_accepted": accepted,
            "votes_stored": stored,
            "bare_stored": stored_bare,
            "totals": totals,
            "lost": accepted - stored,  # negative if votes were doubled
            "ok": accepted == stored == totals == sent and accepted_bare == stored_bare == sent,
        }
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2) + "\n")
        print(
            f"endpoint {best_endpoint} votes/s, bare insert {best_bare}/s, ratio "
            f"{result['ratio_endpoint_to_bare']}; sent {sent}, accepted {accepted}, "
            f"stored {stored}, totals {totals}, lost {result['lost']} -> "
            f"{RESULTS.relative_to(ROOT)}"
        )
        if not result["ok"]:
            raise SystemExit("Votes were lost or refused: see the results file.")
    finally:
        if gunicorn is not None:
            gunicorn.stop()
        cluster.remove()


if __name__ == "__main__":
    main()
