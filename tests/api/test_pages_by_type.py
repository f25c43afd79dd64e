"""``/api/v2/pages/?type=<family type>&fields=*`` loads a listing as the family's endpoint does:
a fixed number of queries however many pages, and per type for a listing of mixed types."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.builders import TYPES, add_pages, make_indexes


def count(client, url):
    client.get(url)  # renditions are made by the first reader
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(queries), response.json()


@pytest.fixture
def indexes(home, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 500
    return make_indexes(home)


def test_every_family_type_costs_a_fixed_number_of_queries_with_every_field(client, indexes):
    urls = {
        family: f"/api/v2/pages/?type={label}&fields=*&limit=100" for family, label in TYPES.items()
    }
    urls["mixed"] = f"/api/v2/pages/?type={','.join(TYPES.values())}&fields=*&limit=500"
    urls["all"] = "/api/v2/pages/?fields=*&limit=500"
    # 3 pages of each type, then 15: a query per page shows as 12 more (as with 100, in a
    # fifth of the time).
    add_pages(indexes, 3)
    small = {family: count(client, url)[0] for family, url in urls.items()}
    add_pages(indexes, 12)
    large = {}
    for family, url in urls.items():
        large[family], data = count(client, url)
        assert len(data["items"]) >= 15, family
    assert large == small, (small, large)
    # As few as the family's own endpoint (the pages endpoint only adds its own checks).
    assert small["news"] <= count(client, "/api/v2/news/?fields=*&limit=100")[0] + 1

    news = count(client, urls["news"])[1]["items"][0]
    assert news["category"]["slug"] == "thong-bao"
    assert news["tags"] == ["phường"]
    assert ".fill-800x450" in news["featured_image_rendition"]["url"]
    # The pictures and the document of the body, converted for the whole listing at once.
    blocks = {block["type"]: block["value"] for block in news["body"][1:]}
    pictures = [block["value"] for block in news["body"] if block["type"] == "image"]
    assert [picture["image"]["title"] for picture in pictures] == ["Ảnh 0", "Ảnh riêng 0"]
    assert all(".max-1200x1200" in picture["image"]["url"] for picture in pictures)
    assert blocks["document"]["document"]["url"].startswith("/documents/")
    assert blocks["document"]["title"] == "Tệp 0"
    procedure = count(client, urls["procedures"])[1]["items"][0]
    assert procedure["sector"]["slug"] == "ho-tich"
    assert procedure["agency"]["name"] == "UBND phường"
    schedule = count(client, urls["schedule"])[1]["items"][0]
    assert len([e for day in schedule["days"] for e in day["entries"]]) == 2
    programme = count(client, urls["training"])[1]["items"][0]
    assert [course["name"] for course in programme["courses"]] == ["Khóa 1", "Khóa 2"]
    assert [block["type"] for block in programme["body"]] == [
        "paragraph",
        "image",
        "image",
        "document",
    ]
    assert programme["application_forms"][0]["value"]["title"] == "Tệp 1"
