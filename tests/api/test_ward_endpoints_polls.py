"""``/api/ward/polls/<id>/results/``: the detail's results alone, by the detail's rules."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import ContentPageFactory, make_private
from wagtail_ward.models import ResultsVisibility
from wagtail_ward.polls.presets import create_poll_from_preset
from wagtail_ward.polls.voting import cast_vote

TOKEN = "t" * 43


def results(client, poll, query="", status=200, token=TOKEN):
    response = client.get(
        f"/api/ward/polls/{poll.pk}/results/{query}", headers={"X-Ward-Voter": token}
    )
    assert response.status_code == status, response.content
    return response.json()


def vote(poll, choice, n):
    assert cast_vote(poll, choice, f"voter-{n}".ljust(32, "x"), f"10.0.0.{n}").code == "counted"


def test_the_results_are_the_detail_s(client, poll):
    for n, choice in enumerate(["dung-han", "dung-han", "truoc-han"]):
        vote(poll, choice, n)
    data = results(client, poll)
    detail = client.get(f"/api/ward/polls/{poll.pk}/").json()
    assert data["results"] == detail["results"]
    assert data["results"]["total"] == 3
    assert [(row["key"], row["count"], row["percent"]) for row in data["results"]["choices"]] == [
        ("truoc-han", 1, 33),
        ("dung-han", 2, 67),
        ("tre-hen-mot-it", 0, 0),
        ("qua-tre-hen", 0, 0),
    ]
    assert (data["id"], data["locale"], data["fallback"]) == (poll.pk, "vi", False)
    assert data["question"] == poll.question
    assert data["has_voted"] is False
    assert "choices" not in data and "vote_url" not in data  # just the results


def test_results_after_voting_or_closing_are_null_until_then(client, poll):
    poll.results_visibility = ResultsVisibility.AFTER_VOTE
    poll.save()
    assert results(client, poll)["results"] is None
    assert cast_vote(poll, "dung-han", TOKEN, "10.0.0.1").code == "counted"
    mine = results(client, poll)
    assert mine["has_voted"] is True
    assert mine["results"]["total"] == 1
    assert results(client, poll, token="o" * 43)["results"] is None  # another voter
    poll.results_visibility = ResultsVisibility.AFTER_CLOSE
    poll.save()
    assert results(client, poll)["results"] is None


def test_the_language_rule_of_the_detail(client, poll, en):
    english = create_poll_from_preset(
        "dossier_timeliness",
        en,
        translation_key=poll.translation_key,
        results_visibility=ResultsVisibility.ALWAYS,
    )
    vote(poll, "dung-han", 1)
    data = results(client, poll, "?locale=en")
    assert (data["id"], data["locale"], data["fallback"]) == (english.pk, "en", False)
    assert data["question"] == english.question != poll.question
    assert data["results"]["total"] == 1  # the votes of the whole group
    assert data["results"]["choices"][1]["label"] == "On time"
    english.delete()
    alone = results(client, poll, "?locale=en")
    assert (alone["id"], alone["fallback"]) == (poll.pk, True)
    with translation.override("en"):
        error = results(client, poll, "?locale=xx", status=404)
    assert error["parameter"] == "locale"


def test_polls_that_are_not_public_answer_404(client, poll, vi, home):
    hidden = create_poll_from_preset("satisfaction", vi)  # on no page
    private = create_poll_from_preset("satisfaction", vi)
    make_private(ContentPageFactory(parent=home, slug="kin", body=[("poll", {"poll": private})]))
    for other in [hidden, private]:
        for language in ["vi", "en"]:
            data = results(client, other, f"?locale={language}", status=404)
            assert data["code"] == "not_found"
    assert client.get("/api/ward/polls/99999999/results/").status_code == 404
    assert client.post(f"/api/ward/polls/{poll.pk}/results/").status_code == 405


def test_the_same_queries_however_many_votes(client, poll):
    def count():
        with CaptureQueriesContext(connection) as captured:
            results(client, poll)
        return len(captured)

    results(client, poll)
    before = count()
    for n in range(20):
        vote(poll, "qua-tre-hen", n)
    assert count() == before
    assert before <= 8, before
