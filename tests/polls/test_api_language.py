"""The poll endpoints answer in the language asked for, by the API's one rule: ``?locale=``,
else the site's default language; any poll id of a translation group gives the translation."""

import json

import pytest
from django.utils import translation
from django.utils.translation import gettext

from wagtail_ward.models import PollVote, ResultsVisibility
from wagtail_ward.polls.presets import create_poll_from_preset

TOKEN = "v" * 43


@pytest.fixture
def english(poll, en):
    """The English translation of the Vietnamese ``poll``."""
    return create_poll_from_preset(
        "dossier_timeliness",
        en,
        translation_key=poll.translation_key,
        results_visibility=ResultsVisibility.ALWAYS,
    )


def _detail(client, poll, query=""):
    return client.get(f"/api/ward/polls/{poll.pk}/{query}", headers={"X-Ward-Voter": TOKEN})


def _vote(client, poll, query="", choice="dung-han"):
    return client.post(
        f"/api/ward/polls/{poll.pk}/vote/{query}",
        data=json.dumps({"choice": choice}),
        content_type="application/json",
        headers={"X-Ward-Voter": TOKEN},
    )


def _in(lang, msgid):
    with translation.override(lang):
        return gettext(msgid)


def test_locale_en_on_a_vietnamese_id_gives_the_english_translation(poll, english, visitor):
    client = visitor()
    data = _detail(client, poll, "?locale=en").json()
    assert (data["id"], data["locale"], data["fallback"]) == (english.pk, "en", False)
    assert data["question"] == "Your dossier was handled:"
    assert data["choices"][1] == {"key": "dung-han", "label": "On time"}
    assert data["results"]["choices"][1]["label"] == "On time"
    assert data["vote_url"].endswith(f"/api/ward/polls/{english.pk}/vote/?locale=en")
    # Without ?locale=, the site's default language, whichever translation the id names.
    default = _detail(client, english).json()
    assert (default["id"], default["locale"]) == (poll.pk, "vi")
    assert default["question"] == "Hồ sơ của quý vị được giải quyết:"


def test_a_vote_is_answered_in_the_language_asked_for_and_counts_for_the_group(
    poll, english, visitor
):
    client = visitor()
    response = _vote(client, poll, "?locale=en")
    assert response.status_code == 201
    data = response.json()
    assert data["message"] == "Thank you. Your vote has been counted."
    assert (data["poll"]["id"], data["poll"]["locale"]) == (english.pk, "en")
    assert data["poll"]["results"]["choices"][1] == {
        "key": "dung-han",
        "label": "On time",
        "count": 1,
        "percent": 100,
    }
    again = _vote(client, english)  # the same voter, the Vietnamese answer by default
    assert again.status_code == 409
    assert again.json()["message"] == _in(
        "vi", "You have already voted in this poll. Your first vote is the one counted."
    )
    assert again.json()["poll"]["results"]["total"] == 1
    assert PollVote.objects.count() == 1


def test_a_poll_without_the_translation_gives_its_own_text_and_says_so(poll, visitor):
    client = visitor()
    data = _detail(client, poll, "?locale=en").json()
    assert (data["id"], data["locale"], data["fallback"]) == (poll.pk, "vi", True)
    assert data["question"] == "Hồ sơ của quý vị được giải quyết:"
    # The messages are in the language asked for all the same.
    vote = _vote(client, poll, "?locale=en", choice="khong-co").json()
    assert vote["code"] == "unknown_choice"
    assert vote["message"] == "“khong-co” is not one of the answers of this poll."
    assert vote["poll"]["fallback"] is True


def test_a_language_the_site_does_not_have_is_a_404_naming_locale(poll, visitor):
    client = visitor()
    for response in (_detail(client, poll, "?locale=fr"), _vote(client, poll, "?locale=fr")):
        assert response.status_code == 404
        assert response.json()["parameter"] == "locale"
    assert PollVote.objects.count() == 0
