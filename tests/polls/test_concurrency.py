"""Concurrent votes on a real database: none lost, none counted twice.

The votes go through the JSON endpoint from many threads, each with its own database connection,
and commit for real (``transaction=True``). ``serialized_rollback`` gives the flushed tables
(root page, default locale) back, as in tests/core/test_visits_concurrency.py.
"""

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Locale, Site

from tests.factories import make_ward_site
from tests.html import BROWSER
from wagtail_ward.models import PollVote, ResultsVisibility
from wagtail_ward.polls.presets import create_poll_from_preset
from wagtail_ward.polls.results import poll_results
from wagtail_ward.polls.voting import recount

CHOICES = ["truoc-han", "dung-han", "tre-hen-mot-it", "qua-tre-hen"]


def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            f"needs PostgreSQL for truly concurrent writes; the database is {connection.vendor} "
            "(set DATABASE_URL=postgres://...)"
        )


def _prepare_poll():
    vi = Locale.objects.get_or_create(language_code="vi")[0]
    Site.objects.all().delete()
    make_ward_site("lacvien.localhost", port=80, default=True)
    # A headless frontend votes here: the poll is marked public for other websites and apps.
    return create_poll_from_preset(
        "dossier_timeliness",
        vi,
        results_visibility=ResultsVisibility.ALWAYS,
        public_for_headless=True,
    )


def _vote(poll_id, number, token, barrier=None):
    try:
        client = Client(
            HTTP_USER_AGENT=BROWSER,
            REMOTE_ADDR=f"10.{number // 250 % 250}.{number % 250}.9",
        )
        if barrier is not None:
            barrier.wait(timeout=30)
        response = client.post(
            reverse("wagtail_ward:poll_api_vote", args=[poll_id]),
            data=json.dumps({"choice": CHOICES[number % 4]}),
            content_type="application/json",
            headers={"X-Ward-Voter": token},
        )
        return response.status_code
    finally:
        connection.close()


def _votes_from_threads(poll, votes, workers):
    with (
        override_settings(WAGTAIL_WARD={"POLL_RATE": "100000/m"}),
        ThreadPoolExecutor(max_workers=workers) as pool,
    ):
        return list(pool.map(lambda n: _vote(poll.pk, n, f"voter-{n:040d}"), range(votes)))


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_500_votes_from_20_threads_are_counted_exactly_on_postgresql():
    _require_postgresql()
    poll = _prepare_poll()
    statuses = _votes_from_threads(poll, votes=500, workers=20)
    assert statuses == [201] * 500
    assert PollVote.objects.filter(poll_key=poll.translation_key).count() == 500
    results = poll_results(poll)
    assert results.total == 500
    assert [row.count for row in results.rows] == [125, 125, 125, 125]
    # The totals each vote kept equal the rows (no lost update under concurrency).
    totals = dict(poll.totals().values_list("choice_key", "votes"))
    assert totals == recount(poll.translation_key) == dict.fromkeys(CHOICES, 125)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_voter_twice_at_the_same_moment_is_counted_once_on_postgresql():
    _require_postgresql()
    poll = _prepare_poll()
    rounds = 25
    with (
        override_settings(WAGTAIL_WARD={"POLL_RATE": "100000/m"}),
        ThreadPoolExecutor(max_workers=2) as pool,
    ):
        for n in range(rounds):
            barrier = threading.Barrier(2)
            token = f"twin-{n:040d}"
            statuses = sorted(
                pool.map(lambda i, t=token, b=barrier: _vote(poll.pk, i, t, b), [n, n])
            )
            assert statuses == [201, 409]
    assert PollVote.objects.filter(poll_key=poll.translation_key).count() == rounds
    assert poll_results(poll).total == rounds
    # The refused twin added nothing to the totals either.
    assert sum(poll.totals().values_list("votes", flat=True)) == rounds


def _own_count(poll_id, number):
    """Vote, and return the answer's count of the voted answer as the vote's answer gives it."""
    try:
        choice = CHOICES[number % 4]
        response = Client(HTTP_USER_AGENT=BROWSER).post(
            reverse("wagtail_ward:poll_api_vote", args=[poll_id]),
            data=json.dumps({"choice": choice}),
            content_type="application/json",
            headers={"X-Ward-Voter": f"own-{number:040d}"},
        )
        assert response.status_code == 201
        rows = response.json()["poll"]["results"]["choices"]
        return choice, next(row["count"] for row in rows if row["key"] == choice)
    finally:
        connection.close()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_concurrent_vote_answers_the_total_it_made_on_postgresql():
    """The per-answer totals are added to atomically: the 50 votes for one answer, sent from
    20 threads at once, answer the counts 1 to 50, each once (none read a total another vote
    was writing), and the first vote of each answer creates its total exactly once."""
    _require_postgresql()
    poll = _prepare_poll()
    with (
        override_settings(WAGTAIL_WARD={"POLL_RATE": "100000/m"}),
        ThreadPoolExecutor(max_workers=20) as pool,
    ):
        answers = list(pool.map(lambda n: _own_count(poll.pk, n), range(200)))
    for choice in CHOICES:
        assert sorted(count for key, count in answers if key == choice) == list(range(1, 51))
    totals = dict(poll.totals().values_list("choice_key", "votes"))
    assert totals == recount(poll.translation_key) == dict.fromkeys(CHOICES, 50)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_votes_are_counted_exactly_on_any_database():
    """SQLite too: its writes are serialised by its own lock."""
    poll = _prepare_poll()
    statuses = _votes_from_threads(poll, votes=80, workers=4)
    assert statuses == [201] * 80
    assert poll_results(poll).total == 80
    totals = dict(poll.totals().values_list("choice_key", "votes"))
    assert totals == recount(poll.translation_key) == dict.fromkeys(CHOICES, 20)
