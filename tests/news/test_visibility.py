"""Drafts, private (view-restricted) and unpublished articles never leak: not in the index, the
feeds, "other news", "latest news", the sitemap, the search or the API."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.factories import NewsPageFactory, make_draft, make_private, unpublish
from tests.families import NewsPage
from tests.html import texts


@pytest.fixture
def articles(news_index, category):
    public = NewsPageFactory(
        parent=news_index,
        title="Tin công khai đào tạo",
        slug="cong-khai",
        category=category,
        date=datetime.date(2025, 1, 1),
    )
    draft = make_draft(
        news_index,
        title="Tin nháp đào tạo",
        slug="nhap",
        category=category,
        date=datetime.date(2025, 6, 1),
    )
    private = NewsPageFactory(
        parent=news_index,
        title="Tin nội bộ đào tạo",
        slug="noi-bo",
        category=category,
        date=datetime.date(2025, 6, 2),
    )
    make_private(private)
    withdrawn = unpublish(
        NewsPageFactory(
            parent=news_index,
            title="Tin đã gỡ đào tạo",
            slug="da-go",
            category=category,
            date=datetime.date(2025, 6, 3),
        )
    )
    return {"public": public, "hidden": [draft, private, withdrawn]}


HIDDEN_TITLES = ["Tin nháp đào tạo", "Tin nội bộ đào tạo", "Tin đã gỡ đào tạo"]


def assert_only_public(text):
    assert "Tin công khai đào tạo" in text
    for title in HIDDEN_TITLES:
        assert title not in text


def html_links(response, selector):
    return " | ".join(texts(response, selector))


def test_index_and_search_show_only_public_articles(client, news_index, articles):
    assert_only_public(html_links(client.get(news_index.url), ".ward-news__title a"))
    assert_only_public(html_links(client.get(news_index.url + "?q=dao+tao"), ".ward-news__title a"))
    assert_only_public(
        html_links(client.get(news_index.url + "category/hanh-chinh-cong/"), ".ward-news__title a")
    )
    archive = html_links(client.get(news_index.url), ".ward-news__archive li")
    assert "06/2025" not in archive  # only hidden articles were dated June 2025


@pytest.mark.parametrize("path", ["rss/", "atom/", "category/hanh-chinh-cong/rss/"])
def test_feeds_show_only_public_articles(client, news_index, articles, path):
    feed = feedparser.parse(client.get(news_index.url + path).content)
    assert_only_public(" | ".join(entry.title for entry in feed.entries))


def test_other_news_and_latest_news_show_only_public_articles(client, news_index, articles):
    sibling = NewsPageFactory(parent=news_index, category=articles["public"].category)
    response = client.get(sibling.url)
    assert_only_public(html_links(response, ".ward-other-news a"))
    assert_only_public(html_links(response, ".ward-latest a"))
    assert_only_public(html_links(client.get("/"), ".ward-latest a"))


def test_sitemap_shows_only_public_articles(client, news_index, articles):
    xml = client.get("/sitemap.xml").content.decode()
    assert articles["public"].url in xml
    for page in articles["hidden"]:
        assert f"/{page.slug}/" not in xml


def test_api_shows_only_public_articles(client, news_index, articles):
    for url in (
        "/api/v2/news/?fields=*",
        f"/api/v2/pages/?type={NewsPage._meta.label}&fields=title",
        "/api/v2/pages/?search=dao+tao",
    ):
        data = client.get(url).json()
        titles = " | ".join(item["title"] for item in data["items"])
        if "search" in url:
            for title in HIDDEN_TITLES:
                assert title not in titles
        else:
            assert_only_public(titles)
    for page in articles["hidden"]:
        assert client.get(f"/api/v2/news/{page.pk}/").status_code == 404
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    public = client.get(f"/api/v2/news/{articles['public'].pk}/").json()
    assert public["other_news"] == []


def test_hidden_articles_themselves_are_not_served(client, articles):
    for page in articles["hidden"]:
        response = client.get(f"/tin-tuc/{page.slug}/")
        assert response.status_code in (302, 404)  # private pages redirect to the login
        assert page.title not in response.content.decode()
        print_response = client.get(f"/tin-tuc/{page.slug}/print/")
        assert print_response.status_code in (302, 404)


def test_private_news_index_has_no_public_feed(client, news_index, articles):
    make_private(news_index)
    for path in ("", "rss/", "atom/"):
        response = client.get(news_index.url + path)
        assert response.status_code == 302
        assert "Tin công khai" not in response.content.decode()


def test_html_site_map_counts_only_public_articles_under_the_section(client, news_index, articles):
    page = BeautifulSoup(client.get("/so-do-site/").content.decode(), "html.parser")
    links = [a.get_text(strip=True) for a in page.select(".ward-sitemap__tree a")]
    assert news_index.title in links
    for title in ["Tin công khai đào tạo", *HIDDEN_TITLES]:
        assert title not in links  # articles are counted, not listed
    section = next(
        a.parent for a in page.select(".ward-sitemap__tree a") if a.get_text() == news_index.title
    )
    assert section.select_one(".ward-sitemap__count").get_text(strip=True).startswith("(1 ")
