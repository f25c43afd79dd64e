"""Query counts stay the same as votes pile up; the admin results view, CSV export and list."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ContentPageFactory
from tests.html import BROWSER
from wagtail_ward.fragments import content_version
from wagtail_ward.models import PollVote, WardSettings
from wagtail_ward.polls.voting import recount


def _add_votes(poll, n):
    keys = [c.key for c in poll.choices.all()]
    PollVote.objects.bulk_create(
        PollVote(
            poll_key=poll.translation_key,
            choice_key=keys[i % len(keys)],
            voter_hash=f"{poll.pk}-{i}-{PollVote.objects.count()}".ljust(64, "0"),
        )
        for i in range(n)
    )
    recount(poll.translation_key)  # bulk_create skips the totals a vote keeps


def _count(client, method, url, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **kwargs)
    assert response.status_code in (200, 201), response.content[:500]
    return len(queries)


@pytest.fixture
def poll_page(poll, home, ward_site):
    settings = WardSettings.for_site(ward_site)
    settings.side_poll = poll
    settings.save()
    return ContentPageFactory(parent=home, body=[("poll", {"poll": poll})])


def test_page_with_a_body_poll_and_a_side_poll_costs_the_same_with_many_votes(poll, poll_page):
    client = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.2.2.2")
    # Warm up: the first request counts the visit, the second caches the visitor total.
    client.get(poll_page.url)
    client.get(poll_page.url)
    _add_votes(poll, 3)
    few = _count(client, "get", poll_page.url)
    _add_votes(poll, 600)
    many = _count(client, "get", poll_page.url)
    assert few == many
    html = client.get(poll_page.url).content.decode()
    assert html.count("data-ward-poll data-ward-poll-box") == 2  # the body poll and the side poll


def test_vote_and_api_cost_the_same_with_many_votes(poll, visitor):
    api = reverse("wagtail_ward:poll_api", args=[poll.pk])
    vote = reverse("wagtail_ward:poll_api_vote", args=[poll.pk])
    content_version()  # the token row exists, as on any site that has served a page
    visitor().get(api)  # the poll's public state is worked out once per content token
    _add_votes(poll, 3)
    few_get = _count(visitor(), "get", api, headers={"X-Ward-Voter": "a" * 43})
    few_vote = _count(
        visitor(),
        "post",
        vote,
        data={"choice": "dung-han"},
        content_type="application/json",
        headers={"X-Ward-Voter": "b" * 43},
    )
    _add_votes(poll, 600)
    many_get = _count(visitor(), "get", api, headers={"X-Ward-Voter": "a" * 43})
    many_vote = _count(
        visitor(),
        "post",
        vote,
        data={"choice": "dung-han"},
        content_type="application/json",
        headers={"X-Ward-Voter": "c" * 43},
    )
    assert (few_get, few_vote) == (many_get, many_vote)
    # The token; the insert and the total's update in their transaction; the totals read back.
    assert many_vote <= 6


def test_admin_results_view_with_chart_and_votes_over_time(poll, admin_client):
    _add_votes(poll, 3)
    url = reverse("wagtailsnippets_wagtail_ward_poll:results", args=[poll.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "33%" in html and "34%" in html and "Trễ hẹn một ít" in html
    assert reverse("wagtailsnippets_wagtail_ward_poll:results_csv", args=[poll.pk]) in html
    assert response.context["days"][0]["count"] == 3
    # The listing links each poll to its results.
    listing = admin_client.get(reverse("wagtailsnippets_wagtail_ward_poll:list")).content.decode()
    assert url in listing
    assert reverse("wagtailsnippets_wagtail_ward_poll:from_preset") in listing


def test_admin_results_cost_the_same_with_many_votes(poll, admin_client):
    url = reverse("wagtailsnippets_wagtail_ward_poll:results", args=[poll.pk])
    content_version()  # the token row exists, as on any site that has served a page
    _add_votes(poll, 3)
    few = _count(admin_client, "get", url)
    _add_votes(poll, 600)
    assert _count(admin_client, "get", url) == few


def test_csv_export_lists_totals_and_every_vote_without_hashes(poll, admin_client):
    _add_votes(poll, 5)
    response = admin_client.get(
        reverse("wagtailsnippets_wagtail_ward_poll:results_csv", args=[poll.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ["truoc-han", "Trước hạn", "2", "40"]
    assert rows[5][2:] == ["5", "100"]
    votes = rows[8:]
    assert len(votes) == 5
    hashes = set(PollVote.objects.values_list("voter_hash", flat=True))
    assert not any(cell in hashes for row in rows for cell in row)


def test_admin_views_need_permission(poll, ward_site):
    user = get_user_model().objects.create_user("visitor", "v@example.com", "pw")
    client = Client()
    client.force_login(user)
    for name in ("results", "results_csv"):
        url = reverse(f"wagtailsnippets_wagtail_ward_poll:{name}", args=[poll.pk])
        assert client.get(url).status_code in (302, 403)
