"""The JSON side: the poll endpoint, the vote endpoint's CORS rules, PollBlock in the pages API."""

import json

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.factories import ContentPageFactory
from wagtail_ward.models import PollVote, ResultsVisibility
from wagtail_ward.polls import cors
from wagtail_ward.polls.voting import cast_vote

TOKEN = "t" * 43
FRONTEND = "https://lacvien.example.vn"


def _vote(client, poll, choice="dung-han", token=TOKEN, headers=None):
    return client.post(
        reverse("wagtail_ward:poll_api_vote", args=[poll.pk]),
        data=json.dumps({"choice": choice}),
        content_type="application/json",
        headers={"X-Ward-Voter": token, **(headers or {})},
    )


def test_poll_endpoint_gives_answers_results_and_whether_this_voter_voted(poll, visitor):
    poll.results_visibility = ResultsVisibility.AFTER_VOTE
    poll.save()
    client = visitor()
    url = reverse("wagtail_ward:poll_api", args=[poll.pk])
    before = client.get(url, headers={"X-Ward-Voter": TOKEN}).json()
    assert before["question"] == poll.question
    assert [c["key"] for c in before["choices"]] == [
        "truoc-han",
        "dung-han",
        "tre-hen-mot-it",
        "qua-tre-hen",
    ]
    assert before["status"] == "open"
    assert before["has_voted"] is False
    assert before["results"] is None  # public only after voting
    assert before["vote_url"] == f"http://testserver/api/ward/polls/{poll.pk}/vote/"

    assert _vote(client, poll, "tre-hen-mot-it").status_code == 201
    after = client.get(url, headers={"X-Ward-Voter": TOKEN}).json()
    assert after["has_voted"] is True
    assert after["results"] == {
        "total": 1,
        "choices": [
            {"key": "truoc-han", "label": "Trước hạn", "count": 0, "percent": 0},
            {"key": "dung-han", "label": "Đúng hạn", "count": 0, "percent": 0},
            {"key": "tre-hen-mot-it", "label": "Trễ hẹn một ít", "count": 1, "percent": 100},
            {"key": "qua-tre-hen", "label": "Quá trễ hẹn", "count": 0, "percent": 0},
        ],
    }
    # Another voter still does not see them.
    assert visitor().get(url, headers={"X-Ward-Voter": "o" * 43}).json()["results"] is None


PREFLIGHT = {
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "content-type, x-ward-voter",
}


def test_cors_only_for_allowed_origins(poll, visitor):
    url = reverse("wagtail_ward:poll_api_vote", args=[poll.pk])
    with override_settings(CORS_ALLOWED_ORIGINS=[FRONTEND]):
        # django-cors-headers answers the preflight, with the voter token header allowed.
        preflight = visitor().options(url, headers={"Origin": FRONTEND, **PREFLIGHT})
        assert preflight.status_code == 200
        assert preflight["Access-Control-Allow-Origin"] == FRONTEND
        assert "x-ward-voter" in preflight["Access-Control-Allow-Headers"]
        assert "POST" in preflight["Access-Control-Allow-Methods"]
        allowed = _vote(visitor(), poll, headers={"Origin": FRONTEND})
        assert allowed.status_code == 201
        assert allowed["Access-Control-Allow-Origin"] == FRONTEND
        assert "origin" in allowed["Vary"].lower()
        # No cookie travels cross-origin: the answer does not allow credentials.
        assert "Access-Control-Allow-Credentials" not in allowed

        other = visitor().options(url, headers={"Origin": "https://evil.example", **PREFLIGHT})
        assert "Access-Control-Allow-Origin" not in other
        refused = _vote(visitor(), poll, token="e" * 43, headers={"Origin": "https://evil.example"})
        assert refused.status_code == 403
        assert refused.json()["code"] == "origin"
        assert "Access-Control-Allow-Origin" not in refused
        # The site's own pages may always call it.
        same = _vote(visitor(), poll, token="s" * 43, headers={"Origin": "http://testserver"})
        assert same.status_code == 201
        # The poll itself may be read from the frontend too.
        read = visitor().get(
            reverse("wagtail_ward:poll_api", args=[poll.pk]), headers={"Origin": FRONTEND}
        )
        assert read["Access-Control-Allow-Origin"] == FRONTEND
    assert PollVote.objects.count() == 2


def test_an_origin_allowed_outside_the_api_urls_may_not_vote(poll, visitor):
    """CORS_URLS_REGEX decides too: an origin allowed for other URLs only is refused."""
    with override_settings(CORS_ALLOWED_ORIGINS=[FRONTEND], CORS_URLS_REGEX=r"^/media/"):
        refused = _vote(visitor(), poll, headers={"Origin": FRONTEND})
    assert refused.status_code == 403
    assert refused.json()["code"] == "origin"
    assert PollVote.objects.count() == 0


def test_cross_origin_vote_is_still_rate_limited(poll, visitor, time_machine):
    """Per client address, as for the site's own form (django-ratelimit's fixed windows: the
    clock stands still)."""
    time_machine.move_to("2026-11-30 09:00:00+07:00", tick=False)
    with override_settings(CORS_ALLOWED_ORIGINS=[FRONTEND], WAGTAIL_WARD={"POLL_RATE": "2/m"}):
        codes = [
            _vote(
                visitor(address="10.8.8.8"), poll, token=f"{n}" * 40, headers={"Origin": FRONTEND}
            ).status_code
            for n in range(3)
        ]
    assert codes == [201, 201, 429]
    assert PollVote.objects.count() == 2


def test_deprecated_poll_cors_origins_still_work_for_the_poll_endpoints_only(poll, visitor):
    with override_settings(WAGTAIL_WARD={"POLL_CORS_ORIGINS": [FRONTEND]}):
        url = reverse("wagtail_ward:poll_api_vote", args=[poll.pk])
        preflight = visitor().options(url, headers={"Origin": FRONTEND, **PREFLIGHT})
        assert preflight["Access-Control-Allow-Origin"] == FRONTEND
        assert _vote(visitor(), poll, headers={"Origin": FRONTEND}).status_code == 201
        pages = visitor().get("/api/v2/pages/", headers={"Origin": FRONTEND})
        assert "Access-Control-Allow-Origin" not in pages
        warnings = cors.check_cors(None)
    assert [w.id for w in warnings] == ["wagtail_ward.W006"]
    assert "CORS_ALLOWED_ORIGINS" in warnings[0].hint


def test_cors_checks_name_the_missing_middleware_and_header():
    with override_settings(CORS_ALLOWED_ORIGINS=[FRONTEND]):
        assert cors.check_cors(None) == []
        with override_settings(CORS_ALLOW_HEADERS=["content-type"]):
            assert [w.id for w in cors.check_cors(None)] == ["wagtail_ward.W008"]
        middleware = [m for m in settings.MIDDLEWARE if m != cors.MIDDLEWARE]
        with override_settings(MIDDLEWARE=middleware):
            assert [w.id for w in cors.check_cors(None)] == ["wagtail_ward.W007"]
    # No origin listed: nothing to warn about.
    with override_settings(MIDDLEWARE=middleware):
        assert cors.check_cors(None) == []


def test_poll_block_in_the_pages_api_returns_the_poll_with_public_results(poll, home, visitor):
    page = ContentPageFactory(parent=home, body=[("poll", {"poll": poll})])
    cast_vote(poll, "dung-han", "a" * 43, "10.0.0.1")
    response = visitor().get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    block = response.json()["body"][0]
    assert block["type"] == "poll"
    data = block["value"]["poll"]
    assert data["id"] == poll.pk
    assert [c["label"] for c in data["choices"]][:2] == ["Trước hạn", "Đúng hạn"]
    assert data["results"]["total"] == 1
    assert data["results"]["choices"][1]["percent"] == 100


@pytest.mark.parametrize("visibility", [ResultsVisibility.AFTER_VOTE, ResultsVisibility.NEVER])
def test_poll_block_api_hides_results_that_are_not_public(poll, home, visitor, visibility):
    poll.results_visibility = visibility
    poll.save()
    page = ContentPageFactory(parent=home, body=[("poll", {"poll": poll})])
    cast_vote(poll, "dung-han", "a" * 43, "10.0.0.1")
    data = visitor().get(f"/api/v2/pages/{page.pk}/").json()["body"][0]["value"]["poll"]
    assert data["results"] is None


def test_draft_page_with_a_poll_is_not_in_the_api(poll, home, visitor):
    page = ContentPageFactory(parent=home, body=[("poll", {"poll": poll})], live=False)
    assert visitor().get(f"/api/v2/pages/{page.pk}/").status_code == 404
    listing = visitor().get("/api/v2/pages/?type=wagtail_ward.ContentPage").json()
    assert page.pk not in [item["id"] for item in listing["items"]]
