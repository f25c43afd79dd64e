import itertools

import pytest
from django.test import Client

from tests.html import BROWSER

_addresses = itertools.count(1)


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
