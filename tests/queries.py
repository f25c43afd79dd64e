"""Query counts of a page, with its cached fragments stale (cold) and cached (warm), and of a
kept answer (a feed, an iCal file)."""

from typing import NamedTuple

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

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


def kept_answer(client, url, read):
    """``read`` of ``url``'s answer the second time it is asked for (the first keeps it), and the
    queries of that second request."""
    read(client.get(url))
    with CaptureQueriesContext(connection) as queries:
        result = read(client.get(url))
    return result, queries


def assert_bad_archive_value_refused(client, url):
    """``url`` with a bad ``?all=`` answers 400, and the English message names the parameter."""
    with translation.override("en"):
        response = client.get(url + "?all=2", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert b"all" in response.content
