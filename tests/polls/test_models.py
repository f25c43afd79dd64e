"""The poll model: dates, results visibility, stable keys, translations counted together."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail_localize.models import StringSegment, TranslationSource

from wagtail_ward.models import Poll, PollChoice, PollStatus, PollVote, ResultsVisibility
from wagtail_ward.polls.presets import PRESETS, create_poll_from_preset, preset_english
from wagtail_ward.polls.results import poll_results
from wagtail_ward.polls.voting import cast_vote, keyed_hash

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)


def test_status_follows_the_dates():
    poll = Poll(question="?", opens_at=NOW + HOUR, closes_at=NOW + 2 * HOUR)
    assert poll.status(NOW) == PollStatus.NOT_OPEN
    assert poll.status(NOW + 1.5 * HOUR) == PollStatus.OPEN
    assert poll.status(NOW + 2 * HOUR) == PollStatus.CLOSED
    assert Poll(question="?").status(NOW) == PollStatus.OPEN


def test_closing_before_opening_is_refused():
    poll = Poll(question="?", opens_at=NOW, closes_at=NOW - HOUR)
    with pytest.raises(ValidationError) as error:
        poll.clean()
    assert "closes_at" in error.value.message_dict


@pytest.mark.parametrize(
    ("visibility", "voted", "closed", "public"),
    [
        (ResultsVisibility.ALWAYS, False, False, True),
        (ResultsVisibility.AFTER_VOTE, False, False, False),
        (ResultsVisibility.AFTER_VOTE, True, False, True),
        (ResultsVisibility.AFTER_VOTE, False, True, True),
        (ResultsVisibility.AFTER_CLOSE, True, False, False),
        (ResultsVisibility.AFTER_CLOSE, False, True, True),
        (ResultsVisibility.NEVER, True, True, False),
    ],
)
def test_results_visibility(visibility, voted, closed, public):
    poll = Poll(
        question="?", results_visibility=visibility, closes_at=NOW - HOUR if closed else None
    )
    assert poll.results_are_public(has_voted=voted, now=NOW) is public


def test_choice_key_is_made_from_the_vietnamese_label(poll):
    choice = PollChoice(poll=poll, label="Đúng hạn lắm", locale=poll.locale)
    choice.clean()
    assert choice.key == "dung-han-lam"


def test_a_bad_key_is_refused_with_a_message(poll):
    choice = PollChoice(poll=poll, label="A", key="Trễ hẹn", locale=poll.locale)
    with pytest.raises(ValidationError) as error:
        choice.full_clean(exclude=["poll", "translation_key"])
    assert "key" in error.value.message_dict


def test_presets_create_all_their_answers(vi, en):
    for name, preset in PRESETS.items():
        poll = create_poll_from_preset(name, vi)
        assert [c.key for c in poll.choices.all()] == [key for key, _vi, _en in preset["choices"]]
        assert [c.label for c in poll.choices.all()] == [v for _key, v, _en in preset["choices"]]
        english = create_poll_from_preset(name, en)
        assert [c.label for c in english.choices.all()] == [e for _k, _v, e in preset["choices"]]
    dossier = [label for _k, label, _e in PRESETS["dossier_timeliness"]["choices"]]
    assert dossier == ["Trước hạn", "Đúng hạn", "Trễ hẹn một ít", "Quá trễ hẹn"]
    assert len(PRESETS["satisfaction"]["choices"]) == 5


def test_wagtail_localize_offers_the_labels_but_never_the_keys(poll, translate):
    english = translate(poll, preset_english())
    source = TranslationSource.objects.get(object_id=poll.translation_key)
    offered = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Trễ hẹn một ít" in offered
    assert not offered & {choice.key for choice in poll.choices.all()}
    assert english.locale.language_code == "en"
    assert [(c.key, c.label) for c in english.choices.all()] == [
        ("truoc-han", "Before the deadline"),
        ("dung-han", "On time"),
        ("tre-hen-mot-it", "A little late"),
        ("qua-tre-hen", "Very late"),
    ]
    assert english.question == "Your dossier was handled:"


def test_votes_on_the_english_translation_count_with_the_vietnamese(poll, translate):
    english = translate(poll, preset_english())
    assert cast_vote(poll, "dung-han", "a" * 40, "10.0.0.1").counted
    assert cast_vote(english, "dung-han", "b" * 40, "10.0.0.2").counted
    assert cast_vote(english, "qua-tre-hen", "c" * 40, "10.0.0.3").counted
    # The same browser cannot vote again on the other language.
    assert cast_vote(english, "truoc-han", "a" * 40, "10.0.0.1").code == "already_voted"
    vi_results, en_results = poll_results(poll), poll_results(english)
    assert vi_results.total == en_results.total == 3
    assert [r.count for r in vi_results.rows] == [r.count for r in en_results.rows] == [0, 2, 0, 1]
    assert en_results.rows[1].label == "On time"


def test_the_database_refuses_a_second_vote_of_the_same_voter(poll):
    voter = keyed_hash("voter", poll.translation_key, "x" * 40)
    PollVote.objects.create(poll_key=poll.translation_key, choice_key="dung-han", voter_hash=voter)
    with pytest.raises(IntegrityError), transaction.atomic():
        PollVote.objects.create(
            poll_key=poll.translation_key, choice_key="truoc-han", voter_hash=voter
        )
    assert PollVote.objects.count() == 1


def test_address_policy_allows_one_vote_per_address(poll):
    poll.duplicate_policy = "address"
    poll.save()
    assert cast_vote(poll, "dung-han", "a" * 40, "10.0.0.1").counted
    assert cast_vote(poll, "dung-han", "b" * 40, "10.0.0.1").code == "already_voted"
    assert cast_vote(poll, "dung-han", "b" * 40, "10.0.0.2").counted
    assert PollVote.objects.count() == 2


def test_dates_and_policies_reach_every_translation_at_once(poll, translate):
    english = translate(poll, preset_english())
    closes = NOW - HOUR
    english.closes_at = closes
    english.duplicate_policy = "address"
    english.save()
    poll.refresh_from_db()
    assert poll.closes_at == closes
    assert poll.duplicate_policy == "address"
    # The Vietnamese poll closed with its translation: no vote through either language.
    assert cast_vote(poll, "dung-han", "a" * 43, "10.0.0.1").code == "closed"
    poll.question = "Hồ sơ của quý vị được giải quyết như thế nào?"
    poll.save()
    english.refresh_from_db()
    assert english.question == "Your dossier was handled:"  # text stays translated
