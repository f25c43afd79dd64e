"""Install the built wheel into a new Wagtail project, as docs/installation.md says, and use it.

Run by ``make test-install`` (and so by ``.ci/run``), once per supported Wagtail series::

    python tests/install/check_install.py --wheel dist/wagtail_ward-*.whl \
        --wagtail "wagtail>=8.0,<8.1"

What it does, outside the checkout, in a temporary folder:

1. a new virtualenv with the wheel and the Wagtail series asked for (nothing editable);
2. ``wagtail start districtsite``, then the settings, URLs and base template exactly as the
   installation guide gives them: the guide includes them from ``docs/snippets/``, and this
   script applies the same files, so the two cannot drift;
3. ``migrate`` and ``check --database default`` (which must report nothing);
4. ``populate.py`` (beside this file) creates one page of every family, publishes it in
   Vietnamese, translates it into English with wagtail-localize and publishes that;
5. ``runserver`` on a free port, and every HTML page, print view, feed, iCal file and API
   endpoint of each family fetched in both languages: each must answer 200 with the right
   content type and, for HTML, the page's own title;
6. the same server with its SQLite file out of reach (a folder in its place): the home page and
   an API endpoint must answer 503 with ``Retry-After`` (``DatabaseUnavailableMiddleware`` from
   the guide's settings), never Django's 500.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SNIPPETS = ROOT / "docs" / "snippets"
HERE = Path(__file__).resolve().parent


def run(*args, cwd=None, env=None, quiet=False):
    print("$", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, text=True, capture_output=True, check=False
    )
    if result.returncode != 0 or not quiet:
        sys.stdout.write(result.stdout[-4000:])
        sys.stderr.write(result.stderr[-4000:])
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(str(a) for a in args)}")
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    request = urllib.request.Request(url, headers={"User-Agent": "wagtail-ward install check"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def make_project(workdir, python):
    run(workdir / "venv" / "bin" / "wagtail", "start", "districtsite", cwd=workdir)
    project = workdir / "districtsite"
    base = project / "districtsite" / "settings" / "base.py"
    base.write_text(base.read_text() + "\n\n" + (SNIPPETS / "settings.py").read_text())
    shutil.copy(SNIPPETS / "urls.py", project / "districtsite" / "urls.py")
    shutil.copy(SNIPPETS / "base.html", project / "districtsite" / "templates" / "base.html")
    return project


def check_urls(base_url, urls):
    failures = []
    for item in urls:
        status, content_type, body = fetch(base_url + item["url"])
        expected = item["type"]
        ok = status == 200 and content_type.startswith(expected)
        text = body.decode("utf-8", "replace")
        if ok and item.get("contains"):
            ok = item["contains"] in text
        if ok and expected == "text/html":
            ok = bool(re.search(r'<html[^>]* lang="' + item["lang"], text))
        print(f"{'ok  ' if ok else 'FAIL'} {status} {item['lang']} {item['url']}  ({content_type})")
        if not ok:
            failures.append((item, status, content_type, text[:600]))
    return failures


def start_server(manage, project, env, log):
    """``runserver`` on a free port; returns the process and its address once it answers."""
    port = free_port()
    server = subprocess.Popen(
        [*map(str, manage), "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(log, "a"),  # noqa: SIM115
    )
    base_url = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            fetch(base_url + "/admin/login/")  # any HTTP answer, even a 503, means it is up
            break
        except OSError:
            time.sleep(0.2)
    return server, base_url


def stop_server(server):
    server.terminate()
    server.wait(timeout=10)


def check_database_down(base_url, project, workdir, urls):
    """The guide's settings answer 503 with ``Retry-After`` while the database is out of reach.

    The running server's SQLite file is put aside and a folder takes its place (SQLite then
    cannot open it: each request opens its own connection), and put back afterwards."""
    database = project / "db.sqlite3"
    kept = database.rename(project / "db.sqlite3.kept")
    database.mkdir()
    api_url = next(item["url"] for item in urls if item["url"].startswith("/api/"))
    failures = []
    try:
        for url, expected in (("/", "text/html"), (api_url, "application/json")):
            request = urllib.request.Request(base_url + url, headers={"User-Agent": "check"})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                    status, headers = response.status, response.headers
            except urllib.error.HTTPError as error:
                status, headers = error.code, error.headers
            ok = (
                status == 503
                and headers.get("Retry-After", "").isdigit()
                and headers.get("Content-Type", "").startswith(expected)
            )
            print(
                f"{'ok  ' if ok else 'FAIL'} {status} database down {url} "
                f"(Retry-After: {headers.get('Retry-After')}, {headers.get('Content-Type')})"
            )
            if not ok:
                failures.append(url)
    finally:
        database.rmdir()
        kept.rename(database)
    if failures:
        print((workdir / "server.log").read_text()[-5000:])
        raise SystemExit(f"not 503 with Retry-After while the database was down: {failures}")
    print("== database down: 503 with Retry-After on the page and the API")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", required=True, type=Path)
    parser.add_argument("--wagtail", default="wagtail>=8.0,<8.1", help="pip requirement")
    parser.add_argument("--django", default="Django>=5.2,<5.3", help="pip requirement")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()

    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="ward-install-"))
    print(f"== install check of {args.wheel.name} with {args.wagtail}, {args.django}")
    server = None
    try:
        run(args.python, "-m", "venv", workdir / "venv")
        python = workdir / "venv" / "bin" / "python"
        run(python, "-m", "pip", "install", "-q", "--upgrade", "pip", quiet=True)
        run(
            python, "-m", "pip", "install", "-q",
            str(args.wheel.resolve()), args.wagtail, args.django,
            quiet=True,
        )  # fmt: skip
        print(run(python, "-m", "pip", "list", "--format=freeze", quiet=True).strip())
        project = make_project(workdir, python)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "districtsite.settings.dev",
            "PYTHONPATH": str(project),
        }
        manage = [python, project / "manage.py"]
        run(*manage, "migrate", "--noinput", cwd=project, env=env, quiet=True)
        checked = run(*manage, "check", "--database", "default", cwd=project, env=env)
        if "System check identified no issues" not in checked:
            raise SystemExit("manage.py check reported issues")
        urls = json.loads(run(python, HERE / "populate.py", cwd=project, env=env, quiet=True))
        server, base_url = start_server(manage, project, env, workdir / "server.log")
        failures = check_urls(base_url, urls)
        languages = sorted({item["lang"] for item in urls})
        print(
            f"== {len(urls) - len(failures)} of {len(urls)} URLs answered 200 "
            f"({', '.join(languages)}) in {time.monotonic() - started:.0f} s"
        )
        if failures:
            for item, status, content_type, text in failures:
                print(f"\n--- {item['url']}: {status} {content_type}\n{text}")
            print((workdir / "server.log").read_text()[-5000:])
            raise SystemExit(1)
        check_database_down(base_url, project, workdir, urls)
    finally:
        if server is not None:
            stop_server(server)
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
