"""The example answers of docs/api/examples-*.md (written by scripts/api_examples.py from the
demo) still match the OpenAPI document, and every ward page type has its example."""

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.api.test_openapi import check, response_schema

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api"
EXAMPLE = re.compile(
    r"```text\n(?P<method>GET|POST) (?P<url>\S+)(?:  →  (?P<status>\d+))?\n```\n\n"
    r"```json\n(?P<json>.*?)\n```",
    re.S,
)
FAMILIES = ["news", "schedules", "procedures", "training", "core-pages", "polls", "site-info"]


def unshortened(value):
    """``value`` without the "… N more" markers the script puts at the end of a cut list."""
    if isinstance(value, dict):
        return {key: unshortened(item) for key, item in value.items()}
    if isinstance(value, list):
        return [
            unshortened(item)
            for item in value
            if not (isinstance(item, str) and re.fullmatch(r"… \d+ more", item))
        ]
    return value


def examples():
    found = []
    for name in FAMILIES:
        text = (DOCS / f"examples-{name}.md").read_text(encoding="utf-8")
        assert text.startswith("<!-- Written by scripts/api_examples.py"), name
        matches = list(EXAMPLE.finditer(text))
        assert matches, name
        found += [(name, match) for match in matches]
    return found


def path_of(document, url):
    """The OpenAPI path that ``url`` is an address of."""
    address = urlsplit(url).path
    for path in document["paths"]:
        pattern = re.sub(r"\{[a-z_]+\}", r"[0-9]+", path)
        if re.fullmatch(pattern, address):
            return path
    raise AssertionError(f"no path of the document for {url}")


@pytest.fixture
def document(client, home):
    return client.get("/api/ward/openapi.json").json()


def test_every_example_matches_the_document(document):
    shown = set()
    for name, match in examples():
        url = match["url"]
        data = unshortened(json.loads(match["json"]))
        path = path_of(document, url)
        status = match["status"] or "200"
        schema = response_schema(document, path, status, match["method"].lower())
        check(document, data, schema, f"{name}: {url}")
        for label in parse_qs(urlsplit(url).query).get("type", []):
            shown.add(label)
            for item in data["items"]:
                check(document, item, document["x-page-types"][label], f"{name}: {url}")
    ward_types = {label for label in document["x-page-types"] if label.startswith("wagtail_ward")}
    assert ward_types - shown == set()
