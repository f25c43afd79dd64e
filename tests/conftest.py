import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Page, Site

from tests import factories
from tests.factories import (
    ContentPageFactory,
    SitemapPageFactory,
    UnitProfileFactory,
    WardHomePageFactory,
)
from tests.migrated_database import migrated_database, on_sqlite
from wagtail_ward.models import ResultsVisibility, WardSettings
from wagtail_ward.polls.presets import create_poll_from_preset


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings):
    """Migrating the test database costs half a minute of CPU in every test process: on
    SQLite, each process starts from a copy of the database migrated once for these
    migrations and installed versions (tests/migrated_database.py, which `make test` starts
    early in the background), and pytest-django only checks it is current. (After
    ``django_db_modify_db_settings``, which gives each xdist worker's database its name.)"""
    if request.config.getvalue("reuse_db"):
        return True
    if not on_sqlite():
        return False
    name = settings.DATABASES["default"]["TEST"]["NAME"]
    with (
        closing(sqlite3.connect(migrated_database())) as source,
        closing(sqlite3.connect(name)) as target,
    ):
        source.backup(target)
    request.addfinalizer(lambda: Path(name).unlink(missing_ok=True))
    return True


@pytest.fixture(autouse=True)
def django_db_serialized_rollback():
    """Every transactional test starts from the data the migrations wrote.

    The flush that ends a transactional test empties every table: the tree root, the default
    locale and site, the root collection. Requested by every test, this pytest-django fixture
    makes each transactional test restore that data first (and keeps the content type ids, so
    the content type cache stays right). Plain ``db`` tests are not affected.
    """


@pytest.fixture(autouse=True)
def _server_language():
    """Every test starts in the server's language. Django's LocaleMiddleware activates the
    language of each request it handles and leaves it active in the thread, so a test that
    follows an English request would otherwise run in English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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
def translate(en):
    """``translate(obj)`` makes the English translation with wagtail-localize and returns it;
    ``translate(obj, {"Vietnamese": "English"})`` fills the strings it names (see
    ``tests.factories.translate``)."""
    return factories.translate


def pytest_ignore_collect(collection_path, config):
    """The browser tests (tests/browser) run in a pytest session of their own.

    Playwright keeps an event loop running in the main thread, and Django then needs
    DJANGO_ALLOW_ASYNC_UNSAFE for every ORM call after it: that override stays inside the
    browser session. `make test` runs `pytest` and, alongside it, `pytest tests/browser`.
    """
    if collection_path.name == "browser" and collection_path.parent == Path(__file__).parent:
        asked = [str(Path(arg).resolve()) for arg in config.args]
        return not any(arg.startswith(str(collection_path)) for arg in asked)
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Plain database tests first, then transactional tests (as Django orders them): a
    transactional test that runs early would leave the next plain tests a flushed database.

    In each of the two groups the modules with a ``slow`` test come first (whole modules, in
    their own order), the longest first by the marker's ``seconds`` (``slow(seconds=40)``, about
    what the test takes alone): pytest-xdist hands tests out in this order, so the long ones (the
    demo loader, the package build, the catalogue) start while the short ones are left to even
    out the workers, instead of one worker finishing a demo load alone at the end.
    """

    def rank(item):
        marker = item.get_closest_marker("django_db")
        if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
            return 1
        names = getattr(item, "fixturenames", ())
        return 1 if ("transactional_db" in names or "live_server" in names) else 0

    seconds = {}
    for item in items:
        marker = item.get_closest_marker("slow")
        if marker:
            key = (rank(item), item.path)
            seconds[key] = max(seconds.get(key, 0), marker.kwargs.get("seconds", 0))
    # Modules without a slow test after the slow ones (-1); sort keeps the order among equals.
    items.sort(key=lambda item: (rank(item), -seconds.get((rank(item), item.path), -1)))


@pytest.fixture
def poll(ward_site, vi):
    """The dossier-timeliness poll in Vietnamese, open, results public to everyone, in the body
    of a published page of ``ward_site`` (as on a real site: only a poll shown somewhere public
    takes votes)."""
    poll = create_poll_from_preset(
        "dossier_timeliness", vi, results_visibility=ResultsVisibility.ALWAYS
    )
    ContentPageFactory(
        parent=ward_site.root_page,
        title="Thăm dò ý kiến",
        slug="tham-do-y-kien",
        body=[("poll", {"poll": poll})],
    )
    return poll
