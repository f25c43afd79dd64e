"""Every refused vote: its status code and its message in Vietnamese and English, and no count
changed. Checked through the JSON endpoint, the in-place form (JavaScript) and the plain form."""

import datetime
import json

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext

from wagtail_ward.dates import ward_timezone
from wagtail_ward.models import PollVote
from wagtail_ward.polls.presets import preset_english

TOKEN = "v" * 43


@pytest.fixture(params=["vi", "en"])
def lang_poll(request, poll, translate):
    """The poll in the language of the test: the Vietnamese one or its English translation."""
    if request.param == "vi":
        return poll
    return translate(poll, preset_english())


def _expected(lang, msgid, **values):
    with translation.override(lang):
        return gettext(msgid) % values if values else gettext(msgid)


def _time(lang, value):
    with translation.override(lang):
        return formats.date_format(timezone.localtime(value, ward_timezone()), "DATETIME_FORMAT")


def _api_vote(client, poll, choice, token=TOKEN, **headers):
    # The JSON endpoints answer in the language of ?locale= (else Vietnamese): ask for the poll's.
    url = reverse("wagtail_ward:poll_api_vote", args=[poll.pk])
    return client.post(
        f"{url}?locale={poll.locale.language_code}",
        data=json.dumps({"choice": choice}),
        content_type="application/json",
        headers={"X-Ward-Voter": token, **headers},
    )


def _form_vote(client, poll, choice):
    return client.post(
        reverse("wagtail_ward:poll_vote", args=[poll.pk]),
        {"choice": choice, "next": "/"},
        headers={"X-Requested-With": "fetch"},
    )


def _assert_refused(response, status, code, message, lang, json_api=True):
    assert response.status_code == status
    if json_api:
        body = response.json()
        assert body["code"] == code
        assert body["message"] == message
        assert body["poll"]["locale"] == lang
        return body
    assert message in response.content.decode()
    return None


@pytest.mark.parametrize("json_api", [True, False], ids=["json", "form"])
def test_not_open_yet(lang_poll, visitor, json_api):
    lang = lang_poll.locale.language_code
    opens = timezone.now() + datetime.timedelta(days=2)
    lang_poll.opens_at = opens
    lang_poll.save()
    client = visitor()
    response = (_api_vote if json_api else _form_vote)(client, lang_poll, "dung-han")
    message = _expected(
        lang, "This poll is not open yet. It opens on %(time)s.", time=_time(lang, opens)
    )
    _assert_refused(response, 403, "not_open", message, lang, json_api)
    assert PollVote.objects.count() == 0


@pytest.mark.parametrize("json_api", [True, False], ids=["json", "form"])
def test_closed(lang_poll, visitor, json_api):
    lang = lang_poll.locale.language_code
    closed = timezone.now() - datetime.timedelta(minutes=5)
    lang_poll.closes_at = closed
    lang_poll.save()
    response = (_api_vote if json_api else _form_vote)(visitor(), lang_poll, "dung-han")
    message = _expected(
        lang,
        "This poll closed on %(time)s. Votes are no longer accepted.",
        time=_time(lang, closed),
    )
    _assert_refused(response, 403, "closed", message, lang, json_api)
    assert PollVote.objects.count() == 0


@pytest.mark.parametrize("json_api", [True, False], ids=["json", "form"])
def test_unknown_choice(lang_poll, visitor, json_api):
    lang = lang_poll.locale.language_code
    response = (_api_vote if json_api else _form_vote)(visitor(), lang_poll, "tre-hen-lam")
    message = _expected(
        lang, "“%(choice)s” is not one of the answers of this poll.", choice="tre-hen-lam"
    )
    _assert_refused(response, 400, "unknown_choice", message, lang, json_api)
    response = (_api_vote if json_api else _form_vote)(visitor(), lang_poll, "")
    message = _expected(lang, "Please choose one of the answers before you vote.")
    _assert_refused(response, 400, "unknown_choice", message, lang, json_api)
    assert PollVote.objects.count() == 0


def test_second_vote_gets_409_with_the_current_results(lang_poll, visitor):
    lang = lang_poll.locale.language_code
    client = visitor()
    first = _api_vote(client, lang_poll, "dung-han")
    assert first.status_code == 201
    assert first.json()["message"] == _expected(lang, "Thank you. Your vote has been counted.")
    _api_vote(visitor(), lang_poll, "truoc-han", token="w" * 43)
    second = _api_vote(client, lang_poll, "qua-tre-hen")
    message = _expected(
        lang, "You have already voted in this poll. Your first vote is the one counted."
    )
    body = _assert_refused(second, 409, "already_voted", message, lang)
    assert body["poll"]["results"]["total"] == 2
    counts = {row["key"]: row["count"] for row in body["poll"]["results"]["choices"]}
    assert counts == {"truoc-han": 1, "dung-han": 1, "tre-hen-mot-it": 0, "qua-tre-hen": 0}
    assert PollVote.objects.count() == 2


def test_second_vote_through_the_form(lang_poll, visitor):
    client = visitor()
    assert _form_vote(client, lang_poll, "dung-han").status_code == 201
    response = _form_vote(client, lang_poll, "truoc-han")
    assert response.status_code == 409
    html = response.content.decode()
    assert "ward-poll__summary" in html  # the current results come with the answer
    assert PollVote.objects.get().choice_key == "dung-han"


@pytest.mark.parametrize("json_api", [True, False], ids=["json", "form"])
def test_too_many_votes_from_one_address(lang_poll, visitor, json_api):
    lang = lang_poll.locale.language_code
    send = _api_vote if json_api else _form_vote
    # django-ratelimit counts in fixed windows: the clock stands still, so the four votes fall
    # in one window however slow the machine is.
    frozen = time_machine.travel(
        datetime.datetime(2026, 11, 30, 3, 0, 5, tzinfo=datetime.UTC), tick=False
    )
    with override_settings(WAGTAIL_WARD={"POLL_RATE": "3/m"}), frozen:
        for n in range(3):
            client = visitor(address="10.9.9.9")
            token = f"{n:043d}"
            status = (
                send(client, lang_poll, "dung-han", token=token)
                if json_api
                else send(client, lang_poll, "dung-han")
            ).status_code
            assert status == 201
        client = visitor(address="10.9.9.9")
        response = (
            send(client, lang_poll, "dung-han", token="z" * 43)
            if json_api
            else send(client, lang_poll, "dung-han")
        )
        message = _expected(
            lang,
            "Too many votes from your address. Please try again in %(seconds)s seconds.",
            seconds=60,
        )
        _assert_refused(response, 429, "rate_limited", message, lang, json_api)
        assert response["Retry-After"] == "60"
        # Another address is not limited.
        assert send(visitor(), lang_poll, "dung-han").status_code == 201
    assert PollVote.objects.count() == 4


def test_plain_form_redirects_with_the_message_in_the_pages_language(lang_poll, visitor, home):
    lang = lang_poll.locale.language_code
    client = visitor()
    lang_poll.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    lang_poll.save()
    response = client.post(
        reverse("wagtail_ward:poll_vote", args=[lang_poll.pk]), {"choice": "dung-han", "next": "/"}
    )
    assert response.status_code == 303
    stored = [m.message for m in response.wsgi_request._messages]
    assert stored == [
        _expected(
            lang,
            "This poll closed on %(time)s. Votes are no longer accepted.",
            time=_time(lang, lang_poll.closes_at),
        )
    ]
    assert PollVote.objects.count() == 0


def test_json_endpoint_needs_json_and_a_voter_token(poll, visitor):
    url = reverse("wagtail_ward:poll_api_vote", args=[poll.pk])
    client = visitor()
    response = client.post(url, {"choice": "dung-han"}, headers={"X-Ward-Voter": TOKEN})
    assert response.status_code == 415
    response = _api_vote(client, poll, "dung-han", token="short")
    assert response.status_code == 400
    assert response.json()["code"] == "voter_token"
    assert "X-Ward-Voter" in response.json()["message"]
    response = client.post(
        url, data="{", content_type="application/json", headers={"X-Ward-Voter": TOKEN}
    )
    assert response.status_code == 400 and response.json()["code"] == "json"
    assert client.get(url).status_code == 405
    missing = reverse("wagtail_ward:poll_api_vote", args=[poll.pk + 1000])
    assert client.post(missing, data="{}", content_type="application/json").status_code == 404
    assert PollVote.objects.count() == 0
