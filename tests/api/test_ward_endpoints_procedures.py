"""``/api/v2/procedures/facets/``: the counts the procedures index's filters offer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import make_private
from tests.families import ProcedurePage
from tests.procedures.builders import add_many, make_procedure_index
from wagtail_ward.procedures.models import ProcedureSector

URL = "/api/v2/procedures/facets/"


@pytest.fixture
def procedures(home, vi, en):
    civil = ProcedureSector.objects.create(name="Hộ tịch", slug="ho-tich", locale=vi, sort_order=1)
    land = ProcedureSector.objects.create(name="Đất đai", slug="dat-dai", locale=vi, sort_order=2)
    empty = ProcedureSector.objects.create(
        name="Xây dựng", slug="xay-dung", locale=vi, sort_order=3
    )
    ProcedureSector.objects.create(name="Civil status", slug="civil-status", locale=en)
    index = make_procedure_index(home)
    civil_pages = add_many(index, 3, sector=civil)
    land_pages = add_many(index, 2, sector=land)
    ProcedurePage.objects.filter(pk=land_pages[0].pk).update(level="tinh", online_level="full")
    # Neither a private nor an unpublished procedure is counted.
    make_private(civil_pages[0])
    ProcedurePage.objects.filter(pk=civil_pages[1].pk).update(live=False)
    return {"index": index, "civil": civil, "land": land, "empty": empty}


def facets(client, query="", status=200):
    response = client.get(f"{URL}{query}")
    assert response.status_code == status, response.content
    return response.json()


def test_counts_per_sector_level_and_online_level(client, procedures):
    data = facets(client)
    assert data["locale"] == "vi"
    assert data["total_count"] == 3  # 5 made, one private, one unpublished
    assert [(s["slug"], s["name"], s["count"]) for s in data["sectors"]] == [
        ("ho-tich", "Hộ tịch", 1),
        ("dat-dai", "Đất đai", 2),
        ("xay-dung", "Xây dựng", 0),
    ]
    levels = {level["value"]: level["count"] for level in data["levels"]}
    assert levels == {"xa": 2, "tinh": 1, "huyen": 0}
    online = {level["value"]: level["count"] for level in data["online_levels"]}
    assert online == {"full": 1, "partial": 0, "none": 2}
    assert data["levels"][0]["label"] == "Cấp xã"
    # What the index page's filter offers: the same sectors and levels.
    html = client.get(procedures["index"].url).content.decode()
    for sector in data["sectors"]:
        assert f'value="{sector["slug"]}"' in html
    for level in data["levels"]:
        assert f'value="{level["value"]}"' in html


def test_english_sectors_and_labels_without_vietnamese_procedures(client, procedures):
    data = facets(client, "?locale=en")
    assert data["locale"] == "en"
    assert data["total_count"] == 0
    assert [(s["slug"], s["count"]) for s in data["sectors"]] == [("civil-status", 0)]
    assert data["levels"][0]["label"] == "Commune level"


def test_the_same_queries_however_many_procedures(client, procedures):
    def count():
        with CaptureQueriesContext(connection) as captured:
            facets(client)
        return len(captured)

    facets(client)
    before = count()
    add_many(procedures["index"], 10, sector=procedures["empty"])
    assert count() == before
    assert before <= 9, before
    assert facets(client)["sectors"][2]["count"] == 10


@pytest.mark.parametrize(
    ("query", "status", "parameter"),
    [("locale=xx", 404, "locale"), ("limit=abc", 400, "limit"), ("level=abc", 400, "level")],
)
def test_bad_parameters(client, ward_site, query, status, parameter):
    with translation.override("en"):
        data = facets(client, f"?{query}", status=status)
    assert data["parameter"] == parameter
