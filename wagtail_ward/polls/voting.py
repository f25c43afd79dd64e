"""Casting a vote: voter identity as salted hashes, and the insert the database guards.

The voter token is a long random value the browser keeps in a cookie (or a headless frontend
sends in the ``X-Ward-Voter`` header). Only HMAC-SHA256 hashes of the token and of the client
address are stored, keyed with ``WAGTAIL_WARD["POLL_SALT"]`` (or a key derived from
``SECRET_KEY``) and with the poll's translation group, so hashes of one voter cannot be matched
across polls.

A vote costs few queries whatever the number of votes: whether the poll is public is worked out
once per content token and cached (``public_poll``), and the vote adds one to its answer's total
in the vote's own transaction (``PollTotal``), so results never count the vote rows. On
PostgreSQL the vote row, the total and the reading of every total of the poll are one statement
(``_VOTE_SQL``): one round trip, its own transaction, all written or nothing.
"""

import hashlib
import hmac
import secrets
from contextlib import nullcontext
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Min
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from ..conf import ward_setting
from ..fragments import content_version, fragment_cache
from ..models import ContentVersion, DuplicateVotePolicy, Poll, PollStatus, PollTotal, PollVote

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
    """What happened to a vote: ``code`` is "counted" or the reason it was refused; ``counts``
    (``{choice key: votes}``) the poll's totals as a counted vote left them, when the database
    gave them with the vote (PostgreSQL), else None."""

    code: str
    counts: dict | None = None

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
    row = (
        poll.translation_key,
        choice_key,
        voter_hash(poll, token, address),
        keyed_hash("address", poll.translation_key, address),
        now,
    )
    try:
        if connection.vendor == "postgresql":
            counts = _insert_in_one_statement(row)
        else:
            counts = None
            with transaction.atomic():
                PollVote.objects.create(
                    poll_key=row[0],
                    choice_key=row[1],
                    voter_hash=row[2],
                    ip_hash=row[3],
                    created_at=row[4],
                )
                add_to_total(poll.translation_key, choice_key)
    except IntegrityError:
        return VoteOutcome(ALREADY_VOTED)
    return VoteOutcome(COUNTED, counts)


_VOTE_SQL = """
WITH vote AS (
    INSERT INTO {votes} ({v_poll}, {v_choice}, {v_voter}, {v_address}, {v_at})
    VALUES (%s, %s, %s, %s, %s)
    RETURNING {v_poll}, {v_choice}
), total AS (
    INSERT INTO {totals} AS t ({t_poll}, {t_choice}, {t_votes})
    SELECT {v_poll}, {v_choice}, 1 FROM vote
    ON CONFLICT ({t_poll}, {t_choice}) DO UPDATE SET {t_votes} = t.{t_votes} + 1
    RETURNING {t_choice}, {t_votes}
)
SELECT {t_choice}, {t_votes} FROM total
UNION ALL
SELECT {t_choice}, {t_votes} FROM {totals} WHERE {t_poll} = %s AND {t_choice} <> %s
"""


def _vote_sql():
    """``_VOTE_SQL`` with the tables and columns of ``PollVote`` and ``PollTotal``."""
    quote = connection.ops.quote_name

    def column(model, name):
        return quote(model._meta.get_field(name).column)

    return _VOTE_SQL.format(
        votes=quote(PollVote._meta.db_table),
        v_poll=column(PollVote, "poll_key"),
        v_choice=column(PollVote, "choice_key"),
        v_voter=column(PollVote, "voter_hash"),
        v_address=column(PollVote, "ip_hash"),
        v_at=column(PollVote, "created_at"),
        totals=quote(PollTotal._meta.db_table),
        t_poll=column(PollTotal, "poll_key"),
        t_choice=column(PollTotal, "choice_key"),
        t_votes=column(PollTotal, "votes"),
    )


def _insert_in_one_statement(row):
    """PostgreSQL: insert the vote ``row``, add one to its answer's total (creating the total
    at the answer's first vote: ``ON CONFLICT ... DO UPDATE``, atomic under concurrency) and
    read every total of the poll, in one statement; returns ``{choice key: votes}``.

    A statement is its own transaction: the vote and its total are both written or neither (a
    second vote of a voter fails on the unique constraint, ``IntegrityError``, and writes
    nothing). The other answers' totals are those the statement's snapshot saw, the vote's own
    answer the total it wrote: exact as of this vote. Inside a transaction already (a test, an
    import), a savepoint keeps that transaction usable after a refused second vote."""
    params = (*row, row[0], row[1])
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    with guard, connection.cursor() as cursor:
        cursor.execute(_vote_sql(), params)
        return dict(cursor.fetchall())


def add_to_total(poll_key, choice_key):
    """Add one vote to the answer's total, atomically in the database (call it inside the
    transaction that inserts the vote: both are written, or neither)."""
    totals = PollTotal.objects.filter(poll_key=poll_key, choice_key=choice_key)
    if totals.update(votes=F("votes") + 1):
        return
    try:
        with transaction.atomic():  # the first vote for this answer: create its row
            PollTotal.objects.create(poll_key=poll_key, choice_key=choice_key, votes=1)
    except IntegrityError:  # another vote created it meanwhile: add to it
        totals.update(votes=F("votes") + 1)


@transaction.atomic
def recount(poll_key):
    """Rebuild the totals of a poll's translation group from its vote rows (after votes were
    deleted or imported by hand); returns ``{choice key: votes}``."""
    counts = dict(
        PollVote.objects.filter(poll_key=poll_key)
        .values("choice_key")
        .annotate(n=Count("*"))
        .order_by()
        .values_list("choice_key", "n")
    )
    PollTotal.objects.filter(poll_key=poll_key).delete()
    PollTotal.objects.bulk_create(
        PollTotal(poll_key=poll_key, choice_key=key, votes=n) for key, n in counts.items()
    )
    return counts


def _next_expiry(poll, now):
    """The earliest time after ``now`` at which a live page showing ``poll`` (or another
    translation of it) expires, or None: until then the poll's public state cannot change
    without a new content token."""
    group = Poll.objects.filter(translation_key=poll.translation_key).values_list("pk", flat=True)
    page_ids = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(Poll),
        to_object_id__in=[str(pk) for pk in group],
    ).values_list("object_id", flat=True)
    numbers = [int(pk) for pk in page_ids if str(pk).isdigit()]
    if not numbers:
        return None
    return (
        Page.objects.filter(pk__in=numbers, live=True, expire_at__gt=now)
        .aggregate(soonest=Min("expire_at"))
        .get("soonest")
    )


def _token():
    """The content token, read with one plain statement (building the ORM query for it costs
    more than running it, on every vote)."""
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE id = 1")  # noqa: S608 (no input)
        row = cursor.fetchone()
    return row[0] if row else content_version()


def public_poll(poll_id, now=None):
    """The poll ``poll_id`` with its locale and answers when it is public, else None.

    ``Poll.objects.public()`` is a query that costs more to build than to run; its answer is
    kept in the fragment cache under the content token, which every publish, unpublish, move,
    view restriction, site setting and poll edit replaces, and only until the next expiry of a
    page that shows the poll. A vote then reads the token and the cache, no poll query at all.
    """
    now = now or timezone.now()
    seconds = ward_setting("FRAGMENT_CACHE_SECONDS")
    cache = fragment_cache()
    key = f"wagtail_ward.public-poll:{poll_id}:{_token()}"
    entry = cache.get(key) if seconds else None
    if entry is not None and (entry[1] is None or now < entry[1]):
        return entry[0]
    poll = (
        Poll.objects.public(now)
        .select_related("locale")
        .prefetch_related("choices")
        .filter(pk=poll_id)
        .first()
    )
    if seconds:
        until = _next_expiry(poll, now) if poll is not None else None
        cache.set(key, (poll, until), seconds)
    return poll
