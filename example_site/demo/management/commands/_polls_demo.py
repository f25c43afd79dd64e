"""Demo content of polls: the dossier-timeliness poll ("Thăm dò ý kiến") in the side column of
the Lạc Viên ward site, translated into English, with some votes spread over two weeks.

Idempotent: the poll is the one already chosen in the ward's settings, the translation is made
once, and votes are added only to a poll that has none.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from wagtail_ward.models import PollVote, ResultsVisibility, WardSettings
from wagtail_ward.polls.presets import create_poll_from_preset, preset_english
from wagtail_ward.polls.voting import keyed_hash, recount

HOSTNAME = "lacvien.localhost"
QUESTION = "Hồ sơ của quý vị được giải quyết tại phường Lạc Viên:"
QUESTION_EN = "At Lạc Viên ward, your dossier was handled:"
# Votes per answer: before the deadline, on time, a little late, very late.
VOTES = {"truoc-han": 14, "dung-han": 23, "tre-hen-mot-it": 6, "qua-tre-hen": 2}


def load(command):
    site = Site.objects.filter(hostname=HOSTNAME).first()
    if site is None:
        return
    with transaction.atomic():
        settings = WardSettings.for_site(site)
        poll = settings.side_poll
        if poll is None:
            poll = _create(command)
            settings.side_poll = poll
            settings.save()
    with transaction.atomic():
        _translate(command, poll)
    with transaction.atomic():
        _votes(poll)
    command.stdout.write(f"  Poll in the side column of {HOSTNAME}: “{poll.question}”")


def _create(command):
    poll = create_poll_from_preset(
        "dossier_timeliness", command.vi, results_visibility=ResultsVisibility.ALWAYS
    )
    poll.question = QUESTION
    poll.save()
    return poll


def _translate(command, poll):
    command._translate(poll, {**preset_english(), QUESTION: QUESTION_EN})


def _votes(poll):
    if PollVote.objects.filter(poll_key=poll.translation_key).exists():
        recount(poll.translation_key)  # a demo loaded before the totals were rebuilt here
        return
    now = timezone.now()
    votes = []
    n = 0
    for key, count in VOTES.items():
        for _i in range(count):
            votes.append(
                PollVote(
                    poll_key=poll.translation_key,
                    choice_key=key,
                    voter_hash=keyed_hash("voter", poll.translation_key, f"demo-voter-{n}"),
                    created_at=now - datetime.timedelta(days=n % 14, hours=n % 9),
                )
            )
            n += 1
    PollVote.objects.bulk_create(votes)
    recount(poll.translation_key)  # bulk_create skips the per-answer totals a vote keeps
