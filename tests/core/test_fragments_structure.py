"""The site's chrome (header, menu, footer, the organisation's structured data) is kept under a
structure token of its own: an article's publish leaves it alone, and whatever the chrome shows
(a menu page, the settings, the unit profile, the home page) retires it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import ContentPageFactory, NewsIndexPageFactory, NewsPageFactory
from tests.html import soup, texts
from wagtail_ward.fragments import bump_content_version
from wagtail_ward.models import SiteContentVersion, WardSettings


def tokens(site):
    return SiteContentVersion.objects.values_list("token", "structure_token").get(site=site)


def menu(client, url):
    return texts(client.get(url), ".ward-nav__item--page a")


@pytest.fixture
def news(ward_site, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        index = NewsIndexPageFactory(parent=home, title="Tin tức", show_in_menus=True)
        first = NewsPageFactory(parent=index, title="Tin đầu tiên")
        second = NewsPageFactory(parent=index, title="Tin thứ hai")
    return index, first, second


def test_an_article_publish_keeps_the_chrome_and_refreshes_the_lists(
    client, ward_site, news, django_capture_on_commit_callbacks
):
    index, first, second = news
    client.get(first.url)  # every part kept
    before = tokens(ward_site)
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=index, title="Tin mới đăng")
    after = tokens(ward_site)
    assert after[0] != before[0]  # the content token: the lists must show the new article
    assert after[1] == before[1]  # the structure token: the chrome stays kept
    with CaptureQueriesContext(connection) as after_publish:
        response = client.get(first.url)
    assert "Tin mới đăng" in texts(response, ".ward-other-news a")  # "Các tin khác"
    assert "Tin mới đăng" in texts(response, ".ward-latest a")  # "Tin mới"
    assert "Tin mới đăng" in texts(client.get(index.url), "main a")  # the index's list
    assert menu(client, first.url) == ["Tin tức"]
    bump_content_version()  # every part retired, the chrome's too
    with CaptureQueriesContext(connection) as emptied:
        client.get(first.url)
    # The menu, the settings, the unit profile and the logo are not read again.
    assert len(after_publish) < len(emptied)


def test_a_new_or_renamed_menu_page_refreshes_the_menu(
    client, ward_site, home, news, django_capture_on_commit_callbacks
):
    _, first, _ = news
    assert menu(client, first.url) == ["Tin tức"]
    before = tokens(ward_site)[1]
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(parent=home, title="Giới thiệu", show_in_menus=True)
    assert tokens(ward_site)[1] != before
    assert menu(client, first.url) == ["Tin tức", "Giới thiệu"]
    page.title = "Giới thiệu chung"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert menu(client, first.url) == ["Tin tức", "Giới thiệu chung"]
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert menu(client, first.url) == ["Tin tức"]


def test_a_page_leaving_the_menu_refreshes_it(
    client, ward_site, news, django_capture_on_commit_callbacks
):
    index, first, _ = news
    assert menu(client, first.url) == ["Tin tức"]
    index.show_in_menus = False
    with django_capture_on_commit_callbacks(execute=True):
        index.save_revision().publish()
    assert menu(client, first.url) == []


def test_settings_profile_and_home_page_refresh_the_chrome(
    client, ward_site, home, news, django_capture_on_commit_callbacks
):
    _, first, _ = news
    client.get(first.url)
    settings = WardSettings.for_site(ward_site)
    settings.phone = "0225 3 999 888"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    assert "0225 3 999 888" in " ".join(texts(client.get(first.url), ".ward-footer"))
    profile = settings.profile
    profile.governing_body = "Ủy ban nhân dân phường Lạc Viên mới"
    with django_capture_on_commit_callbacks(execute=True):
        profile.save()
    response = client.get(first.url)
    assert texts(response, ".ward-unit-name") == ["Ủy ban nhân dân phường Lạc Viên mới"]
    assert "Ủy ban nhân dân phường Lạc Viên mới" in " ".join(texts(response, ".ward-footer"))
    before = tokens(ward_site)[1]
    home.title = "Trang chủ phường"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert tokens(ward_site)[1] != before


def test_a_moved_page_and_a_deeper_site_map_page_retire_the_chrome(
    client, ward_site, home, news, django_capture_on_commit_callbacks
):
    index, first, second = news
    before = tokens(ward_site)[1]
    with django_capture_on_commit_callbacks(execute=True):
        second.move(home, pos="last-child")
    assert tokens(ward_site)[1] != before
    # The site map chosen in the settings, deeper than the menu: its slug is the menu's link.
    settings = WardSettings.for_site(ward_site)
    sitemap = Page.objects.get(pk=settings.sitemap_page_id)
    with django_capture_on_commit_callbacks(execute=True):
        sitemap.move(index, pos="last-child")
    sitemap.refresh_from_db()
    assert any(sitemap.url in href for href in _hrefs(client.get(first.url)))
    before = tokens(ward_site)[1]
    sitemap = sitemap.specific
    sitemap.slug = "so-do-trang"
    with django_capture_on_commit_callbacks(execute=True):
        sitemap.save_revision().publish()
    assert tokens(ward_site)[1] != before
    assert any("/so-do-trang/" in href for href in _hrefs(client.get(first.url)))


def _hrefs(response):
    return [a["href"] for a in soup(response).select(".ward-nav a")]
