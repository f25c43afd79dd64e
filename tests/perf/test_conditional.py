"""Conditional requests: pages, RSS/Atom feeds, iCal and API answers carry Cache-Control and a
validator and answer 304 when it matches; an editor's answer and a private page's are never
kept (issue 17)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import (
    ContentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    make_schedule,
    make_schedule_index,
)
from tests.html import BROWSER


@pytest.fixture
def content(home):
    news_index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news_index, title="Thông báo lịch tiếp công dân")
    schedule_index = make_schedule_index(home)
    make_schedule(schedule_index, entries=2)
    page = ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu")
    return {
        "page": page.url,
        "rss": news_index.url + "rss/",
        "atom": news_index.url + "atom/",
        "ical": schedule_index.url + "ical/",
        "api": f"/api/v2/news/?child_of={news_index.pk}",
    }


KINDS = ["page", "rss", "atom", "ical", "api"]


@pytest.mark.parametrize("kind", KINDS)
def test_answers_carry_a_validator_and_a_matching_one_gets_304(content, kind):
    client = Client(HTTP_USER_AGENT=BROWSER)
    client.get(content[kind])  # the first visit of the day is counted: the count shows next
    first = client.get(content[kind])
    assert first.status_code == 200
    assert "max-age=0" in first["Cache-Control"] and "must-revalidate" in first["Cache-Control"]
    assert "no-store" not in first["Cache-Control"]
    etag = first["ETag"]
    again = client.get(content[kind], headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    other = client.get(content[kind], headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200 and other.content == first.content


@pytest.mark.parametrize("kind", ["rss", "atom", "ical", "api"])
def test_feeds_and_api_are_public_and_answer_if_modified_since(content, kind):
    client = Client(HTTP_USER_AGENT=BROWSER)
    first = client.get(content[kind])
    assert "public" in first["Cache-Control"]
    modified = first["Last-Modified"]
    assert client.get(content[kind], headers={"If-Modified-Since": modified}).status_code == 304
    older = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert client.get(content[kind], headers={"If-Modified-Since": older}).status_code == 200


def test_the_ical_feed_is_the_same_file_a_minute_later(content, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    client = Client(HTTP_USER_AGENT=BROWSER)
    first = client.get(content["ical"])
    time_machine.shift(61)
    later = client.get(content["ical"], headers={"If-None-Match": first["ETag"]})
    assert later.status_code == 304


def test_a_publish_changes_the_validators(content, home, django_capture_on_commit_callbacks):
    client = Client(HTTP_USER_AGENT=BROWSER)
    before = client.get(content["rss"])
    index = NewsIndexPageFactory._meta.model.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=index, title="Tin mới đăng")
    after = client.get(content["rss"], headers={"If-None-Match": before["ETag"]})
    assert after.status_code == 200 and "Tin mới đăng" in after.content.decode()
    assert after["ETag"] != before["ETag"]


def test_an_editors_answer_is_never_kept_nor_validated(content):
    editor = get_user_model().objects.create_superuser("editor", "e@example.com", "pw")
    client = Client(HTTP_USER_AGENT=BROWSER)
    client.force_login(editor)
    for kind in ("page", "rss", "api"):
        response = client.get(content[kind])
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        assert not response.has_header("ETag") and not response.has_header("Last-Modified")


def test_a_password_protected_page_is_never_kept(home):
    page = ContentPageFactory(parent=home, title="Nội bộ", slug="noi-bo")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="mat-khau"
    )
    client = Client(HTTP_USER_AGENT=BROWSER)
    form = client.get(page.url)
    assert b"mat-khau" not in form.content  # the password form, not the page
    unlock = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    client.post(unlock, {"password": "mat-khau", "return_url": page.url})
    response = client.get(page.url)
    assert response.status_code == 200 and "Nội bộ" in response.content.decode()
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_an_answer_that_sets_a_cookie_is_private_to_shared_caches(poll, visitor):
    browser = visitor()
    vote = reverse("wagtail_ward:poll_vote", args=[poll.pk])
    choice = poll.choices.first().key
    data = {"choice": choice, "next": "/tham-do-y-kien/"}
    browser.post(vote, data, HTTP_ORIGIN="http://testserver")  # without JavaScript
    # The page after the vote shows its message and clears the message cookie: this reader's.
    response = browser.get("/tham-do-y-kien/")
    assert response.status_code == 200
    assert "messages" in response.cookies
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert not response.has_header("Last-Modified")
    api = visitor().get(reverse("wagtail_ward:poll_api", args=[poll.pk]))
    # "has_voted" is the voter's own: a shared cache keeps it per voter header and cookie.
    assert "X-Ward-Voter" in api["Vary"] and "Cookie" in api["Vary"]
    assert not api.has_header("Last-Modified")


def test_a_post_and_an_error_get_no_validator(content):
    client = Client(HTTP_USER_AGENT=BROWSER)
    missing = client.get("/khong-co-trang-nay/")
    assert missing.status_code == 404 and not missing.has_header("ETag")
