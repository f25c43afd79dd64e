"""site-info names the side-column poll, by id per language: a frontend needs no poll id of its
own (the reference client reads it)."""

import pytest

from wagtail_ward.models import ResultsVisibility, WardSettings
from wagtail_ward.polls.presets import create_poll_from_preset


@pytest.fixture
def side_poll(ward_site, vi):
    poll = create_poll_from_preset("satisfaction", vi, results_visibility=ResultsVisibility.ALWAYS)
    settings = WardSettings.for_site(ward_site)
    settings.side_poll = poll
    settings.save()
    return poll


def _info(client, query=""):
    response = client.get(f"/api/ward/site-info/{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_no_side_poll_is_null(client, ward_site):
    assert _info(client)["side_poll"] is None


def test_the_side_poll_by_language_and_its_endpoint(client, side_poll, en):
    english = create_poll_from_preset("satisfaction", en, translation_key=side_poll.translation_key)
    vi_info, en_info = _info(client), _info(client, "?locale=en")
    translations = {"vi": side_poll.pk, "en": english.pk}
    assert vi_info["side_poll"]["id"] == side_poll.pk
    assert en_info["side_poll"]["id"] == english.pk
    assert vi_info["side_poll"]["translations"] == en_info["side_poll"]["translations"]
    assert en_info["side_poll"]["translations"] == translations
    assert en_info["side_poll"]["url"] == (
        f"http://testserver/api/ward/polls/{english.pk}/?locale=en"
    )
    # The address given answers with the poll in that language (a side poll is public).
    poll = client.get(en_info["side_poll"]["url"]).json()
    assert (poll["id"], poll["question"]) == (
        english.pk,
        "Are you satisfied with the service of the administrative office?",
    )


def test_a_side_poll_without_the_translation_is_named_in_its_own_language(client, side_poll):
    side = _info(client, "?locale=en")["side_poll"]
    assert (side["id"], side["translations"]) == (side_poll.pk, {"vi": side_poll.pk})
    assert client.get(side["url"]).json()["fallback"] is True
