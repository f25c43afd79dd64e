"""An article's own kept parts (its head, its header with the language switcher, the article's
head) are keyed on the article's own token and the site's structure token: another article's
publish leaves them kept, and whatever they show (the article itself, its translations, its
category, its picture, the pages above it) refreshes them on the next request."""

import datetime

import pytest
import time_machine
import wagtail_factories
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from tests.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from tests.html import soup, texts
from wagtail_ward import navigation
from wagtail_ward.models import PageContentVersion, SideBox, SideBoxKind
from wagtail_ward.templatetags import wagtail_ward_tags


@pytest.fixture
def news(ward_site, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        index = NewsIndexPageFactory(parent=home, title="Tin tức", show_in_menus=True)
        category = NewsCategoryFactory(name="Hành chính công", slug="hanh-chinh-cong")
        image = wagtail_factories.ImageFactory(title="Ảnh hội nghị")
        first = NewsPageFactory(
            parent=index, title="Tin đầu tiên", category=category, featured_image=image
        )
    return index, first, category, image


@pytest.fixture
def renders(monkeypatch):
    """How many times the page's language links were computed: only a part kept under the
    page's token (the head's alternate links, the header's switcher) computes them."""
    calls = []

    def counted(*args, **kwargs):
        calls.append(args)
        return navigation.language_links(*args, **kwargs)

    monkeypatch.setattr(wagtail_ward_tags, "language_links", counted)
    return calls


def alternates(response):
    return {
        link["hreflang"]: link["href"] for link in soup(response).select('link[rel="alternate"]')
    }


def test_another_articles_publish_leaves_the_articles_own_parts_kept(
    client, news, renders, django_capture_on_commit_callbacks
):
    index, first, _, _ = news
    client.get(first.url)
    assert renders  # rendered by the first reader
    token = PageContentVersion.objects.get(translation_key=first.translation_key).token
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=index, title="Tin mới đăng")
    renders.clear()
    response = client.get(first.url)
    assert renders == []  # the head and the header were served from the cache
    assert texts(response, "h1") == ["Tin đầu tiên"]
    assert "Tin mới đăng" in texts(response, ".ward-latest a")  # the lists are new
    assert PageContentVersion.objects.get(translation_key=first.translation_key).token == token


def test_the_articles_own_publish_refreshes_its_parts(
    client, news, renders, django_capture_on_commit_callbacks
):
    _, first, _, _ = news
    client.get(first.url)
    first.title = "Tin đầu tiên (sửa)"
    first.lead = "Tóm tắt mới."
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()
    renders.clear()
    response = client.get(first.url)
    assert renders
    assert texts(response, "h1") == ["Tin đầu tiên (sửa)"]
    assert texts(response, ".ward-article__lead") == ["Tóm tắt mới."]
    page = soup(response)
    assert page.select_one('meta[property="og:title"]')["content"].startswith("Tin đầu tiên (sửa)")


def test_a_draft_leaves_the_parts_kept(client, news, renders, django_capture_on_commit_callbacks):
    _, first, _, _ = news
    client.get(first.url)
    first.title = "Bản nháp"
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision()
    renders.clear()
    assert texts(client.get(first.url), "h1") == ["Tin đầu tiên"]
    assert renders == []


def test_category_and_picture_refresh_the_articles_head(
    client, news, django_capture_on_commit_callbacks
):
    _, first, category, image = news
    client.get(first.url)
    category.name = "Cải cách hành chính"
    with django_capture_on_commit_callbacks(execute=True):
        category.save()
    assert texts(client.get(first.url), ".ward-article__category") == ["Cải cách hành chính"]
    image.title = "Ảnh toàn cảnh hội nghị"
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    picture = soup(client.get(first.url)).select_one(".ward-article__image img")
    assert picture["alt"] == "Ảnh toàn cảnh hội nghị"


def test_a_translation_published_or_unpublished_refreshes_the_language_links(
    client, home, news, translate, django_capture_on_commit_callbacks
):
    index, first, _, _ = news
    english_home = translate(home)
    english_index = translate(index)
    assert alternates(client.get(first.url))["en"].endswith(english_home.url)
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(first.specific)
    response = client.get(first.url)
    assert alternates(response)["en"].endswith(english.url)
    switcher = [a["href"] for a in soup(response).select(".ward-languages a")]
    assert english.url in switcher
    # The English section's address changes: the link to the English article follows it.
    english_index = english_index.specific
    english_index.slug = "news-and-events"
    with django_capture_on_commit_callbacks(execute=True):
        english_index.save_revision().publish()
    english.refresh_from_db()
    assert "/news-and-events/" in english.url
    assert alternates(client.get(first.url))["en"].endswith(english.url)
    with django_capture_on_commit_callbacks(execute=True):
        english.unpublish()
    assert alternates(client.get(first.url))["en"].endswith(english_home.url)


def test_a_translation_made_private_is_served_from_no_kept_part(
    client, home, news, translate, django_capture_on_commit_callbacks
):
    index, first, _, _ = news
    translate(home)
    translate(index)
    english = translate(first.specific)
    assert alternates(client.get(first.url))["en"].endswith(english.url)
    assert texts(client.get(english.url), "h1") == ["Tin đầu tiên"]
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=english, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    # Wagtail gives the source page the same restriction: neither language shows the article.
    for url in (first.url, english.url):
        body = client.get(url).content.decode()
        assert "Tin đầu tiên" not in body
        assert 'rel="alternate"' not in body  # no kept head


@pytest.mark.parametrize("change", ["unpublish", "restrict", "expire"])
def test_an_article_taken_down_is_never_served_from_its_parts(
    client, news, change, django_capture_on_commit_callbacks
):
    _, first, _, _ = news
    assert texts(client.get(first.url), "h1") == ["Tin đầu tiên"]
    with django_capture_on_commit_callbacks(execute=True):
        if change == "unpublish":
            first.unpublish()
        elif change == "restrict":
            PageViewRestriction.objects.create(
                page=first, restriction_type=PageViewRestriction.PASSWORD, password="x"
            )
        else:
            first.specific.save_revision().publish()
            type(first).objects.filter(pk=first.pk).update(
                expire_at=timezone.now() + datetime.timedelta(minutes=1)
            )
    if change == "expire":
        with (
            time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("publish_scheduled")
            response = client.get(first.url)
    else:
        response = client.get(first.url)
    assert response.status_code in (200, 404)
    body = response.content.decode()
    assert "Tin đầu tiên" not in body
    assert "Tóm tắt tin bài." not in body


def test_side_boxes_are_kept_under_the_structure_and_a_new_box_shows(
    client, ward_site, vi, news, django_capture_on_commit_callbacks
):
    index, first, _, _ = news
    client.get(first.url)
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=index, title="Tin mới đăng")
    with CaptureQueriesContext(connection) as captured:
        client.get(first.url)
    read = " ".join(query["sql"] for query in captured)
    assert "wagtail_ward_sidebox" not in read  # which boxes: kept, no box on this site
    assert "wagtail_ward_wardsettings" not in read  # which side poll: kept
    with django_capture_on_commit_callbacks(execute=True):
        SideBox.objects.create(site=ward_site, kind=SideBoxKind.TEXT, title="Liên kết", locale=vi)
    assert "Liên kết" in texts(client.get(first.url), ".ward-side .ward-box__title")


def test_a_list_renders_again_only_when_what_it_shows_changes(
    client, news, monkeypatch, django_capture_on_commit_callbacks
):
    index, first, category, _ = news
    with django_capture_on_commit_callbacks(execute=True):
        newer = [
            NewsPageFactory(parent=index, title=f"Tin số {n}", category=category) for n in range(12)
        ]
    newest = newer[-1]
    response = client.get(newest.url)
    assert "Tin đầu tiên" not in texts(response, ".ward-other-news a")  # too old for the lists
    assert "Tin đầu tiên" not in texts(response, ".ward-latest a")
    addresses = []
    get_url = Page.get_url
    monkeypatch.setattr(
        Page, "get_url", lambda page, *a, **k: addresses.append(page.pk) or get_url(page, *a, **k)
    )
    first.lead = "Tóm tắt đã sửa."
    with django_capture_on_commit_callbacks(execute=True):
        first.save_revision().publish()  # shown in neither list
    response = client.get(newest.url)
    assert addresses == []  # neither list rendered again: what they show is the same
    shown = newer[-2]
    shown.title = "Tin số 10 (đã sửa)"
    with django_capture_on_commit_callbacks(execute=True):
        shown.save_revision().publish()
    response = client.get(newest.url)
    assert "Tin số 10 (đã sửa)" in texts(response, ".ward-other-news a")
    assert "Tin số 10 (đã sửa)" in texts(response, ".ward-latest a")
    assert shown.pk in addresses
