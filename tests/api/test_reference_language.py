"""The API reference (``/api/ward/docs/`` and ``openapi.json``) speaks one language per page:
``?locale=``, else the request's; every summary and description is in the Vietnamese catalogue."""

import html
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from tests.api.builders import add_pages, make_indexes

HEADINGS = ["Endpoints", "Page types", "Parameter", "Meaning", "Status", "Field", "Contents"]


@pytest.fixture
def site(home):
    add_pages(make_indexes(home), 1)


def texts(value, where=""):
    """``(where, text)`` of every summary and description in an OpenAPI document."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("summary", "description") and isinstance(item, str):
                yield f"{where}/{key}", item
            else:
                yield from texts(item, f"{where}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, f"{where}/{index}")


def test_every_summary_and_description_is_translated(client, site):
    english = dict(texts(client.get("/api/ward/openapi.json?locale=en").json()))
    vietnamese = dict(texts(client.get("/api/ward/openapi.json?locale=vi").json()))
    assert english.keys() == vietnamese.keys()
    assert len(english) > 100
    # The page types of the test projects (tests/subclassed_*) have no Vietnamese names.
    same = [
        (where, text)
        for where, text in english.items()
        if vietnamese[where] == text and "/schemas/subclassed_" not in where
    ]
    assert same == [], "\n".join(f"{w}: {t}" for w, t in same)
    # Without ?locale=, the document speaks the API's default language.
    assert dict(texts(client.get("/api/ward/openapi.json").json())) == vietnamese


@pytest.mark.parametrize(("lang", "other"), [("vi", "en"), ("en", "vi")])
def test_the_docs_page_speaks_one_language(client, site, lang, other):
    page = client.get(f"/api/ward/docs/?locale={lang}").content.decode()
    shown = html.unescape(page)
    assert f'<html lang="{lang}">' in page
    own = dict(texts(client.get(f"/api/ward/openapi.json?locale={lang}").json()))
    foreign = dict(texts(client.get(f"/api/ward/openapi.json?locale={other}").json()))
    # What the page shows: the summary, parameters and answers of every path, the page types.
    shows = re.compile(
        r".*/(summary|parameters/\d+/description|responses/\d+/description)"
        r"|/(info|components/schemas/wagtail_ward[^/]*)/description"
    )
    for where, text in own.items():
        if shows.fullmatch(where):
            assert text in shown, where
    # Nothing of the other language: no description, no heading.
    leaks = [
        text
        for where, text in foreign.items()
        if len(text) > 12 and text in shown and "/schemas/subclassed_" not in where
    ]
    assert leaks == []
    for heading in HEADINGS:
        with translation.override(lang):
            assert gettext(heading) in shown, heading
        with translation.override(other):
            assert f">{gettext(heading)}<" not in shown, heading
    # A link to the page in the other language.
    assert f'href="/api/ward/docs/?locale={other}"' in page


def test_without_locale_the_page_speaks_the_requests_language(client, site):
    # The site's URLs carry no prefix for its default language (i18n_patterns with
    # prefix_default_language=False): an address without one is Vietnamese, whatever the browser.
    page = client.get("/api/ward/docs/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="vi">' in page
    with translation.override("vi"):
        assert f">{gettext('Endpoints')}<" in page
    assert client.get("/api/ward/docs/?locale=fr").status_code == 404
    assert client.get("/api/ward/docs/?locale=v%00i").status_code == 400
