"""The news index finds an article in one query, not two."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import NewsPageFactory
from wagtail_ward.fragments import bump_content_version

pytestmark = pytest.mark.django_db


def _article(news_index, category, slug="tin-mot", **fields):
    article = NewsPageFactory(
        parent=news_index,
        title="Tin một",
        slug=slug,
        category=category,
        featured_image=wagtail_factories.ImageFactory(title="Ảnh"),
        **fields,
    )
    article.tags.add("phường")
    article.save_revision().publish()
    return article


def test_an_article_is_read_once_when_routed(client, news_index, category):
    article = _article(news_index, category)
    client.get(article.url)
    bump_content_version()  # the first reader after a change renders every part
    with CaptureQueriesContext(connection) as captured:
        response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tin một" in html and "Hành chính công" in html and "phường" in html
    sqls = [query["sql"] for query in captured]
    routing = [sql for sql in sqls if '"wagtailcore_page"."slug" = ' in sql]
    # The section (Wagtail's own routing from the home page), then the article's own row.
    assert len(routing) == 2, routing
    table = news_index.article_model()._meta.db_table  # the project's own in the subclassed run
    assert f'FROM "{table}"' in routing[1], routing[1]
    specific = [sql for sql in sqls if f'WHERE "{table}"."page_ptr_id" = ' in sql]
    assert not specific, specific  # no second read of the article's own row


def test_the_index_routes_still_come_first_and_other_paths_go_wagtails_way(
    client, news_index, category
):
    article = _article(news_index, category)
    assert client.get(article.url + "print/").status_code == 200
    assert client.get(news_index.url + "category/hanh-chinh-cong/").status_code == 200
    assert client.get(news_index.url + "rss/").status_code == 200
    assert client.get(news_index.url + "khong-co/").status_code == 404
    assert client.get(article.url + "khong-co/").status_code == 404
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_an_article_whose_slug_is_a_route_of_the_index_is_not_served_there(
    client, news_index, category
):
    # Wagtail's routable pages answer their own routes before their children, as before.
    _article(news_index, category, slug="rss")
    response = client.get(news_index.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
