"""Query counts of a page, with its cached fragments stale (cold) and cached (warm)."""

from typing import NamedTuple

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail_ward.fragments import bump_content_version


class Counts(NamedTuple):
    cold: int  # the first reader after a change: every part rendered afresh
    warm: int  # every later reader: the header, footer and side lists come from the cache


def count_page_queries(client, url, expected_status=200):
    """``Counts`` of ``url``; also returns the last response."""
    client.get(url)  # renditions and the site's caches are made once
    bump_content_version()
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == expected_status, url
        counts.append(len(queries))
    return Counts(*counts), response
