"""The load run's exactness rule (``bench/load_report.py``): every vote or visit answered 2xx is
stored once, and nothing is stored beyond those and the requests that got no answer."""

import pytest

from bench.load_report import Answer, summarise

CONFIG = {"seconds": 10.0}
# The fault during which the cut requests and the 503s happened (outside it they are errors).
FAULT = {"fault": "one worker killed", "start": 5.0, "end": 5.5}


def run(answers, stored_votes, stored_visits):
    before = {"votes": 0, "visits": 0, "vote_totals": 0}
    after = {"votes": stored_votes, "visits": stored_visits, "vote_totals": stored_votes}
    return summarise(answers, [FAULT], before, after, CONFIG, machine_info={})


def answered(kind, n, status=200):
    at = 1.0 if status < 300 else 5.2  # the 503s in the fault's window
    return [Answer(at, kind, status, 0.01, "counted" if status < 300 else "") for _ in range(n)]


def cut(kind, n):
    """Requests whose connection was closed without an answer (a killed worker's)."""
    return [Answer(5.2, kind, 0, 0.01, "ReadError") for _ in range(n)]


@pytest.mark.parametrize(
    ("stored_visits", "lost", "ok"),
    [
        (5, 0, True),  # every 2xx stored, the cut one not
        (6, 0, True),  # the cut one committed before its worker died
        (4, 1, False),  # a 2xx lost
        (7, 1, False),  # more than the 2xx and the cut one: stored twice or after a 503
    ],
)
def test_a_cut_request_may_be_stored_but_nothing_else(stored_visits, lost, ok):
    answers = answered("vote", 3, 201) + answered("visit", 5) + cut("visit", 1)
    result = run(answers, stored_votes=3, stored_visits=stored_visits)
    assert result["visits_lost"] == lost
    assert result["votes_lost"] == 0
    assert result["counts"]["visits_unanswered"] == 1
    assert result["ok"] is ok


def test_a_503_must_not_be_stored():
    answers = answered("vote", 2, 201) + answered("vote", 1, 503)
    assert run(answers, stored_votes=3, stored_visits=0)["votes_lost"] == 1
    assert run(answers, stored_votes=2, stored_visits=0)["ok"] is True
