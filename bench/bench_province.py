"""A province-sized install against a one-ward install, on PostgreSQL: ``python -m bench province``.

Starts its own throwaway PostgreSQL cluster (``.ci/run``'s recipe: initdb in a temporary folder,
``fsync=off``, loopback, port ``BENCH_PROVINCE_PG_PORT``), migrates one database and builds ward
1 in it (``bench/province_build.py``: 400 published articles under a news index, search and item
indexes filled), copies it as a second database (``CREATE DATABASE … TEMPLATE``) and adds wards
2 to 50 there: 50 ward sites, 20,150 pages. Ward 1 is then the same in both databases, ids
included, and every request below goes to ward 1 of each.

Two application processes (``bench/province_worker.py``), one on each database, each with its
own cache, serve the same requests in rounds, interleaved (one then the other, the order
swapped every round), timed in process around the request: an article, the news index, "Tin
mới" (``/api/ward/latest/``), the site search, ``/sitemap.xml``, an API listing, and, as the
ward's editor, the admin's page explorer (the news index's children) and the admin's page
search. Each public page is timed for a warm reader (its kept parts in the cache: the same
request just before, untimed) and for the first reader after a change (the cache emptied
first); the admin pages keep nothing. Figures: medians and the ratio province/one of each,
the queries of each request (the same at every round, or the list of counts), the
application processes' resident memory, and then a gunicorn on the province database (2
workers) serves ``LOAD_REQUESTS`` requests of each public kind spread over the 50 wards: the
resident memory of each worker after that load.

Writes ``bench/results/province.json``. Bounded in time: each stage has a timeout.
"""

import http.client
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote_plus

from bench.province_worker import resident_mb
from bench.servers import Gunicorn, PostgreSQL

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "province.json"
PG_PORT = int(os.environ.get("BENCH_PROVINCE_PG_PORT", "8161"))
APP_PORT = int(os.environ.get("BENCH_PROVINCE_APP_PORT", "8162"))
WARDS = int(os.environ.get("BENCH_PROVINCE_WARDS", "50"))
ROUNDS = int(os.environ.get("BENCH_PROVINCE_ROUNDS", "41"))
LOAD_REQUESTS = int(os.environ.get("BENCH_PROVINCE_LOAD", "50"))
TARGET_RATIO = 1.2
TARGET_RSS_MB = 300
BUILD_TIMEOUT = 1800
SEARCH = "chuyển đổi số"


def _requests(index_id):
    return {
        "article": "/tin-tuc/tin-200/",
        "news_index": "/tin-tuc/",
        "latest": "/api/ward/latest/",
        "search": f"/search/?q={quote_plus(SEARCH)}",
        "sitemap": "/sitemap.xml",
        "api_listing": "/api/v2/news/?limit=20",
    }, {
        "admin_explorer": f"/admin/pages/{index_id}/",
        "admin_search": f"/admin/pages/search/?q={quote_plus(SEARCH)}",
    }


def _env(cluster, db):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.province_settings",
        "DATABASE_URL": cluster.database_url(db),
        "PYTHONPATH": str(ROOT),
    }


def _build(cluster, db, first, last):
    done = subprocess.run(
        [sys.executable, "-m", "bench.province_build", str(first), str(last)],
        env=_env(cluster, db),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    if done.returncode:
        raise SystemExit(f"building wards {first}-{last} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"   wards {first}-{last}: {json.dumps(result)}", flush=True)
    return result


class Worker:
    """An application process on one database, asked one request at a time."""

    def __init__(self, cluster, db):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.province_worker"],
            env=_env(cluster, db),
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, **request):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        answer = json.loads(self.process.stdout.readline())
        if answer.get("status", 200) >= 400:
            raise SystemExit(f"{request} answered {answer}")
        return answer

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


def _rounds(workers, public, admin, host):
    """Interleaved rounds; returns {install: {kind: [seconds]}} and the queries of each."""
    kinds = [(f"{name}_warm", url, False, None) for name, url in public.items()]
    kinds += [(f"{name}_first", url, False, "publish") for name, url in public.items()]
    kinds += [("article_after_flush", public["article"], False, "flush")]
    kinds += [(name, url, True, None) for name, url in admin.items()]
    for worker in workers.values():  # warm up: templates, content types, connections
        for _, url, is_admin, _ in kinds:
            worker.ask(url=url, host=host, admin=is_admin)
    times = {install: {kind[0]: [] for kind in kinds} for install in workers}
    queries = {install: {kind[0]: [] for kind in kinds} for install in workers}
    order = list(workers)
    for round_ in range(ROUNDS):
        for name, url, is_admin, before in kinds:
            for install in order if round_ % 2 == 0 else order[::-1]:
                worker = workers[install]
                if name.endswith("_warm"):  # the reader just before: its parts are kept
                    worker.ask(url=url, host=host)
                answer = worker.ask(url=url, host=host, admin=is_admin, before=before)
                times[install][name].append(answer["seconds"])
                queries[install][name].append(answer["queries"])
    return times, queries


def _load_rss(cluster, db, public):
    """A gunicorn (2 workers) on ``db`` serves LOAD_REQUESTS of each kind over the wards; the
    resident memory of each worker afterwards."""
    server = Gunicorn(
        "bench.province_wsgi:application",
        APP_PORT,
        workers=2,
        env=_env(cluster, db),
        cwd=ROOT,
        log_level=None,
        # Its own control socket: the default one in the home folder is every gunicorn's.
        options=["--control-socket", str(cluster.dir / "gunicorn.ctl")],
        start_timeout=120,
    )
    try:
        server.start()
        conn = http.client.HTTPConnection("127.0.0.1", APP_PORT, timeout=60)
        conn.request("GET", "/robots.txt", headers={"Host": "phuong-01.localhost"})
        conn.getresponse().read()
        statuses = {}
        for n in range(LOAD_REQUESTS):
            host = f"phuong-{n % WARDS + 1:02d}.localhost"
            for url in public.values():
                conn.request("GET", url, headers={"Host": host})
                response = conn.getresponse()
                response.read()
                statuses[response.status] = statuses.get(response.status, 0) + 1
                if response.will_close:
                    conn = http.client.HTTPConnection("127.0.0.1", APP_PORT, timeout=60)
        return {"statuses": statuses, "workers": [resident_mb(pid) for pid in server.worker_pids()]}
    finally:
        server.stop(timeout=60)


def _summary(times, queries):
    medians = {
        install: {kind: statistics.median(values) for kind, values in kinds.items()}
        for install, kinds in times.items()
    }
    one, big = medians["one_ward"], medians["province"]
    ratios = {kind: round(big[kind] / one[kind], 3) for kind in one}
    counts = {  # the count of every round: one number when it never changed
        install: {
            kind: values[0] if len(set(values)) == 1 else sorted(set(values))
            for kind, values in kinds.items()
        }
        for install, kinds in queries.items()
    }
    return medians, ratios, counts


def main():
    cluster = PostgreSQL(PG_PORT, database=None, max_connections=50, prefix="ward-province-pg-")
    started = time.monotonic()
    cluster.init()
    workers = {}
    try:
        cluster.sql("CREATE DATABASE ward_one OWNER ward")
        one = _build(cluster, "ward_one", 1, 1)
        cluster.sql("CREATE DATABASE ward_province OWNER ward TEMPLATE ward_one")
        many = _build(cluster, "ward_province", 2, WARDS)
        built_s = round(time.monotonic() - started, 1)
        public, admin = _requests(one["first_index_id"])
        workers = {
            "one_ward": Worker(cluster, "ward_one"),
            "province": Worker(cluster, "ward_province"),
        }
        times, queries = _rounds(workers, public, admin, "phuong-01.localhost")
        rss = {install: worker.ask(rss=True) for install, worker in workers.items()}
        for worker in workers.values():
            worker.stop()
        workers = {}
        load = _load_rss(cluster, "ward_province", public)
        sizes = {db: cluster.size(db) // 2**20 for db in ("ward_one", "ward_province")}
    finally:
        for worker in workers.values():
            worker.process.kill()
        cluster.remove()
    medians, ratios, counts = _summary(times, queries)
    # Held to the target: every public request, warm and first after a publish. The reader
    # after a flush of the whole cache is rare (a restarted cache server) and shown apart.
    public_kinds = [k for k in ratios if k.endswith(("_warm", "_first"))]
    worst = max(public_kinds, key=ratios.get)
    equal = {k: counts["one_ward"][k] == counts["province"][k] for k in ratios}
    peak_rss = max(w["VmRSS"] for w in [*rss.values(), *load["workers"]])
    result = {
        "database": "PostgreSQL 15 (throwaway cluster, fsync=off)",
        "rounds": ROUNDS,
        "wards": WARDS,
        "pages": many["pages_in_install"],
        "tree_problems": many["tree_problems"],
        "build_s": built_s,
        "build": {"one_ward": one, "province": many},
        "database_mb": sizes,
        "median_ms": {
            install: {kind: round(value * 1000, 2) for kind, value in kinds.items()}
            for install, kinds in medians.items()
        },
        "ratio_province_to_one_ward": ratios,
        "worst_public_kind": worst,
        "worst_public_ratio": ratios[worst],
        "queries": counts,
        "queries_equal": all(equal[kind] for kind in public_kinds),
        "queries_differ_for": sorted(kind for kind, same in equal.items() if not same),
        "ratio_admin_explorer": ratios["admin_explorer"],
        "ratio_admin_search": ratios["admin_search"],
        "admin_ms_province": {kind: round(medians["province"][kind] * 1000, 1) for kind in admin},
        "rss_mb_in_process": rss,
        "rss_mb_gunicorn_after_load": load,
        "peak_rss_mb": peak_rss,
        "target_ratio": TARGET_RATIO,
        "target_rss_mb": TARGET_RSS_MB,
    }
    result["ratios_within_target"] = all(ratios[kind] <= TARGET_RATIO for kind in public_kinds)
    result["rss_within_target"] = peak_rss < TARGET_RSS_MB
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
