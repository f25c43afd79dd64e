"""The browser tests: Playwright drives the system Chromium against the demo district.

They run in a pytest session of their own (`pytest tests/browser`; tests/conftest.py keeps
them out of the main session), because pytest-playwright keeps an event loop running in the
main thread and Django then needs DJANGO_ALLOW_ASYNC_UNSAFE for every ORM call after it.
That override is set here, so it reaches only this session.

The demo is served by a real server process on a free loopback port from a database the demo
loader fills: the browser and the tests share no database connection. The demo is loaded once
(tests/browser/demo_database.py, which `make test` starts early in the background) and under
pytest-xdist (`make test` hands out whole files, ``--dist loadfile``) each worker serves a copy
of its own.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser.demo_database import demo_database
from tests.browser.servers import serving

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("WAGTAIL_WARD_CHROMIUM", "/usr/bin/chromium")
EXAMPLE_SITE = Path(__file__).resolve().parents[2] / "example_site"


ROOT = Path(__file__).resolve().parents[2]
FAILURES = ROOT / "build" / "browser-failures"
DEMO_ADMIN = ("admin", os.environ.get("DEMO_ADMIN_PASSWORD", "ward-demo-2026"))


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in Path(str(item.fspath)).as_posix():
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def keep_failure(request, page):
    """On failure, the page's HTML and a screenshot go to build/browser-failures/."""
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        FAILURES.mkdir(parents=True, exist_ok=True)
        name = request.node.name.replace("/", "_")
        # Bounded: a page left loading (a test that holds a request) must not hang the run.
        try:
            html = page.locator("html").evaluate("html => html.outerHTML", timeout=10_000)
            (FAILURES / f"{name}.html").write_text(html, encoding="utf-8")
            page.screenshot(path=str(FAILURES / f"{name}.png"), full_page=True, timeout=10_000)
        except PlaywrightError as error:
            (FAILURES / f"{name}.html").write_text(f"<!-- not kept: {error} -->", encoding="utf-8")


@pytest.fixture
def admin_login():
    """``admin_login(page, base_url, username, password)``: sign in to the admin in Vietnamese
    (the demo's administrator by default)."""

    def login(page, base_url, username=DEMO_ADMIN[0], password=DEMO_ADMIN[1]):
        page.goto(base_url + "/admin/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(password)
        page.locator("form button[type=submit]").click()
        page.wait_for_url(base_url + "/admin/")

    return login


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Playwright uses the system Chromium (`make test` installs it) and downloads nothing."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def axe_violations():
    """``axe_violations(page)``: axe-core's violations on the page, as (id, help) pairs."""
    from axe_playwright_python.sync_playwright import Axe

    def run(page):
        return [(v["id"], v["help"]) for v in Axe().run(page).response["violations"]]

    return run


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """The demo district on http://127.0.0.1:<port>/ (wards on lacvien.localhost:<port>).

    ``WARD_DEMO_URL=http://127.0.0.1:<port>`` (with the demo's ``DATABASE_URL``) uses a demo
    that is already running instead, while one writes a test.
    """
    manage = [sys.executable, "manage.py"]

    def run_manage(env):
        return lambda *command: subprocess.run(  # noqa: S603
            manage + list(command), cwd=EXAMPLE_SITE, env=env, check=True, capture_output=True
        ).stdout.decode()

    running = os.environ.get("WARD_DEMO_URL")
    if running:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "district_site.settings.dev"}
        port = running.rsplit(":", 1)[1]
        yield {
            "district": running,
            "ward": f"http://lacvien.localhost:{port}",
            "manage": run_manage(env),
        }
        return
    folder = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "district_site.settings.dev"}
    database = folder / "demo.sqlite3"
    shutil.copyfile(demo_database(), database)
    env["DATABASE_URL"] = f"sqlite:///{database}"
    runserver = [*manage, "runserver", "--noreload", "--nothreading", "127.0.0.1:{port}"]
    with serving(runserver, "/", cwd=EXAMPLE_SITE, env=env) as base:
        port = base.rsplit(":", 1)[1]
        yield {
            "district": base,
            "ward": f"http://lacvien.localhost:{port}",
            # manage.py of the demo, for what a test prepares outside the browser.
            "manage": run_manage(env),
        }
