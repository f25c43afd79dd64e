"""Search inside the news ignores accents and đ; the feeds are valid RSS 2.0 and Atom."""

import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.db.models import QuerySet

from tests.factories import NewsPageFactory
from tests.html import texts
from wagtail_ward.news.models.search import search_articles


def titles(client, url):
    return texts(client.get(url), ".ward-news__title a")


@pytest.fixture
def training_article(news_index, category):
    return NewsPageFactory(
        parent=news_index,
        title="Đào tạo dự nguồn cán bộ chủ chốt phường",
        lead="Thành phố chọn 150 cử nhân để bồi dưỡng trong 30 tháng.",
        category=category,
        body=[("paragraph", "<p>Học viên được hưởng phụ cấp hằng tháng.</p>")],
    )


@pytest.mark.parametrize(
    "query",
    ["dao tao", "Dao Tao", "đào tạo", "DAO TAO DU NGUON", "phu cap hang thang", "hanh chinh cong"],
)
def test_search_ignores_accents_and_d_stroke(client, news_index, training_article, query):
    NewsPageFactory(parent=news_index, title="Lịch tiếp công dân", lead="Tiếp dân định kỳ.")
    assert titles(client, f"{news_index.url}?q={query}") == [training_article.title]


def test_search_needs_every_word_and_stays_in_the_category(
    client, news_index, training_article, other_category
):
    NewsPageFactory(parent=news_index, title="Đào tạo nghề cho thanh niên", category=other_category)
    assert titles(client, f"{news_index.url}?q=dao+tao+can+bo") == [training_article.title]
    assert titles(client, f"{news_index.url}category/tin-hoat-dong/?q=dao+tao") == [
        "Đào tạo nghề cho thanh niên"
    ]
    assert titles(client, f"{news_index.url}?q=khong+co+tu+nay") == []


def test_editing_an_article_reindexes_its_folded_text(client, news_index, training_article):
    training_article.title = "Tuyển sinh lớp bồi dưỡng"
    training_article.save_revision().publish()
    assert titles(client, f"{news_index.url}?q=tuyen+sinh") == ["Tuyển sinh lớp bồi dưỡng"]


# Feeds --------------------------------------------------------------------------------------


@pytest.fixture
def feed_articles(news_index, category, other_category):
    first = NewsPageFactory(
        parent=news_index,
        title="Hội nghị sơ kết <6 tháng> & kế hoạch",
        lead='Lãnh đạo phường nói: "tiếp tục cải cách" <b>không phải thẻ</b>.',
        category=category,
        date=datetime.date(2025, 7, 15),
    )
    second = NewsPageFactory(
        parent=news_index,
        title="Khám bệnh miễn phí cho gia đình chính sách",
        category=other_category,
        date=datetime.date(2025, 7, 20),
    )
    return first, second


def parse(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return feed


def test_rss_feed_is_valid_rss2(client, news_index, feed_articles):
    first, second = feed_articles
    feed = parse(client, news_index.url + "rss/", "application/rss+xml")
    assert feed.version == "rss20"
    assert feed.feed.title == news_index.title
    assert feed.feed.link == "http://testserver" + news_index.url
    assert feed.feed.language == "vi"
    assert [entry.title for entry in feed.entries] == [second.title, first.title]
    entry = feed.entries[1]
    # Text is escaped on the way in and comes back unchanged.
    assert entry.title == "Hội nghị sơ kết <6 tháng> & kế hoạch"
    assert entry.link == "http://testserver" + first.url
    assert entry.published_parsed[:3] == (2025, 7, 14)  # midnight in Vietnam is 17:00 UTC
    assert [tag.term for tag in entry.tags] == ["Hành chính công"]
    assert "tiếp tục cải cách" in entry.summary
    response = client.get(news_index.url + "rss/").content.decode()
    assert "<b>không phải thẻ</b>" not in response
    assert "&lt;6 tháng&gt; &amp; kế hoạch" in response


def test_atom_feed_is_valid_atom(client, news_index, feed_articles):
    first, second = feed_articles
    feed = parse(client, news_index.url + "atom/", "application/atom+xml")
    assert feed.version == "atom10"
    assert feed.feed.title == news_index.title
    for entry in feed.entries:
        assert entry.id and entry.title and entry.link and entry.updated
    assert [entry.title for entry in feed.entries] == [second.title, first.title]


@pytest.mark.parametrize(("kind", "version"), [("rss", "rss20"), ("atom", "atom10")])
def test_category_feeds_hold_only_their_category(client, news_index, feed_articles, kind, version):
    first, _second = feed_articles
    feed = parse(client, f"{news_index.url}category/hanh-chinh-cong/{kind}/", "application/")
    assert feed.version == version
    assert feed.feed.title == f"{news_index.title} – Hành chính công"
    assert [entry.title for entry in feed.entries] == [first.title]


def test_english_feed_is_in_english(client, news_index, feed_articles, translate):
    english_index = translate(news_index, {"Tin tức": "News"})
    translate(feed_articles[1], {feed_articles[1].title: "Free check-ups for families"})
    feed = parse(client, english_index.url + "rss/", "application/rss+xml")
    assert feed.feed.language == "en"
    assert feed.feed.title == "News"
    assert [entry.title for entry in feed.entries] == ["Free check-ups for families"]


def test_index_page_links_its_feeds(client, news_index, feed_articles):
    page = BeautifulSoup(client.get(news_index.url).content.decode(), "html.parser")
    alternates = {link["type"]: link["href"] for link in page.select("link[rel=alternate][type]")}
    assert alternates == {
        "application/rss+xml": news_index.url + "rss/",
        "application/atom+xml": news_index.url + "atom/",
    }


def test_search_runs_the_full_text_match_once_and_finds_what_the_backend_finds(
    news_index, training_article
):
    """On SQLite the backend's own query runs the FTS5 match once per indexed article (a search
    whose word is in most articles grew with the square of their number); ours runs it once,
    as a list, and finds the same articles in the same order."""
    for n in range(3):
        NewsPageFactory(parent=news_index, title=f"Tin phường số {n}", lead="Dân cư tổ 3.")
    items = news_index.get_news_items()
    for query in ("phuong", "dao tao", "tin so", "khong co"):
        found = search_articles(items, query)
        backend = items.search(query, operator="and")
        expected = sorted(backend, key=lambda a: (a.date, a.pk), reverse=True)
        assert [a.pk for a in found] == [a.pk for a in expected], query
    assert isinstance(found, QuerySet) == (connection.vendor == "sqlite")
    if connection.vendor == "sqlite":
        sql, params = search_articles(items, "phuong").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = [row[-1] for row in cursor.fetchall()]
        scans = [step for step in plan if "VIRTUAL TABLE" in step]
        assert scans and all("INDEX 0:M" in step for step in scans), plan  # no rowid probe
