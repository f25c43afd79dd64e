"""A cached article through nginx against a static file of the same size from the same nginx;
then a publish, purged through Wagtail's frontend cache, seen by the very next request.

Builds the demo (``migrate``, ``load_ward_demo``) on SQLite in a temporary folder, serves it
with gunicorn, puts nginx in front with the shipped configuration (deploy/nginx/ward.conf, see
bench/proxy_server.py), all on loopback, and stops both at the end. The load comes from one
client, ``wrk`` (Debian's package) when installed, else a keep-alive Python client, alternating
the static file and the page in rounds; the figure is the median of the page's requests/s over
the static file's. Then it publishes a new title for the article from a separate process with
``WAGTAILFRONTENDCACHE`` pointing at nginx's purge address, and checks that the next request
for the article, its news index and the home page, through nginx, is a MISS that shows it.
Writes ``bench/results/proxy.json``. Run: ``python -m bench proxy`` (not part of ``make test``).

``BENCH_PROXY_DEMO_DB=/path/to/demo.sqlite3`` starts from a copy of a demo database already
built by ``load_ward_demo`` (the load takes minutes); the copy is what the bench changes.
nginx listens on ``BENCH_PROXY_PORT`` (8141), its purge address on the next port, gunicorn on
the one after.
"""

import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.proxy_server import Nginx
from bench.servers import Gunicorn

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results" / "proxy.json"
PYTHON = sys.executable
ROUNDS = int(os.environ.get("BENCH_PROXY_ROUNDS", "5"))
SECONDS = int(os.environ.get("BENCH_PROXY_SECONDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_PROXY_CONNECTIONS", "8"))
WORKERS = 2
# nginx's pages, its purge address and gunicorn: three ports from BENCH_PROXY_PORT on.
PORT = int(os.environ.get("BENCH_PROXY_PORT", "8141"))
HOST = "127.0.0.1"  # the demo's district site

FIND_ARTICLE = """
import django; django.setup()
from wagtail.models import Site
from wagtail_ward.news.models import NewsPage
site = Site.objects.get(is_default_site=True)
article = NewsPage.objects.live().descendant_of(site.root_page).filter(locale__language_code="vi")
article = article.order_by("-date", "-pk").first()
paths = [page.get_url_parts()[2] for page in (article, article.get_parent())]
print(article.pk, *paths, sep="\\n")
"""

PUBLISH = """
import logging, sys
import django; django.setup()
from django.db import transaction
from wagtail_ward.news.models import NewsPage

class Count(logging.Handler):
    purged, failed = 0, 0
    def emit(self, record):
        message = record.getMessage()
        if "Purging URL" in message:
            Count.purged += 1
        if "Couldn't purge" in message:
            Count.failed += 1

logger = logging.getLogger("wagtail.frontendcache")
logger.setLevel(logging.INFO)
logger.addHandler(Count())
page = NewsPage.objects.get(pk=int(sys.argv[1]))
page.title = sys.argv[2]
with transaction.atomic():
    page.save_revision().publish()
print(Count.purged, Count.failed)
"""


def django_env(folder, nginx):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.proxy_settings",
        "DATABASE_URL": f"sqlite:///{folder}/demo.sqlite3",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
        "WARD_PURGE_LOCATION": nginx.purge_location,
    }


def run_python(env, script, *args, timeout=120):
    done = subprocess.run(
        [PYTHON, "-c", script, *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return done.stdout.strip().splitlines()


def build_demo(folder, env):
    prebuilt = os.environ.get("BENCH_PROXY_DEMO_DB")
    if prebuilt:
        shutil.copyfile(prebuilt, folder / "demo.sqlite3")
        return f"a copy of a demo database built by load_ward_demo ({Path(prebuilt).name})"
    manage = [PYTHON, str(ROOT / "example_site" / "manage.py")]
    for command in (["migrate", "--noinput", "-v0"], ["load_ward_demo"]):
        subprocess.run(
            [*manage, *command], env=env, cwd=ROOT, check=True, capture_output=True, timeout=1800
        )
    return "built by migrate and load_ward_demo in this run"


def fetch(nginx, path):
    """One GET through nginx, as a reader: (status, X-Cache-Status, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.getheader("X-Cache-Status"), response.read()
    finally:
        connection.close()


def load_wrk(url):
    done = subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{CONNECTIONS}",
            f"-d{SECONDS}s",
            "-H",
            f"Host: {HOST}",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=SECONDS + 60,
        check=True,
    )
    if "Non-2xx" in done.stdout or "Socket errors" in done.stdout:
        raise RuntimeError(f"wrk saw errors for {url}:\n{done.stdout}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))


def load_python(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    count, deadline = 0, time.perf_counter() + SECONDS
    started = time.perf_counter()
    while time.perf_counter() < deadline:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status}")
        count += 1
    connection.close()
    return count / (time.perf_counter() - started)


def measure(nginx, page_path, static_path):
    client = "wrk" if shutil.which("wrk") else "python"

    def rate(path):
        if client == "wrk":
            return load_wrk(nginx.url + path)
        return load_python(nginx.port, path)

    rate(static_path), rate(page_path)  # warm both: connections, the cache file in memory
    pages, statics = [], []
    for round_ in range(ROUNDS):
        order = [(statics, static_path), (pages, page_path)]
        for runs, path in order if round_ % 2 == 0 else order[::-1]:
            runs.append(round(rate(path), 1))
    return client, pages, statics


def main():
    folder = Path(tempfile.mkdtemp(prefix="ward-bench-proxy-"))
    gunicorn = nginx = None
    try:
        app_port = PORT + 2
        nginx = Nginx(f"127.0.0.1:{app_port}", port=PORT, purge_port=PORT + 1)
        env = django_env(folder, nginx)
        database = build_demo(folder, env)
        article_id, article_path, index_path = run_python(env, FIND_ARTICLE)
        gunicorn = Gunicorn(
            "district_site.wsgi:application",
            app_port,
            workers=WORKERS,
            env=env,
            cwd=ROOT / "example_site",
        ).start()
        nginx.start()

        # The article through nginx: the first reader fills the cache, the next is a HIT.
        first = fetch(nginx, article_path)
        second = fetch(nginx, article_path)
        for path in (index_path, "/"):
            fetch(nginx, path)
        if first[0] != 200 or second[1] != "HIT":
            raise SystemExit(f"The article is not cached: {first[:2]}, then {second[:2]}")
        static_path = "/static/same-size.html"
        (nginx.static / "same-size.html").write_bytes(second[2])

        client, pages, statics = measure(nginx, article_path, static_path)
        still_cached = fetch(nginx, article_path)[1] == "HIT"
        page_rate, static_rate = statistics.median(pages), statistics.median(statics)

        # A publish, purged; the next request through nginx shows it.
        title = f"Tiêu đề mới {time.time_ns()}"
        started = time.perf_counter()
        purged, failed = (int(n) for n in run_python(env, PUBLISH, article_id, title)[-1].split())
        publish_seconds = time.perf_counter() - started
        after = {path: fetch(nginx, path) for path in (article_path, index_path, "/")}
        seen = {
            path: {"status": status, "cache": cache, "shows_new_title": title in body.decode()}
            for path, (status, cache, body) in after.items()
        }
        again = fetch(nginx, article_path)
        result = {
            "what": "a cached article through nginx vs a static file of the same size from the "
            "same nginx; a publish seen by the next request",
            "server": f"nginx {nginx.version()} (deploy/nginx/ward.conf, 1 worker) in front of "
            f"gunicorn ({WORKERS} sync workers), SQLite, loopback",
            "database": database,
            "client": f"{client}, {CONNECTIONS} keep-alive connections, 1 thread"
            if client == "wrk"
            else f"{client}, one keep-alive connection",
            "rounds": ROUNDS,
            "seconds_per_run": SECONDS,
            "article": article_path,
            "bytes": len(second[2]),
            "page_requests_per_second": pages,
            "static_requests_per_second": statics,
            "page_median": page_rate,
            "static_median": static_rate,
            "ratio_cached_page_to_static": round(page_rate / static_rate, 3),
            "page_still_cached_after_load": still_cached,
            "publish": {
                "urls_purged": purged,
                "purges_failed": failed,
                "seconds_to_publish_and_purge": round(publish_seconds, 2),
                "next_requests": seen,
            },
            "next_request_shows_publish": all(
                view["shows_new_title"] and view["cache"] == "MISS" for view in seen.values()
            ),
            "cached_again_after": again[1] == "HIT" and title in again[2].decode(),
            "nginx_errors": nginx.errors().strip().splitlines()[-5:],
        }
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        print(
            f"cached article {page_rate} req/s, static file {static_rate} req/s, ratio "
            f"{result['ratio_cached_page_to_static']} (target >= 0.5); publish purged {purged} "
            f"URLs ({failed} failed), next request shows it: "
            f"{result['next_request_shows_publish']} -> {RESULTS.relative_to(ROOT)}"
        )
    finally:
        if gunicorn is not None:
            gunicorn.stop()
        if nginx is not None:
            nginx.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
