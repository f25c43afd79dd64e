"""Privacy: neither the address nor the voter token is stored anywhere, and address hashes can
be purged."""

import datetime
import io
import json

from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.db.models.functions import Cast
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import StreamField

from wagtail_ward.models import PollVote
from wagtail_ward.polls.voting import VOTER_COOKIE, cast_vote, keyed_hash

ADDRESS = "203.113.131.7"


def _text_columns_containing(value):
    """Every (model, field) of every installed model whose text contains ``value``."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField):
                rows = model._base_manager.filter(**{f"{field.attname}__contains": value})
            elif isinstance(field, models.JSONField | StreamField):
                rows = model._base_manager.annotate(
                    _as_text=Cast(field.attname, models.TextField())
                ).filter(_as_text__contains=value)
            else:
                continue
            if rows.exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def test_no_raw_address_or_token_is_stored_anywhere(poll, visitor):
    client = visitor(address=ADDRESS)
    form = client.post(
        reverse("wagtail_ward:poll_vote", args=[poll.pk]), {"choice": "dung-han", "next": "/"}
    )
    assert form.status_code == 303
    cookie_token = form.cookies[VOTER_COOKIE].value
    header_token = "H" * 20 + "eadless-token-0123456789"
    api = visitor(address="198.51.100.23").post(
        reverse("wagtail_ward:poll_api_vote", args=[poll.pk]),
        data=json.dumps({"choice": "truoc-han"}),
        content_type="application/json",
        headers={"X-Ward-Voter": header_token},
    )
    assert api.status_code == 201
    assert PollVote.objects.count() == 2
    for secret in (ADDRESS, "198.51.100.23", cookie_token, header_token):
        assert _text_columns_containing(secret) == []
    vote = PollVote.objects.get(choice_key="dung-han")
    assert vote.voter_hash == keyed_hash("voter", poll.translation_key, cookie_token)
    assert vote.ip_hash == keyed_hash("address", poll.translation_key, ADDRESS)
    assert len(vote.voter_hash) == len(vote.ip_hash) == 64


def test_hashes_depend_on_the_secret_salt(poll):
    default = keyed_hash("voter", poll.translation_key, "x" * 43)
    with override_settings(WAGTAIL_WARD={"POLL_SALT": "another-secret"}):
        assert keyed_hash("voter", poll.translation_key, "x" * 43) != default
    with override_settings(SECRET_KEY="another-secret-key"):
        assert keyed_hash("voter", poll.translation_key, "x" * 43) != default


def test_purge_removes_old_address_hashes_and_keeps_the_votes(poll):
    now = timezone.now()
    for n, days in enumerate([40, 31, 2, 0]):
        cast_vote(poll, "dung-han", f"{n:043d}", f"10.0.0.{n}", now=now)
        PollVote.objects.filter(voter_hash=PollVote.objects.latest("pk").voter_hash).update(
            created_at=now - datetime.timedelta(days=days)
        )
    out = io.StringIO()
    call_command("purge_poll_ip_hashes", stdout=out)
    assert "2 vote(s) older than 30 days" in out.getvalue()
    assert PollVote.objects.filter(ip_hash__isnull=True).count() == 2
    assert PollVote.objects.count() == 4
    call_command("purge_poll_ip_hashes", "--days", "1", stdout=out)
    assert PollVote.objects.filter(ip_hash__isnull=True).count() == 3
