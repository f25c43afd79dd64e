"""While the database cannot be reached, pages, votes and visits answer 503 with ``Retry-After``
(``wagtail_ward.unavailable.DatabaseUnavailableMiddleware``), never a 500; nothing is half
written; once the database answers again, so do they. The database is "down" by patching the
cursor to raise what psycopg raises then."""

import json
from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from tests.factories import ContentPageFactory
from tests.html import BROWSER
from wagtail_ward.models import DailyVisitCount, PollTotal, PollVote
from wagtail_ward.polls.presets import create_poll_from_preset

pytestmark = pytest.mark.django_db
TOKEN = "v" * 43
# The statements that keep the test's own transaction whole still run.
TRANSACTION_CONTROL = ("SAVEPOINT", "RELEASE", "ROLLBACK")


@contextmanager
def database_down(error=OperationalError, table=""):
    """Every statement (or only those naming ``table``) fails with ``error``."""
    original = CursorWrapper.execute

    def execute(self, sql, params=None):
        statement = sql.lstrip().upper()
        if not statement.startswith(TRANSACTION_CONTROL) and table.upper() in statement:
            raise error("connection to server at 127.0.0.1, port 5432 failed: refused")
        return original(self, sql, params)

    with mock.patch.object(CursorWrapper, "execute", execute):
        yield


@pytest.fixture(autouse=True)
def middleware(settings):
    """Where the demo has it: after CorsMiddleware, before the middleware reading the database."""
    middleware = list(settings.MIDDLEWARE)
    after = middleware.index("corsheaders.middleware.CorsMiddleware") + 1
    middleware.insert(after, "wagtail_ward.unavailable.DatabaseUnavailableMiddleware")
    settings.MIDDLEWARE = middleware


@pytest.fixture
def poll(ward_site, vi):
    poll = create_poll_from_preset("dossier_timeliness", vi, public_for_headless=True)
    ContentPageFactory(parent=ward_site.root_page, title="Thăm dò", body=[("poll", {"poll": poll})])
    return poll


def browser():
    """A browser; an error Django turns into a response is not raised again in the test."""
    return Client(HTTP_USER_AGENT=BROWSER, raise_request_exception=False)


def vote(poll):
    return browser().post(
        f"/api/ward/polls/{poll.pk}/vote/",
        data=json.dumps({"choice": "dung-han"}),
        content_type="application/json",
        headers={"X-Ward-Voter": TOKEN},
    )


def visit():
    client = browser()
    return client.post("/api/ward/visits/", data="{}", content_type="application/json")


def flush_pending_commits():
    """The test settings run the fixtures' on-commit work at the next request (tests/commits.py):
    let it run while the database is up."""
    assert browser().get("/").status_code == 200


def assert_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_pages_votes_and_visits_answer_503_with_retry_after_then_work_again(poll, error):
    flush_pending_commits()
    with database_down(error):
        page = browser().get("/")
        voted = vote(poll)
        visited = visit()
    assert_unavailable(page)
    assert page["Content-Type"].startswith("text/html")
    # In the page's language (Vietnamese at /), without the database or a template.
    assert '<html lang="vi">' in page.content.decode()
    assert "thử lại sau 5 giây" in page.content.decode()
    for answer in (voted, visited):
        assert_unavailable(answer)
        assert answer.json()["code"] == "unavailable"
    assert not PollVote.objects.exists()
    assert not DailyVisitCount.objects.exists()

    assert browser().get("/").status_code == 200
    assert vote(poll).status_code == 201
    assert visit().json()["counted"] is True
    assert PollVote.objects.count() == 1
    assert DailyVisitCount.objects.get().count == 1


def test_a_vote_that_fails_half_way_leaves_nothing_written(poll):
    """The vote row is inserted, then adding it to the answer's total fails: both go."""
    flush_pending_commits()
    with database_down(table="wagtail_ward_polltotal"):
        answer = vote(poll)
    assert_unavailable(answer)
    assert not PollVote.objects.exists()
    assert not PollTotal.objects.exists()


def test_other_errors_are_not_turned_into_503(ward_site):
    flush_pending_commits()
    with mock.patch.object(CursorWrapper, "execute", side_effect=ZeroDivisionError):
        page = browser().get("/")
    assert page.status_code == 500
    assert "Retry-After" not in page
