import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from tests.factories import SitemapPageFactory, UnitProfileFactory, WardHomePageFactory
from wagtail_ward.models import WardSettings


@pytest.fixture(autouse=True)
def django_db_serialized_rollback():
    """Every transactional test starts from the data the migrations wrote.

    The flush that ends a transactional test empties every table: the tree root, the default
    locale and site, the root collection. Requested by every test, this pytest-django fixture
    makes each transactional test restore that data first (and keeps the content type ids, so
    the content type cache stays right). Plain ``db`` tests are not affected.
    """


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(client, admin_user):
    """The test ``client``, logged in to the admin as a superuser (pytest-django's
    ``admin_user``)."""
    client.force_login(admin_user)
    return client


@pytest.fixture
def vi(db):
    return Locale.objects.get_or_create(language_code="vi")[0]


@pytest.fixture
def en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def ward_site(db, vi, en):
    """A ward site served at http://testserver/: home page, site map, unit profile, settings.

    Wagtail's own welcome page and default site are removed first.
    """
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    root = Page.get_first_root_node()
    home = WardHomePageFactory(parent=root, slug="phuong-lac-vien")
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Lạc Viên"
    )
    sitemap = SitemapPageFactory(parent=home)
    settings = WardSettings.for_site(site)
    settings.profile = UnitProfileFactory()
    settings.sitemap_page = sitemap
    settings.parent_unit_url = "https://quan.example.gov.vn/"
    settings.phone = "0225 3551 206"
    settings.email = "ubnd@example.gov.vn"
    settings.save()
    return site


@pytest.fixture
def home(ward_site):
    return ward_site.root_page.specific


@pytest.fixture
def translate(en, django_capture_on_commit_callbacks):
    """``translate(obj)`` makes the English translation with wagtail-localize and returns it.

    ``translate(obj, {"Vietnamese": "English"})`` fills the strings it names; the others stay
    as in the source. wagtail-localize publishes on commit, so the callbacks run here.
    """
    from wagtail_localize.models import Translation, TranslationSource
    from wagtail_localize.operations import translate_object

    def _translate(instance, strings=None):
        strings = strings or {}
        with django_capture_on_commit_callbacks(execute=True):
            translate_object(instance, [en])
            source, _ = TranslationSource.get_or_create_from_instance(instance)
            translation = Translation.objects.get(source=source, target_locale=en)
            po = translation.export_po()
            for entry in po:
                entry.msgstr = strings.get(entry.msgid, entry.msgid)
            translation.import_po(po)
            translation.save_target(publish=True)
        return instance.get_translation(en)

    return _translate


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Plain database tests first, then transactional tests, then the browser tests.

    pytest-django orders the first two as Django does, but pytest-playwright reorders the items
    after it. A transactional test that runs early leaves the next plain tests a flushed
    database. And once Playwright has started its event loop in the main thread, Django hands
    out a fresh connection object there, without the serialised data that a transactional test
    restores from: so the browser tests, which need no test database, run last.
    """

    def rank(item):
        if item.get_closest_marker("browser") or "page" in getattr(item, "fixturenames", ()):
            return 2
        marker = item.get_closest_marker("django_db")
        if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
            return 1
        names = getattr(item, "fixturenames", ())
        return 1 if ("transactional_db" in names or "live_server" in names) else 0

    items.sort(key=rank)


# Browser tests (tests/browser, tests/polls/test_browser.py) -------------------------------------
# Playwright drives the system Chromium against the demo district, served by a real server
# process on a free loopback port from a database the demo loader fills: the browser and the
# test share no database connection.

CHROMIUM = os.environ.get("WAGTAIL_WARD_CHROMIUM", "/usr/bin/chromium")
# pytest-playwright keeps an event loop running in the main thread for the whole session; the
# tests that run after the browser tests call the ORM synchronously from that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
EXAMPLE_SITE = Path(__file__).resolve().parents[1] / "example_site"


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


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """The demo district on http://127.0.0.1:<port>/ (wards on lacvien.localhost:<port>)."""
    folder = tmp_path_factory.mktemp("demo")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "district_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
    }
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--noinput"], ["load_ward_demo"]):
        subprocess.run(  # noqa: S603
            manage + command, cwd=EXAMPLE_SITE, env=env, check=True, capture_output=True
        )
    port = _free_port()
    server = subprocess.Popen(  # noqa: S603
        [*manage, "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
        cwd=EXAMPLE_SITE,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2)  # noqa: S310
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.2)
    yield {"district": base, "ward": f"http://lacvien.localhost:{port}"}
    server.terminate()
    server.wait(timeout=10)
