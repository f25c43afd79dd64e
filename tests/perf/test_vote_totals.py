"""Per-answer totals kept by each vote equal the vote rows; the cached public state of a poll
follows publishing, editing and expiry (issue 17: votes at half the speed of a bare insert)."""

import datetime
import importlib
import json

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import ContentPageFactory
from wagtail_ward.fragments import content_version
from wagtail_ward.models import PollTotal, PollVote
from wagtail_ward.polls.presets import create_poll_from_preset
from wagtail_ward.polls.results import poll_results
from wagtail_ward.polls.voting import cast_vote, recount

CHOICES = ["truoc-han", "dung-han", "tre-hen-mot-it", "qua-tre-hen"]


def _rows(poll):
    counts = {}
    for key in PollVote.objects.filter(poll_key=poll.translation_key).values_list(
        "choice_key", flat=True
    ):
        counts[key] = counts.get(key, 0) + 1
    return counts


def _totals(poll):
    return dict(
        PollTotal.objects.filter(poll_key=poll.translation_key, votes__gt=0).values_list(
            "choice_key", "votes"
        )
    )


def _vote(client, poll, choice, token):
    return client.post(
        reverse("wagtail_ward:poll_api_vote", args=[poll.pk]),
        data=json.dumps({"choice": choice}),
        content_type="application/json",
        headers={"X-Ward-Voter": token},
    )


def test_totals_equal_the_vote_rows_after_an_interleaved_sequence(poll, visitor, translate):
    english = translate(poll)
    statuses, expected, voted = [], [], set()
    # Voters come back, vote twice, in both languages and with unknown answers, interleaved.
    for n in range(30):
        target = english if n % 3 == 0 else poll
        choice = CHOICES[n * 7 % 4] if n % 5 else "no-such-answer"
        token = f"voter-{n % 17:040d}"
        statuses.append(_vote(visitor(), target, choice, token).status_code)
        expected.append(400 if n % 5 == 0 else 409 if token in voted else 201)
        if n % 5:
            voted.add(token)
    assert statuses == expected
    assert expected.count(201) == 16 and expected.count(409) == 8
    assert _totals(poll) == _rows(poll)
    assert sum(_totals(poll).values()) == 16
    results = poll_results(poll)
    assert results.total == 16 and sum(row.percent for row in results.rows) == 100
    assert poll_results(english).total == 16


def test_a_refused_vote_adds_nothing_to_the_totals(poll):
    token = "t" * 43
    assert cast_vote(poll, "dung-han", token, "10.0.0.1").code == "counted"
    assert cast_vote(poll, "truoc-han", token, "10.0.0.1").code == "already_voted"
    assert cast_vote(poll, "nope", "u" * 43, "10.0.0.2").code == "unknown_choice"
    assert _totals(poll) == {"dung-han": 1} == _rows(poll)


def test_recount_and_the_migration_rebuild_the_totals_from_the_rows(poll):
    for n in range(9):
        cast_vote(poll, CHOICES[n % 3], f"r{n}".ljust(43, "x"), "10.0.0.3")
    PollVote.objects.filter(poll_key=poll.translation_key, choice_key="truoc-han").delete()
    assert _totals(poll) != _rows(poll)  # deleted by hand: the totals no longer match
    assert recount(poll.translation_key) == _rows(poll) == _totals(poll)
    migration = importlib.import_module("wagtail_ward.migrations.0009_poll_totals")
    PollTotal.objects.all().delete()
    migration.backfill_totals(apps, None)
    assert _totals(poll) == _rows(poll) == {"dung-han": 3, "tre-hen-mot-it": 3}


def test_the_cached_public_state_follows_unpublish_edits_and_expiry(
    ward_site, vi, visitor, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    poll = create_poll_from_preset("dossier_timeliness", vi)
    page = ContentPageFactory(
        parent=ward_site.root_page,
        body=[("poll", {"poll": poll})],
        expire_at=timezone.now() + datetime.timedelta(hours=2),
    )
    assert _vote(visitor(), poll, "dung-han", "a" * 43).status_code == 201
    # An hour later the page still shows the poll; past its expiry time it no longer does,
    # although nothing was published meanwhile (no new content token).
    time_machine.shift(datetime.timedelta(hours=1))
    assert _vote(visitor(), poll, "dung-han", "b" * 43).status_code == 201
    time_machine.shift(datetime.timedelta(hours=1, seconds=1))
    assert _vote(visitor(), poll, "dung-han", "c" * 43).status_code == 404
    page.expire_at = None
    page.save_revision().publish()
    assert _vote(visitor(), poll, "dung-han", "d" * 43).status_code == 201
    page.unpublish()
    assert _vote(visitor(), poll, "dung-han", "e" * 43).status_code == 404
    poll.public_for_headless = True  # an edit of the poll retires the cached state too
    poll.save()
    assert _vote(visitor(), poll, "dung-han", "f" * 43).status_code == 201
    poll.public_for_headless = False
    poll.save()
    assert _vote(visitor(), poll, "dung-han", "g" * 43).status_code == 404
    assert _totals(poll) == _rows(poll) == {"dung-han": 4}


@pytest.mark.parametrize("seconds", [0, 600])
def test_votes_count_with_and_without_the_fragment_cache(poll, visitor, settings, seconds):
    settings.WAGTAIL_WARD = {"FRAGMENT_CACHE_SECONDS": seconds}
    for n in range(3):
        assert _vote(visitor(), poll, CHOICES[n], f"s{n}".ljust(43, "x")).status_code == 201
    assert _totals(poll) == _rows(poll)


@pytest.mark.postgresql
def test_a_vote_is_one_statement_after_the_token_on_postgresql(poll, visitor, translate):
    """On PostgreSQL the vote row, its answer's total and the totals the answer shows are one
    statement; the content token is the only other query. The answer's results are the totals
    as stored, votes through either translation included."""
    if connection.vendor != "postgresql":
        pytest.skip(f"needs PostgreSQL (DATABASE_URL); the database is {connection.vendor}")
    english = translate(poll)
    content_version()  # the token row exists, as on any site that has served a page
    for each in (poll, english):  # the public state of each translation is cached
        visitor().get(reverse("wagtail_ward:poll_api", args=[each.pk]))
    # A vote through the English translation counts in the same totals.
    assert _vote(visitor(), english, "truoc-han", "p" * 43).status_code == 201
    with CaptureQueriesContext(connection) as queries:
        response = _vote(visitor(), poll, "dung-han", "q" * 43)
    assert response.status_code == 201
    # The test's own transaction adds a savepoint around the statement; a request has none.
    statements = [
        query["sql"]
        for query in queries.captured_queries
        if not query["sql"].startswith(("SAVEPOINT", "RELEASE SAVEPOINT"))
    ]
    assert len(statements) == 2, statements
    assert "ON CONFLICT" in statements[1]
    shown = {row["key"]: row["count"] for row in response.json()["poll"]["results"]["choices"]}
    assert {key: n for key, n in shown.items() if n} == _totals(poll) == _rows(poll)
    assert _totals(poll) == {"truoc-han": 1, "dung-han": 1}
    # A second vote of the same voter: refused, nothing written, the totals unchanged.
    assert _vote(visitor(), poll, "truoc-han", "q" * 43).status_code == 409
    assert _totals(poll) == _rows(poll) == {"truoc-han": 1, "dung-han": 1}
