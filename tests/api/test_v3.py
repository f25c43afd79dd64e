"""Wagtail 8's v3 API: the ward page types' read schemas and the ward router on it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.api.builders import TYPES, add_pages, make_indexes
from tests.subclassed_news.models import ProjectNewsPage
from tests.subclassed_procedures.models import ProjectProcedurePage

v3_registry = pytest.importorskip(
    "wagtail.api.v3.registry", reason="Wagtail 8's v3 API: Wagtail 7 has no wagtail.api.v3"
).registry


@pytest.fixture
def indexes(home):
    return make_indexes(home)


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    return response.json()


def count(client, url):
    client.get(url)  # renditions are made by the first reader
    with CaptureQueriesContext(connection) as queries:
        data = get(client, url)
    return len(queries), data


def read_schema(family):
    """The read schema v3's ``/schema/<type>/`` gives (that endpoint wants a token)."""
    return v3_registry.get_type_schemas(TYPES[family])["read"]["properties"]


def test_read_schemas_type_snippets_chosen_objects_and_dates(client, db):
    properties = read_schema("news")
    assert properties["category"]["type"] == ["object", "null"]
    assert "slug" in properties["category"]["properties"]
    assert properties["tags"]["type"] == "array"
    assert properties["date"]["format"] == "date"
    assert read_schema("schedule")["days"]["type"] == "array"
    assert read_schema("procedures")["agency"]["type"] == ["object", "null"]
    # What v3 alone gives these fields: an untyped value (`{}`), replaced here.
    assert all(properties[name] != {} for name in ("category", "tags", "other_news"))
    # The same schemas are the members of the page detail's response in v3's OpenAPI document.
    document = get(client, "/api/v3/openapi.json")
    assert "WardNewsPageSchema" in document["components"]["schemas"]


def test_a_projects_own_page_types_on_the_mixins_have_the_ward_schemas(db):
    for model in (ProjectNewsPage, ProjectProcedurePage):
        schema = v3_registry.get(model._meta.label).read_schema
        assert schema.__name__ == f"Ward{model.__name__}Schema"
    news = v3_registry.get_type_schemas(ProjectNewsPage._meta.label)["read"]["properties"]
    assert news["category"]["type"] == ["object", "null"]


def test_page_detail_gives_objects_where_v3_alone_gives_ids_or_nothing(client, indexes):
    add_pages(indexes, 1)
    items = get(client, f"/api/v3/ward/pages/?type={TYPES['news']}")["items"]
    detail = get(client, f"/api/v3/pages/{items[0]['id']}/")
    assert detail["meta"]["type"] == TYPES["news"]
    assert detail["category"]["slug"] == "thong-bao"
    assert detail["tags"] == ["phường"]
    assert ".fill-800x450" in detail["featured_image_rendition"]["url"]
    assert detail["date"][4] == "-"  # ISO 8601
    for family, label in TYPES.items():  # every family's type, with its own fields
        item = get(client, f"/api/v3/ward/pages/?type={label}")["items"][0]
        detail = get(client, f"/api/v3/pages/{item['id']}/")
        assert detail["meta"]["type"] == label
        assert detail["meta"]["parent"]["id"] == item["meta"]["parent"]["id"], family
        assert {name: detail[name] for name in item} == item, family


def test_ward_pages_costs_a_fixed_number_of_queries_per_type(client, indexes):
    urls = {
        family: f"/api/v3/ward/pages/?type={label}&limit=100" for family, label in TYPES.items()
    }
    add_pages(indexes, 3)
    small = {family: count(client, url)[0] for family, url in urls.items()}
    add_pages(indexes, 12)
    large = {}
    for family, url in urls.items():
        large[family], data = count(client, url)
        assert data["meta"]["total_count"] == 15, family
        assert len(data["items"]) == 15, family
    assert large == small, (small, large)
    news = count(client, urls["news"])[1]["items"][0]
    assert news["category"]["slug"] == "thong-bao"
    assert any(block["type"] == "image" for block in news["body"])
    procedure = count(client, urls["procedures"])[1]["items"][0]
    assert procedure["agency"]["name"] == "UBND phường"


def test_ward_pages_refuses_bad_parameters_naming_them(client, db):
    assert get(client, "/api/v3/ward/pages/", 400)["parameter"] == "type"
    assert get(client, "/api/v3/ward/pages/?type=wagtailcore.Page", 400)["parameter"] == "type"
    url = f"/api/v3/ward/pages/?type={TYPES['news']}"
    assert get(client, f"{url}&limit=101", 400)["parameter"] == "limit"
    assert get(client, f"{url}&offset=abc", 400)["parameter"] == "offset"
    assert get(client, f"{url}&locale=xx", 404)["parameter"] == "locale"
    with translation.override("en"):
        error = get(client, "/api/v3/ward/pages/?type=wagtailcore.Page&locale=en", 400)
    assert error["message"] == "wagtailcore.Page is not a ward page type."


def test_draft_pages_are_not_listed(client, indexes):
    add_pages(indexes, 2)
    news = TYPES["news"]
    first = get(client, f"/api/v3/ward/pages/?type={news}")["items"][0]
    page = indexes["news"].get_children().get(pk=first["id"])
    page.unpublish()
    ids = [item["id"] for item in get(client, f"/api/v3/ward/pages/?type={news}")["items"]]
    assert first["id"] not in ids and len(ids) == 1


def test_site_info_on_v3_is_the_ward_site_info(client, home):
    assert get(client, "/api/v3/ward/site-info/") == get(client, "/api/ward/site-info/")
