"""The cached fragments of an article ({% ward_cache %}) never show stale content.

Each test first reads the pages so that their parts are kept, then changes something the way an
editor (or another server process) would, and reads again.
"""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import NewsIndexPageFactory, NewsPageFactory, make_private
from tests.html import texts
from wagtail_ward.models import ContentVersion

from .test_pages import article_post_data


@pytest.fixture
def pair(news_index, category):
    older = NewsPageFactory(
        parent=news_index,
        title="Khai giảng lớp bồi dưỡng",
        slug="khai-giang",
        category=category,
        date=datetime.date(2025, 3, 1),
    )
    newer = NewsPageFactory(
        parent=news_index,
        title="Lịch tiếp công dân tháng 3",
        slug="tiep-cong-dan",
        category=category,
        date=datetime.date(2025, 3, 2),
    )
    return older, newer


def text_of(client, url, selector):
    return " | ".join(texts(client.get(url), selector))


def other_news(client, page):
    return text_of(client, page.url, ".ward-other-news li")


def latest_news(client, page):
    return text_of(client, page.url, ".ward-latest li")


def test_a_second_reader_gets_the_cached_fragments_without_their_queries(client, pair):
    older, _ = pair
    client.get(older.url)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(older.url)
    sql = " ".join(query["sql"] for query in captured)
    assert "wagtail_ward_news_newscategory" not in sql  # the category label is kept
    assert "wagtail_ward_indexeditem" not in sql  # so is "latest news"
    assert "taggit_tag" not in sql
    assert "Lịch tiếp công dân tháng 3" in again.content.decode()


def test_a_newly_published_article_shows_on_pages_kept_before(client, pair, news_index, category):
    older, newer = pair
    assert "Tin mới phát hành" not in other_news(client, older)
    assert "Tin mới phát hành" not in latest_news(client, newer)
    fresh = NewsPageFactory.build(
        title="Tin mới phát hành", slug="moi", category=category, date=datetime.date(2025, 3, 5)
    )
    fresh.live = False
    news_index.add_child(instance=fresh)
    fresh.save_revision().publish()
    assert "Tin mới phát hành" in other_news(client, older)
    assert "Tin mới phát hành" in latest_news(client, newer)


def test_an_unpublished_or_restricted_article_leaves_pages_kept_before(client, pair):
    older, newer = pair
    assert "Lịch tiếp công dân" in other_news(client, older)
    assert "Lịch tiếp công dân" in latest_news(client, older)
    restriction = make_private(newer)
    assert "Lịch tiếp công dân" not in other_news(client, older)
    assert "Lịch tiếp công dân" not in latest_news(client, older)
    restriction.delete()
    assert "Lịch tiếp công dân" in other_news(client, older)
    newer.unpublish()
    assert "Lịch tiếp công dân" not in other_news(client, older)
    assert "Lịch tiếp công dân" not in latest_news(client, older)


def test_restricting_a_parent_section_hides_its_articles_from_kept_lists(
    client, pair, home, category
):
    older, _ = pair
    internal = NewsIndexPageFactory(parent=home, title="Tin nội bộ", slug="noi-bo")
    NewsPageFactory(parent=internal, title="Họp giao ban nội bộ", category=category)
    assert "Họp giao ban nội bộ" in latest_news(client, older)
    PageViewRestriction.objects.create(
        page=internal, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert "Họp giao ban nội bộ" not in latest_news(client, older)


def test_an_edited_article_and_a_renamed_category_show_at_once(client, pair, category):
    older, newer = pair
    assert "Hành chính công" in text_of(client, older.url, ".ward-article__category")
    category.name = "Cải cách hành chính"
    category.save()
    assert text_of(client, older.url, ".ward-article__category") == "Cải cách hành chính"
    newer.title = "Lịch tiếp công dân tháng 4"
    newer.save_revision().publish()
    assert "tháng 4" in other_news(client, older)
    assert text_of(client, newer.url, "h1") == "Lịch tiếp công dân tháng 4"


def test_a_draft_neither_changes_the_live_page_nor_the_token(client, pair):
    older, _ = pair
    client.get(older.url)
    before = ContentVersion.objects.get().token
    older.title = "Tiêu đề nháp chưa duyệt"
    older.save_revision()
    assert ContentVersion.objects.get().token == before
    assert text_of(client, older.url, "h1") == "Khai giảng lớp bồi dưỡng"


def test_a_preview_is_never_cached_nor_served_from_the_cache(client, admin_user, pair):
    older, _ = pair
    client.get(older.url)  # the live parts are kept
    editor = Client()
    editor.force_login(admin_user)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[older.pk])
    data = article_post_data("Bản xem trước", older.slug, older.category)
    assert editor.post(preview_url, data).json()["is_valid"] is True
    preview = BeautifulSoup(editor.get(preview_url).content, "html.parser")
    # The title sits in a cached fragment of the live page: the preview renders it afresh.
    assert preview.h1.get_text(strip=True) == "Bản xem trước"
    # ... and keeps nothing: the live page still shows the published title, to everyone.
    assert text_of(client, older.url, "h1") == "Khai giảng lớp bồi dưỡng"
    assert text_of(editor, older.url, "h1") == "Khai giảng lớp bồi dưỡng"


def test_a_change_made_by_another_process_shows_here(client, pair):
    """Another server process changes the database and the token: no signal reaches this one,
    whose cache still holds the old parts. The token read from the database retires them."""
    older, newer = pair
    assert "Lịch tiếp công dân tháng 3" in other_news(client, older)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE wagtailcore_page SET title = %s WHERE id = %s",
            ["Lịch tiếp công dân quý II", newer.pk],
        )
        cursor.execute("UPDATE wagtail_ward_contentversion SET token = %s WHERE id = 1", ["0" * 32])
        # The page's site has a token of its own, which that process's publish replaces too.
        cursor.execute("UPDATE wagtail_ward_sitecontentversion SET token = %s", ["1" * 32])
    assert "Lịch tiếp công dân quý II" in other_news(client, older)


def test_the_print_view_and_the_article_are_kept_apart(client, pair):
    older, _ = pair
    normal = client.get(older.url).content.decode()
    printed = client.get(older.url + "?print").content.decode()
    routed = client.get(older.url + "print/").content.decode()
    assert "ward-nav" in normal and "In tin bài" in normal
    for html in (printed, routed):
        assert "ward-header--print" in html
        assert "ward-nav" not in html and "In tin bài" not in html
    assert "ward-header--print" not in client.get(older.url).content.decode()


def test_the_english_translation_keeps_its_own_parts(client, pair, translate, category):
    older, newer = pair
    translate(category, {"Hành chính công": "Public administration"})
    english = translate(older, {"Khai giảng lớp bồi dưỡng": "Training course opens"})
    translate(newer, {"Lịch tiếp công dân tháng 3": "Citizen reception in March"})
    assert "Lịch tiếp công dân tháng 3" in other_news(client, older)
    assert "Citizen reception in March" in other_news(client, english)
    vietnamese_html = client.get(older.url).content.decode()
    english_html = client.get(english.url).content.decode()
    assert "Các tin khác" in vietnamese_html and "Other news" not in vietnamese_html
    assert "Other news" in english_html and "Các tin khác" not in english_html
    assert "Public administration" in english_html


def test_no_cached_fragments_when_switched_off(client, pair, settings):
    settings.WAGTAIL_WARD = {"FRAGMENT_CACHE_SECONDS": 0}
    older, _ = pair
    client.get(older.url)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(older.url).content.decode()
    sql = " ".join(query["sql"] for query in captured)
    assert "wagtail_ward_contentversion" not in sql
    assert "wagtail_ward_news_newscategory" in sql
    assert "Lịch tiếp công dân tháng 3" in html


def test_the_token_is_read_once_per_request(client, pair):
    older, _ = pair
    client.get(older.url)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(older.url).content.decode()
    reads = [query for query in captured if "wagtail_ward_contentversion" in query["sql"]]
    assert len(reads) == 1  # every fragment of the page is looked up under the same token
    assert "Lịch tiếp công dân tháng 3" in html
