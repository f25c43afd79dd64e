"""A publish that commits while a request is being served never leaves old content cached.

The request reads the content token before Wagtail loads the page (``FragmentCacheMiddleware``).
Here the publish commits after routing loaded the page and before its template is rendered:
the old title this request shows is cached under the old token, which the publish retired, so
the next reader sees the new title.
"""

from django.core.checks import Warning
from django.db import connection
from django.template import engines
from django.test.utils import CaptureQueriesContext
from wagtail import hooks

from tests.commits import commit_token
from tests.factories import ContentPageFactory
from wagtail_ward.checks import check_middleware
from wagtail_ward.models import ContentPage

TEMPLATE = (
    "{% load wagtail_ward_tags %}"
    "<h1>{% ward_cache 'title' %}{{ page.title }}{% endward_cache %}</h1>"
)


def _title_template(monkeypatch):
    template = engines["django"].from_string(TEMPLATE)
    monkeypatch.setattr(ContentPage, "get_template", lambda self, request, *a, **kw: template)


def test_a_publish_between_routing_and_rendering_is_not_cached_as_new(client, home, monkeypatch):
    _title_template(monkeypatch)
    page = ContentPageFactory(parent=home, title="Lịch tiếp dân cũ")
    assert client.get(page.url).content.decode() == "<h1>Lịch tiếp dân cũ</h1>"

    def publish_meanwhile(served_page, request, serve_args, serve_kwargs):
        # Routing has loaded the page; an editor's publish commits before the template renders.
        fresh = ContentPage.objects.get(pk=served_page.pk)
        fresh.title = "Lịch tiếp dân mới"
        fresh.save_revision().publish()
        commit_token()  # the publish commits: its new token is in the database from now on

    with hooks.register_temporarily("before_serve_page", publish_meanwhile):
        during = client.get(page.url)
    assert during.content.decode() == "<h1>Lịch tiếp dân cũ</h1>"  # loaded before the publish
    assert client.get(page.url).content.decode() == "<h1>Lịch tiếp dân mới</h1>"


def test_each_request_reads_the_token_once_before_the_view(client, home, monkeypatch):
    _title_template(monkeypatch)
    page = ContentPageFactory(parent=home, title="Giới thiệu")
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).content.decode() == "<h1>Giới thiệu</h1>"
    token_reads = [
        n for n, query in enumerate(queries) if "wagtail_ward_contentversion" in query["sql"]
    ]
    assert token_reads == [0]  # first, before Wagtail looks for the site and the page


def test_without_the_middleware_fragments_are_rendered_afresh(client, home, monkeypatch, settings):
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.endswith("FragmentCacheMiddleware")
    ]
    _title_template(monkeypatch)
    page = ContentPageFactory(parent=home, title="Giới thiệu")
    assert client.get(page.url).content.decode() == "<h1>Giới thiệu</h1>"
    ContentPage.objects.filter(pk=page.pk).update(title="Giới thiệu chung")  # sends no signal
    assert client.get(page.url).content.decode() == "<h1>Giới thiệu chung</h1>"
    assert [warning.id for warning in check_middleware(None)] == ["wagtail_ward.W005"]
    assert isinstance(check_middleware(None)[0], Warning)


def test_no_warning_when_the_cache_is_off(settings):
    settings.MIDDLEWARE = [
        name for name in settings.MIDDLEWARE if not name.endswith("FragmentCacheMiddleware")
    ]
    settings.WAGTAIL_WARD = {**getattr(settings, "WAGTAIL_WARD", {}), "FRAGMENT_CACHE_SECONDS": 0}
    assert check_middleware(None) == []
    settings.WAGTAIL_WARD = {**settings.WAGTAIL_WARD, "FRAGMENT_CACHE_SECONDS": 600}
    assert [warning.id for warning in check_middleware(None)] == ["wagtail_ward.W005"]
