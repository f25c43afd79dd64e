import itertools

import pytest
from django.test import Client

from tests.factories import ContentPageFactory
from tests.html import BROWSER
from wagtail_ward.models import ResultsVisibility
from wagtail_ward.polls.presets import create_poll_from_preset

_addresses = itertools.count(1)


@pytest.fixture
def poll(ward_site, vi):
    """The dossier-timeliness poll in Vietnamese, open, results public to everyone, in the body
    of a published page (as on a real site: only a poll shown somewhere public takes votes)."""
    poll = create_poll_from_preset(
        "dossier_timeliness", vi, results_visibility=ResultsVisibility.ALWAYS
    )
    ContentPageFactory(
        parent=ward_site.root_page,
        title="Thăm dò ý kiến",
        slug="tham-do-y-kien",
        body=[("poll", {"poll": poll})],
    )
    return poll


@pytest.fixture
def visitor():
    """``visitor()`` is a new browser with its own address (no cookie shared)."""

    def _visitor(address=None, **extra):
        n = next(_addresses)
        return Client(
            HTTP_USER_AGENT=BROWSER,
            REMOTE_ADDR=address or f"10.{n // 250 % 250}.{n % 250}.7",
            **extra,
        )

    return _visitor
