"""What grows with the years: /sitemap.xml is kept until the next change of its site, and the
news search filters by index in the database, whatever the other sites hold."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ContentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    make_ward_site,
)
from tests.html import soup


def test_a_kept_sitemap_costs_few_queries_and_a_publish_shows_at_once(client, home):
    ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu")
    first = client.get("/sitemap.xml")
    assert first.status_code == 200
    assert b"/gioi-thieu/" in first.content
    listed = first.content.count(b"<url>")
    with CaptureQueriesContext(connection) as small:
        assert client.get("/sitemap.xml").content == first.content
    ContentPageFactory(parent=home, title="Liên hệ", slug="lien-he")
    fresh = client.get("/sitemap.xml")
    assert b"/lien-he/" in fresh.content
    for n in range(15):
        ContentPageFactory(parent=home, title=f"Trang {n}", slug=f"trang-{n}")
    assert client.get("/sitemap.xml").content.count(b"<url>") == listed + 16
    with CaptureQueriesContext(connection) as large:
        kept = client.get("/sitemap.xml")
    assert kept.content.count(b"<url>") == listed + 16
    assert kept["Content-Type"].startswith("application/xml")
    assert len(large) == len(small) <= 4
    assert not any('FROM "wagtailcore_page"' in q["sql"] for q in large)  # no page listed
    assert client.get("/sitemap.xml?p=x").status_code == 404


def search_titles(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return [a.get_text(strip=True) for a in soup(response).select(".ward-news__title a")]


def test_news_search_filters_by_index_in_the_database(client, home):
    here = NewsIndexPageFactory(parent=home, slug="tin-tuc")
    other_home = make_ward_site("maychai.localhost", default=False).root_page
    there = NewsIndexPageFactory(parent=other_home, slug="tin-tuc")
    day = datetime.date(2025, 1, 1)
    for n in range(3):
        NewsPageFactory(parent=here, title=f"Đường phố số {n}", date=day + datetime.timedelta(n))
    NewsPageFactory(parent=here, title="Lịch tiếp dân", date=day)
    for n in range(2):
        NewsPageFactory(parent=there, title=f"Đường làng {n}", date=day)

    def searched():
        search_titles(client, here.url, "duong")  # the first reader keeps the page's parts
        with CaptureQueriesContext(connection) as queries:
            titles = search_titles(client, here.url, "duong")
        full_text = [q["sql"] for q in queries if " MATCH " in q["sql"] or "@@" in q["sql"]]
        assert full_text, "the search ran no full-text query"
        # Every full-text query is narrowed to the index's part of the tree in the database.
        assert all("path" in sql for sql in full_text)
        return titles, len(queries)

    titles, few = searched()
    assert titles == ["Đường phố số 2", "Đường phố số 1", "Đường phố số 0"]
    for n in range(12):
        NewsPageFactory(parent=there, title=f"Đường xã {n}", date=day)
    NewsPageFactory(parent=here, title="Đường mới", date=day + datetime.timedelta(9))
    titles, many = searched()
    assert titles[0] == "Đường mới" and len(titles) == 4
    assert many == few


def test_a_search_in_an_archive_month_keeps_to_that_month(client, home):
    index = NewsIndexPageFactory(parent=home, slug="tin-tuc")
    NewsPageFactory(parent=index, title="Đường tháng một", date=datetime.date(2025, 1, 31))
    NewsPageFactory(parent=index, title="Đường tháng hai", date=datetime.date(2025, 2, 1))
    NewsPageFactory(parent=index, title="Đường năm trước", date=datetime.date(2024, 12, 31))
    assert search_titles(client, index.url + "archive/2025/1/", "duong") == ["Đường tháng một"]
    assert search_titles(client, index.url + "archive/2025/", "duong") == [
        "Đường tháng hai",
        "Đường tháng một",
    ]
    assert client.get(index.url + "archive/2025/13/", {"q": "duong"}).status_code == 404
