"""The site behind nginx with the shipped configuration (deploy/nginx/ward.conf): a page is
kept and served from the cache, a publish purges it through Wagtail's HTTP purge backend so the
next reader gets the new content, and an editor's requests are never kept (issue 17).

One nginx per test session (bench/proxy_server.py), in front of pytest-django's live server,
on free loopback ports. It needs Debian's nginx and libnginx-mod-http-cache-purge (the
Makefile's TEST_TOOLS install them); without them the fixture fails and says so.
"""

import datetime
import http.client

import pytest
from django.test import Client

from bench.proxy_server import Nginx
from tests.factories import NewsIndexPageFactory, make_draft

HOST = "testserver"  # the ward site's host name (tests/conftest.py)
# What a browser sends. A proxy that kept a copy per Accept-Language (the pages say
# "Vary: Accept-Language") would never purge any of them: nginx's purge module finds no copy.
BROWSER = {"Accept-Language": "vi-VN,vi;q=0.9,en;q=0.8"}
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(scope="session")
def nginx(live_server):
    proxy = Nginx(app=live_server.url.removeprefix("http://")).start()
    yield proxy
    proxy.stop()


@pytest.fixture
def purging(settings, nginx):
    """Publishing purges nginx, as docs/caching.md configures Wagtail's HTTP backend."""
    settings.WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": nginx.purge_location,
        }
    }
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    return nginx


@pytest.fixture
def article(home, request):
    """A published article at an address of the test's own: nginx's cache lasts the session."""
    index = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc")
    slug = request.node.name.removeprefix("test_").replace("_", "-")[:60]
    page = make_draft(index, title="Lịch tiếp công dân", slug=slug, date=datetime.date(2025, 3, 4))
    page.get_latest_revision().publish()
    page.refresh_from_db()
    return page


def get(nginx, path, **headers):
    """One GET through nginx: (status, X-Cache-Status, headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", nginx.port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": HOST, **BROWSER, **headers})
        response = connection.getresponse()
        body = response.read().decode()
        return response.status, response.getheader("X-Cache-Status"), response.headers, body
    finally:
        connection.close()


def test_a_page_is_kept_and_a_publish_purges_it(article, purging):
    path = article.get_url_parts()[2]
    status, cache, _headers, body = get(purging, path)
    assert (status, cache) == (200, "MISS")
    assert "Lịch tiếp công dân" in body
    # The next reader, with the cookies a reader collects (CSRF, visits), gets the kept copy.
    cookies = "csrftoken=abc123; ward_visit=2025-03-04; ward_poll_voter=abc"
    assert get(purging, path, Cookie=cookies)[:2] == (200, "HIT")
    # Two readers' languages: one copy, whatever Accept-Language says (the address decides).
    assert get(purging, path, **{"Accept-Language": "en"})[1] == "HIT"
    assert get(purging, "/tin-tuc/")[1] == "MISS"
    assert get(purging, "/tin-tuc/")[1] == "HIT"

    article.title = "Lịch tiếp công dân tháng 4"
    article.save_revision().publish()

    status, cache, _headers, body = get(purging, path)
    assert (status, cache) == (200, "MISS")
    assert "Lịch tiếp công dân tháng 4" in body
    english = get(purging, path, **{"Accept-Language": "en"})
    assert english[1] == "HIT"
    assert "Lịch tiếp công dân tháng 4" in english[3]
    index = get(purging, "/tin-tuc/")  # the index that lists it was purged too
    assert index[1] == "MISS"
    assert "Lịch tiếp công dân tháng 4" in index[3]
    assert get(purging, path)[1] == "HIT"
    assert "[error]" not in purging.errors()


def test_an_editor_is_never_served_from_the_cache_nor_kept(article, admin_user, nginx):
    client = Client()
    client.force_login(admin_user)
    editor = f"sessionid={client.cookies['sessionid'].value}"
    path = article.get_url_parts()[2]

    status, cache, headers, body = get(nginx, path, Cookie=editor)
    assert (status, cache) == (200, "BYPASS")
    assert "private" in headers["Cache-Control"]
    assert "wagtail-userbar" in body  # what only an editor sees
    # The editor's copy was not kept: the first reader is a MISS and gets a reader's page.
    status, cache, _headers, body = get(nginx, path)
    assert (status, cache) == (200, "MISS")
    assert "wagtail-userbar" not in body
    assert get(nginx, path)[1] == "HIT"
    # ...and the editor still gets the application's answer, not the kept reader's copy.
    status, cache, _headers, body = get(nginx, path, Cookie=editor)
    assert (status, cache) == (200, "BYPASS")
    assert "wagtail-userbar" in body

    # The admin and the preview: never cached, not even looked up.
    for admin_path in ("/admin/", f"/admin/pages/{article.pk}/edit/preview/"):
        for _time in range(2):
            status, cache, headers, _body = get(nginx, admin_path, Cookie=editor)
            assert status == 200, admin_path
            assert cache is None
            assert "private" in headers["Cache-Control"] or "no-cache" in headers["Cache-Control"]


def test_an_address_in_vietnamese_is_purged(home, purging):
    """Wagtail keeps Vietnamese letters in slugs (WAGTAIL_ALLOW_UNICODE_SLUGS): a browser asks
    for the percent-encoded address, which is the one nginx keeps and the one to purge."""
    index = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tức")
    page = make_draft(index, title="Thông báo", slug="thông-báo", date=datetime.date(2025, 3, 4))
    page.get_latest_revision().publish()
    path = "/tin-t%E1%BB%A9c/th%C3%B4ng-b%C3%A1o/"
    assert get(purging, path)[:2] == (200, "MISS")
    assert get(purging, path)[:2] == (200, "HIT")
    page.title = "Thông báo mới"
    page.save_revision().publish()
    status, cache, _headers, body = get(purging, path)
    assert (status, cache) == (200, "MISS")
    assert "Thông báo mới" in body
    assert "[error]" not in purging.errors()
