"""Results maths: whole percentages that always add up to exactly 100."""

import random

import pytest

from wagtail_ward.models import PollVote
from wagtail_ward.polls.results import largest_remainder, poll_results
from wagtail_ward.polls.voting import cast_vote


def test_one_one_one_gives_33_33_34():
    assert largest_remainder([1, 1, 1]) == [33, 33, 34]


def test_no_votes_gives_zeros():
    assert largest_remainder([0, 0, 0, 0]) == [0, 0, 0, 0]


@pytest.mark.parametrize(
    ("counts", "expected"),
    [([1, 0], [100, 0]), ([2, 1], [67, 33]), ([1, 1, 1, 1, 1, 1, 1], [14, 14, 14, 14, 14, 15, 15])],
)
def test_known_splits(counts, expected):
    assert largest_remainder(counts) == expected


def test_random_counts_sum_to_100_and_stay_within_one_point_of_the_exact_share():
    rng = random.Random(4)
    for _round in range(500):
        counts = [rng.randint(0, 50) for _i in range(rng.randint(1, 7))]
        shares = largest_remainder(counts)
        total = sum(counts)
        if total == 0:
            assert shares == [0] * len(counts)
            continue
        assert sum(shares) == 100
        for count, share in zip(counts, shares, strict=True):
            assert abs(share - count * 100 / total) < 1


def test_poll_results_count_each_answer(poll):
    keys = [choice.key for choice in poll.choices.all()]
    for n, key in enumerate([keys[0], keys[1], keys[2]]):
        assert cast_vote(poll, key, f"token-{n:040d}", f"10.0.0.{n}").counted
    results = poll_results(poll)
    assert results.total == 3
    assert [row.count for row in results.rows] == [1, 1, 1, 0]
    assert [row.percent for row in results.rows] == [33, 33, 34, 0]
    assert [row.label for row in results.rows] == [choice.label for choice in poll.choices.all()]


def test_votes_for_a_removed_answer_leave_the_totals(poll):
    PollVote.objects.create(poll_key=poll.translation_key, choice_key="gone", voter_hash="x" * 64)
    cast_vote(poll, "dung-han", "t" * 40, "10.0.0.1")
    results = poll_results(poll)
    assert results.total == 1
    assert sum(row.percent for row in results.rows) == 100
