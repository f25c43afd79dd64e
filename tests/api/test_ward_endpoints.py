"""The ward endpoints latest/ and sitemap/: what "Tin mới" and the HTML site map show, in the
language asked for, nothing a visitor cannot read, fixed queries, and JSON errors naming the
parameter."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.api.builders import TYPES, add_pages, make_indexes
from tests.factories import (
    ContentPageFactory,
    NewsPageFactory,
    make_draft,
    make_private,
    unpublish,
)
from wagtail_ward.registry import latest_items


@pytest.fixture
def content(home, vi, translate):
    indexes = make_indexes(home)
    add_pages(indexes, 2)
    news = indexes["news"]
    hidden = {
        "draft": make_draft(news, title="Tin nháp", date="2031-01-01"),
        "private": NewsPageFactory(parent=news, title="Tin nội bộ", date="2031-01-02"),
        "unpublished": unpublish(
            NewsPageFactory(parent=news, title="Tin đã gỡ", date="2031-01-03")
        ),
    }
    make_private(hidden["private"])
    private_section = ContentPageFactory(parent=home, title="Chuyên mục nội bộ", slug="noi-bo")
    make_private(private_section)
    ContentPageFactory(parent=private_section, title="Trang con nội bộ", slug="trang-con")
    english_index = translate(news, {"Tin tức": "News"})
    english = translate(NewsPageFactory(parent=news, title="Tin song ngữ", date="2030-05-01"))
    english_private = translate(
        NewsPageFactory(parent=news, title="Tin riêng song ngữ", date="2030-05-02")
    )
    make_private(english_private)
    return {
        "indexes": indexes,
        "home": home,
        "hidden": hidden,
        "english": english,
        "english_index": english_index,
        "english_private": english_private,
    }


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()


def queries(client, url):
    client.get(url)  # content types and site root paths cached once per process
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def tree_titles(node):
    return [node["title"]] + [title for child in node["children"] for title in tree_titles(child)]


# latest/ ----------------------------------------------------------------------------------------


def test_latest_lists_what_tin_moi_lists_newest_first(client, content, vi):
    data = get_json(client, "/api/ward/latest/")
    site = content["home"].get_site()
    expected = latest_items(site, vi, 10)
    assert data["locale"] == "vi"
    assert [item["id"] for item in data["items"]] == [item.page.pk for item in expected]
    assert 6 <= len(data["items"]) <= 10
    dates = [item["date"][:10] for item in data["items"]]
    assert dates == sorted(dates, reverse=True)
    assert {item["type"] for item in get_json(client, "/api/ward/latest/?limit=50")["items"]} >= {
        TYPES["news"],
        TYPES["schedule"],
        TYPES["training"],
    }
    first = data["items"][0]
    page = expected[0].page
    assert first["url"] == page.get_full_url()
    assert first["title"] == page.title
    assert first["summary"] == expected[0].summary
    news = [item for item in data["items"] if item["type"] == TYPES["news"]][0]
    assert news["summary"] == "Tóm tắt tin bài."
    assert news["type_label"] == "bài viết"


def test_latest_limit_and_type(client, content):
    assert len(get_json(client, "/api/ward/latest/?limit=3")["items"]) == 3
    news = get_json(client, f"/api/ward/latest/?type={TYPES['news']}&limit=50")["items"]
    assert news and {item["type"] for item in news} == {TYPES["news"]}
    both = get_json(
        client, f"/api/ward/latest/?type={TYPES['news']},{TYPES['schedule'].lower()}&limit=50"
    )["items"]
    assert {item["type"] for item in both} == {TYPES["news"], TYPES["schedule"]}


def test_latest_never_shows_drafts_private_or_unpublished_in_any_language(client, content):
    hidden = {"Tin nháp", "Tin nội bộ", "Tin đã gỡ", "Tin riêng song ngữ"}
    for language in ["vi", "en"]:
        items = get_json(client, f"/api/ward/latest/?locale={language}&limit=50")["items"]
        assert items
        assert not hidden & {item["title"] for item in items}, language
        assert {item["locale"] for item in items} == {language}
    english = get_json(client, "/api/ward/latest/?locale=en&limit=50")["items"]
    assert [item["id"] for item in english] == [content["english"].pk]
    assert english[0]["type_label"] == "news article"


def test_latest_costs_the_same_queries_as_content_grows(client, content):
    url = "/api/ward/latest/?limit=50"
    before = queries(client, url)
    add_pages(content["indexes"], 3)
    assert queries(client, url) == before
    assert before <= 6, before


@pytest.mark.parametrize(
    ("query", "status", "parameter"),
    [
        ("limit=0", 400, "limit"),
        ("limit=51", 400, "limit"),
        ("limit=abc", 400, "limit"),
        ("type=wagtailcore.Page", 400, "type"),
        ("type=", 400, "type"),
        ("locale=xx", 404, "locale"),
        ("site=99999", 404, "site"),
        ("q=%00", 400, "q"),
    ],
)
def test_bad_parameters_are_json_errors_naming_them(client, ward_site, query, status, parameter):
    for endpoint in ["latest", "sitemap"]:
        if endpoint == "sitemap" and parameter in ("limit", "type"):
            continue
        with translation.override("en"):
            data = get_json(client, f"/api/ward/{endpoint}/?{query}", status=status)
        assert data["parameter"] == parameter, (endpoint, data)
        assert data["message"]


# sitemap/ ---------------------------------------------------------------------------------------


def test_sitemap_is_the_html_site_map_as_json(client, content, ward_site):
    data = get_json(client, "/api/ward/sitemap/")
    tree = data["tree"]
    assert data["locale"] == "vi"
    assert tree["id"] == content["home"].pk
    html = client.get("/so-do-site/")  # the site's site map page (the ward_site fixture)
    assert html.status_code == 200
    links = re.search(r'class="ward-sitemap__tree">(.*?)</div>', html.content.decode(), re.S)
    hrefs = re.findall(r'<a href="([^"]+)">', links.group(1))

    def urls(node):
        return [node["url"]] + [url for child in node["children"] for url in urls(child)]

    assert [url.removeprefix("http://testserver") for url in urls(tree)] == hrefs
    news = next(node for node in tree["children"] if node["id"] == content["indexes"]["news"].pk)
    assert news["type"] == content["indexes"]["news"].specific._meta.label
    assert news["children"] == []  # the articles are counted, not listed
    visible = content["indexes"]["news"].get_children().live().public().values_list("title")
    assert news["item_count"] == len(visible) >= 3, list(visible)
    assert f"({news['item_count']} mục)" in links.group(1)
    titles = tree_titles(tree)
    assert "Chuyên mục nội bộ" not in titles and "Trang con nội bộ" not in titles


def test_sitemap_in_english_and_fixed_queries(client, content):
    english = get_json(client, "/api/ward/sitemap/?locale=en")
    assert english["locale"] == "en"
    english_index = content["english_index"]
    assert english["tree"]["id"] == english_index.get_parent().pk  # the English home
    news = next(node for node in english["tree"]["children"] if node["id"] == english_index.pk)
    assert news["title"] == "News"
    assert news["item_count"] == 1  # the private English translation is not counted
    url = "/api/ward/sitemap/"
    before = queries(client, url)
    for n in range(3):
        ContentPageFactory(parent=content["home"], title=f"Trang {n}", slug=f"trang-{n}")
    add_pages(content["indexes"], 2)
    assert queries(client, url) == before
    assert before <= 8, before
    assert len(get_json(client, url)["tree"]["children"]) > 3
