"""The news feeds give the newest ``NEWS_FEED_ITEMS`` articles, every article with ``?all=1``,
and are kept until the next publish."""

import datetime

import feedparser
import pytest
from django.test import override_settings

from tests.factories import NewsPageFactory
from tests.queries import assert_bad_archive_value_refused, kept_answer


@pytest.fixture
def articles(news_index):
    return [
        NewsPageFactory(parent=news_index, date=datetime.date(2025, 1, 1) + datetime.timedelta(n))
        for n in range(6)
    ]


def titles(response):
    assert response.status_code == 200, response.content[:300]
    return [entry.title for entry in feedparser.parse(response.content).entries]


@override_settings(WAGTAIL_WARD={"NEWS_FEED_ITEMS": 4})
def test_the_feeds_give_the_window_or_the_archive(client, news_index, articles):
    newest_first = [page.title for page in reversed(articles)]
    for route in ("rss/", "atom/"):
        assert titles(client.get(news_index.url + route)) == newest_first[:4]
        assert titles(client.get(news_index.url + route + "?all=1")) == newest_first
        assert titles(client.get(news_index.url + route + "?all=0")) == newest_first[:4]


def test_a_bad_archive_value_is_answered_400_naming_it(client, news_index, articles):
    assert_bad_archive_value_refused(client, news_index.url + "rss/")


def test_a_publish_shows_in_the_next_feed_and_a_kept_feed_costs_few_queries(
    client, news_index, articles
):
    url = news_index.url + "rss/"
    count, small = kept_answer(client, url, lambda response: len(titles(response)))
    assert count == 6
    fresh = NewsPageFactory(parent=news_index, date=datetime.date(2025, 2, 1))
    assert titles(client.get(url))[0] == fresh.title
    for n in range(10):
        NewsPageFactory(parent=news_index, date=datetime.date(2025, 3, 1) + datetime.timedelta(n))
    count, large = kept_answer(client, url, lambda response: len(titles(response)))
    assert count == 17
    assert len(large) == len(small) <= 10  # the routing of the index page, the token
    assert not any("wagtail_ward_news_newspage" in query["sql"] for query in large)
