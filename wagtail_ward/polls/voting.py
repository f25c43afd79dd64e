"""Casting a vote: voter identity as salted hashes, and the insert the database guards.

The voter token is a long random value the browser keeps in a cookie (or a headless frontend
sends in the ``X-Ward-Voter`` header). Only HMAC-SHA256 hashes of the token and of the client
address are stored, keyed with ``WAGTAIL_WARD["POLL_SALT"]`` (or a key derived from
``SECRET_KEY``) and with the poll's translation group, so hashes of one voter cannot be matched
across polls.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..conf import ward_setting
from ..models import DuplicateVotePolicy, PollStatus, PollVote

VOTER_COOKIE = "ward_poll_voter"
VOTER_HEADER = "X-Ward-Voter"
VOTER_TOKEN_MIN_LENGTH = 32
VOTER_TOKEN_MAX_LENGTH = 200
VOTER_COOKIE_MAX_AGE = 400 * 24 * 3600  # the longest browsers keep a cookie


def _salt():
    salt = ward_setting("POLL_SALT")
    if salt:
        return salt.encode()
    return hashlib.sha256(b"wagtail_ward.polls:" + settings.SECRET_KEY.encode()).digest()


def keyed_hash(purpose, poll_key, value):
    message = f"{purpose}:{poll_key}:{value}".encode()
    return hmac.new(_salt(), message, hashlib.sha256).hexdigest()


def new_voter_token():
    return secrets.token_urlsafe(32)


def valid_token(token):
    return (
        isinstance(token, str)
        and VOTER_TOKEN_MIN_LENGTH <= len(token) <= VOTER_TOKEN_MAX_LENGTH
        and token.isascii()
        and token.isprintable()
    )


def client_address(request):
    """The address django-ratelimit limits: ``REMOTE_ADDR`` (set it right behind a proxy)."""
    return request.META.get("REMOTE_ADDR", "")


def voter_hash(poll, token, address):
    """The hash the unique constraint compares, according to the poll's duplicate policy."""
    if poll.duplicate_policy == DuplicateVotePolicy.ADDRESS:
        return keyed_hash("address-voter", poll.translation_key, address)
    return keyed_hash("voter", poll.translation_key, token)


def has_voted(poll, token, address):
    if poll.duplicate_policy != DuplicateVotePolicy.ADDRESS and not valid_token(token):
        return False
    return PollVote.objects.filter(
        poll_key=poll.translation_key, voter_hash=voter_hash(poll, token, address)
    ).exists()


@dataclass
class VoteOutcome:
    """What happened to a vote: ``code`` is "counted" or the reason it was refused."""

    code: str

    @property
    def counted(self):
        return self.code == "counted"


COUNTED = "counted"
NOT_OPEN = "not_open"
CLOSED = "closed"
UNKNOWN_CHOICE = "unknown_choice"
ALREADY_VOTED = "already_voted"


def cast_vote(poll, choice_key, token, address, choices=None, now=None):
    """Record one vote, or say why not. Never counts a voter twice, whatever the concurrency:
    the insert itself fails on the unique constraint (``IntegrityError`` → already voted)."""
    now = now or timezone.now()
    status = poll.status(now)
    if status == PollStatus.NOT_OPEN:
        return VoteOutcome(NOT_OPEN)
    if status == PollStatus.CLOSED:
        return VoteOutcome(CLOSED)
    choices = list(poll.choices.all()) if choices is None else choices
    if not isinstance(choice_key, str) or choice_key not in {c.key for c in choices}:
        return VoteOutcome(UNKNOWN_CHOICE)
    try:
        with transaction.atomic():
            PollVote.objects.create(
                poll_key=poll.translation_key,
                choice_key=choice_key,
                voter_hash=voter_hash(poll, token, address),
                ip_hash=keyed_hash("address", poll.translation_key, address),
                created_at=now,
            )
    except IntegrityError:
        return VoteOutcome(ALREADY_VOTED)
    return VoteOutcome(COUNTED)
