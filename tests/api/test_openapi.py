"""The OpenAPI document is valid, and true: real answers of every endpoint match it."""

import json

import jsonschema
import pytest
from django.test import Client
from openapi_spec_validator import validate
from wagtail.models import Page

from tests.api.builders import TYPES, add_pages, make_indexes
from tests.factories import ContentPageFactory
from tests.html import BROWSER
from wagtail_ward.models import ResultsVisibility, WardSettings
from wagtail_ward.polls.presets import create_poll_from_preset


def resolve(schema, document):
    """``schema`` with every ``$ref`` of the document's components written out."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[1]
            return resolve(document["components"]["schemas"][name], document)
        return {key: resolve(value, document) for key, value in schema.items()}
    if isinstance(schema, list):
        return [resolve(value, document) for value in schema]
    return schema


def check(document, data, schema, where):
    validator = jsonschema.Draft202012Validator(
        resolve(schema, document), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)
    ]
    assert not errors, (where, errors[:5])


def response_schema(document, path, status, method="get"):
    return document["paths"][path][method]["responses"][str(status)]["content"]["application/json"][
        "schema"
    ]


@pytest.fixture
def site(home, vi):
    indexes = make_indexes(home)
    add_pages(indexes, 2)
    poll = create_poll_from_preset(
        "dossier_timeliness", vi, results_visibility=ResultsVisibility.ALWAYS
    )
    ContentPageFactory(parent=home, slug="tham-do", body=[("poll", {"poll": poll})])
    ward_settings = WardSettings.for_site(home.get_site())
    ward_settings.side_poll = poll  # site-info names it (side_poll)
    ward_settings.save()
    return {"poll": poll, "indexes": indexes}


def test_the_document_is_valid_openapi_and_the_docs_page_shows_it(client, site):
    response = client.get("/api/ward/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)
    assert set(TYPES.values()) <= set(document["x-page-types"])
    for name in ["pages", "images", "documents", "news", "schedules", "procedures", "training"]:
        assert f"/api/v2/{name}/" in document["paths"], name
    assert "/api/v2/schedules/covering/" in document["paths"]
    for path in ["latest/", "sitemap/", "polls/{poll_id}/results/"]:
        assert f"/api/ward/{path}" in document["paths"], path
    assert "/api/v2/procedures/facets/" in document["paths"]
    news = document["components"]["schemas"][TYPES["news"].replace(".", "_")]["properties"]
    assert news["category"]["properties"]["slug"] == {"type": "string"}
    assert news["date"] == {"type": "string", "format": "date"}

    page = client.get("/api/ward/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/api/v2/schedules/covering/" in html
    assert "featured_image_rendition" in html
    assert "<script" not in html


def preview_url(page):
    """The address the frontend reads a draft of ``page`` from (as the admin's preview makes)."""
    token = page.create_page_preview().token
    return f"/api/v2/page_preview/?content_type={page.get_content_type_str()}&token={token}"


def test_real_answers_of_every_endpoint_match_the_document(client, site, settings):
    document = client.get("/api/ward/openapi.json").json()
    poll = site["poll"]
    gets = {
        "/api/v2/pages/": "/api/v2/pages/?fields=*",
        "/api/v2/images/": "/api/v2/images/?fields=*",
        "/api/v2/documents/": "/api/v2/documents/?fields=*",
        "/api/v2/schedules/covering/": "/api/v2/schedules/covering/?date=2020-01-07",
        "/api/v2/schedules/entries/": "/api/v2/schedules/entries/?from=2020-01-06",
        "/api/ward/site-info/": "/api/ward/site-info/?locale=en",
        "/api/ward/polls/{poll_id}/": f"/api/ward/polls/{poll.pk}/?locale=en",
        "/api/ward/polls/{poll_id}/results/": f"/api/ward/polls/{poll.pk}/results/?locale=en",
        "/api/ward/latest/": "/api/ward/latest/?limit=50",
        "/api/ward/sitemap/": "/api/ward/sitemap/",
        "/api/v2/procedures/facets/": "/api/v2/procedures/facets/",
    }
    checked = 0
    for path, methods in document["paths"].items():
        if "get" not in methods:
            continue
        if "{id}" in path:
            listing = client.get(path.replace("{id}/", "")).json()
            if not listing["items"]:
                continue
            url = path.replace("{id}", str(listing["items"][0]["id"])) + "?fields=*"
        elif path == "/api/v2/page_preview/":  # wagtail-ward[headless] installed
            url = preview_url(Page.objects.get(slug="tin-so-0").specific)
        else:
            url = gets.get(path, f"{path}?fields=*")
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        check(document, response.json(), response_schema(document, path, 200), url)
        checked += 1
        # A bad parameter: the error answer matches too.
        if "{" not in path and path.startswith("/api/v2/"):
            bad = client.get(f"{path}?limit=abc")
            assert bad.status_code == 400, path
            check(document, bad.json(), response_schema(document, path, 400), path)
    assert checked >= 15
    # Each family type with every field, item by item against its own schema.
    for label in TYPES.values():
        items = client.get(f"/api/v2/pages/?type={label}&fields=*").json()["items"]
        assert items, label
        schema = {"$ref": document["x-page-types"][label]["$ref"]}
        for item in items:
            check(document, item, schema, label)
    # The POST endpoints.
    visit = Client(HTTP_USER_AGENT=BROWSER).post(
        "/api/ward/visits/", json.dumps({}), content_type="application/json"
    )
    check(
        document, visit.json(), response_schema(document, "/api/ward/visits/", 200, "post"), "visit"
    )
    vote = Client(HTTP_USER_AGENT=BROWSER, HTTP_X_WARD_VOTER="t" * 32).post(
        f"/api/ward/polls/{poll.pk}/vote/",
        json.dumps({"choice": poll.choices.first().key}),
        content_type="application/json",
    )
    assert vote.status_code == 201, vote.content
    path = "/api/ward/polls/{poll_id}/vote/"
    check(document, vote.json(), response_schema(document, path, 201, "post"), "vote")
