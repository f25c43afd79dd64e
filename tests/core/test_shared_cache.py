"""Pages a shared cache can keep (issue 17): for an anonymous reader the HTML of every public
page type is the same whoever asks for it (no CSRF token, no "you voted", no visit count), and
the answer is public, with no ``Vary: Cookie`` and no cookie set; the visit and the reader's
poll state come afterwards from small calls of the page's scripts."""

import datetime
import re

import pytest
import time_machine
from django.db import transaction
from django.test import Client

from tests.factories import (
    CitizenQuestionsPageFactory,
    OrganisationPageFactory,
    translate,
)
from tests.formats.conftest import build_ward
from tests.html import BROWSER
from tests.procedures.builders import make_procedure_index, sample, to_bytes
from tests.training.builders import make_programme, make_training_index
from wagtail_ward.models import CitizenQuestion, PollVote
from wagtail_ward.procedures.importers import import_procedures

NOW = "2026-03-11 03:00:00+00:00"


def build_pages():
    ward = build_ward()
    home = ward["vi"]["home"]
    organisation = OrganisationPageFactory(parent=home)
    questions = CitizenQuestionsPageFactory(parent=home)
    procedures = make_procedure_index(home)
    # One procedure of the sample is enough for the page type (the sample has 23).
    one = {**sample(), "procedures": sample()["procedures"][:1]}
    import_procedures(procedures, "procedures-vi.json", to_bytes(one))
    procedure = procedures.get_children().live().first()
    training = make_training_index(home)
    programme = make_programme(training)
    pages = {
        "home": home,
        "news_index": ward["vi"]["news_index"],
        "article": ward["vi"]["article"],
        "schedule_index": ward["vi"]["schedule_index"],
        "schedule": ward["vi"]["schedule"],
        "content": ward["vi"]["content"],
        "organisation": organisation,
        "questions": questions,
        "procedures": procedures,
        "procedure": procedure,
        "training": training,
        "programme": programme,
    }
    urls = {f"vi:{name}": page.url for name, page in pages.items()}
    for name, page in pages.items():
        english = ward["en"].get(name) or translate(page)
        urls[f"en:{name}"] = english.url
    urls["vi:search"] = "/search/?q=tin"
    urls["en:search"] = "/search/?q=article&locale=en"
    return urls


@pytest.fixture(scope="module")
def urls(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        time_machine.travel(NOW, tick=False),
    ):
        yield build_pages()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _each_test_rolls_back(db):
    """Every test here is a plain database test: what it changes is undone."""


def visitor(address, **cookies):
    client = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address, enforce_csrf_checks=True)
    for name, value in cookies.items():
        client.cookies[name] = value
    return client


def side_poll_vote(client, page_url):
    """Vote in the page's first poll with its form, as a browser without JavaScript does."""
    html = client.get(page_url).content.decode()
    action = re.search(r'<form class="ward-poll__form" method="post" action="([^"]+)"', html)
    choice = re.search(r'<input type="radio" name="choice" value="([^"]+)"', html)
    return client.post(
        action.group(1),
        {"choice": choice.group(1), "next": page_url},
        HTTP_ORIGIN="http://testserver",
    )


KEYS = [
    f"{language}:{name}"
    for language in ("vi", "en")
    for name in (
        "home",
        "news_index",
        "article",
        "schedule_index",
        "schedule",
        "content",
        "organisation",
        "questions",
        "procedures",
        "procedure",
        "training",
        "programme",
        "search",
    )
]


def test_two_anonymous_readers_get_the_same_bytes_that_a_shared_cache_may_keep(urls):
    with time_machine.travel(NOW, tick=False):
        first = visitor("203.0.113.1")
        # The second has voted (in the side poll, without JavaScript), was counted today and
        # holds a CSRF cookie: nothing of it may show in the page.
        second = visitor("198.51.100.2", csrftoken="c" * 32)
        assert side_poll_vote(second, urls["vi:home"]).status_code == 303
        assert "đã bình chọn" in second.get(urls["vi:home"]).content.decode()  # once, private
        report = second.post("/api/ward/visits/", data="{}", content_type="application/json")
        assert report.json()["counted"] is True
        assert PollVote.objects.count() == 1
        for key in KEYS:
            check_shared(key, first.get(urls[key]), second.get(urls[key]))


def check_shared(key, *answers):
    for answer in answers:
        assert answer.status_code == 200, key
        assert answer["Content-Type"].startswith("text/html"), key
        control = {part.strip() for part in answer["Cache-Control"].split(",")}
        assert "public" in control and not control & {"private", "no-store", "no-cache"}, key
        vary = {part.strip().lower() for part in answer.get("Vary", "").split(",")}
        assert "cookie" not in vary, key
        assert not answer.cookies and not answer.has_header("Set-Cookie"), key
        html = answer.content.decode()
        assert "csrfmiddlewaretoken" not in html, key
        assert "đã bình chọn" not in html and "You have voted" not in html, key
        assert "ward-poll__message ward-poll__message--" not in html, key
    assert answers[0].content == answers[1].content, key
    assert answers[0]["ETag"] == answers[1]["ETag"], key


def test_the_reader_state_comes_after_the_page(urls):
    """The page is the same for both; the poll box each one's script asks for is not."""
    with time_machine.travel(NOW, tick=False):
        voter = visitor("198.51.100.3")
        assert side_poll_vote(voter, urls["vi:home"]).status_code == 303
        newcomer = visitor("198.51.100.4")
        html = newcomer.get(urls["vi:home"]).content.decode()
        box_url = re.search(r'data-ward-poll-box="([^"]+)"', html).group(1)
        mine = voter.get(box_url)
        theirs = newcomer.get(box_url)
    assert "Quý vị đã bình chọn" in mine.content.decode()
    assert "ward-poll__form" not in mine.content.decode()
    assert "ward-poll__form" in theirs.content.decode()
    for answer in (mine, theirs):
        assert "no-store" in answer["Cache-Control"] and "private" in answer["Cache-Control"]
        assert "csrfmiddlewaretoken" not in answer.content.decode()


def test_a_bad_box_number_is_a_400_naming_it(urls):
    html = visitor("198.51.100.5").get(urls["vi:home"]).content.decode()
    box_url = re.search(r'data-ward-poll-box="([^"]+)\?', html).group(1)
    answer = visitor("198.51.100.5").get(box_url + "?box=abc")
    assert answer.status_code == 400 and "box" in answer.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/trang/"},
        {},  # neither: only Django's own check, with a token, lets it through
    ],
)
def test_a_vote_or_question_from_another_website_is_refused(urls, headers):
    with time_machine.travel(NOW, tick=False):
        client = visitor("198.51.100.6")
        html = client.get(urls["vi:home"]).content.decode()
        action = re.search(r'<form class="ward-poll__form" method="post" action="([^"]+)"', html)
        vote = client.post(action.group(1), {"choice": "x", "next": "/"}, **headers)
        assert vote.status_code == 403
        html = client.get(urls["vi:questions"]).content.decode()
        action = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
        question = client.post(action, {"question": "Câu hỏi từ nơi khác gửi đến"}, **headers)
        assert question.status_code == 403
    assert PollVote.objects.count() == 0
    assert CitizenQuestion.objects.count() == 0


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ORIGIN": "http://testserver"}, {"HTTP_REFERER": "http://testserver/hoi-dap/"}],
)
def test_a_question_from_the_page_itself_is_received(urls, headers):
    with time_machine.travel(NOW, tick=False):
        client = visitor("198.51.100.7")
        html = client.get(urls["en:questions"]).content.decode()
        action = re.search(r'<form method="post" action="([^"]+)"', html).group(1)
        started = re.search(r'name="started" value="([^"]+)"', html).group(1)
    later = datetime.datetime.fromisoformat(NOW) + datetime.timedelta(minutes=2)
    with time_machine.travel(later, tick=False):
        answer = client.post(
            action,
            {"question": "When is the one-stop desk open?", "started": started, "website": ""},
            **headers,
        )
    assert answer.status_code == 200
    assert "The office has received your question" in answer.content.decode()
    assert CitizenQuestion.objects.get().question == "When is the one-stop desk open?"
