"""The public pages: the index with its filters and search, a procedure, its print view."""

import re

import pytest
from django.utils import translation
from wagtail.models import Locale

from tests.families import ProcedurePage
from tests.queries import count_page_queries
from wagtail_ward.registry import latest_items

from .builders import add_many

pytestmark = pytest.mark.django_db


def titles(response):
    """The procedure titles of a list, in order."""
    html = response.content.decode()
    lists = re.findall(r'<ul class="ward-procedure-list">(.*?)</ul>', html, re.S)
    return [t for block in lists for t in re.findall(r'<li><a href="[^"]+">([^<]+)</a>', block)]


def test_index_groups_by_sector_and_shows_recent_changes(client, sample_index):
    response = client.get(sample_index.url)
    html = response.content.decode()
    assert response.status_code == 200
    headings = re.findall(r'<section class="ward-procedure-group">\s*<h2>([^<]+)</h2>', html)
    assert headings[:2] == ["Hộ tịch", "Chứng thực"]
    recent = re.search(r'id="procedure-recent-title".*?</ul>', html, re.S).group(0)
    # The most recently updated first (the sample's latest change is dated 2025-07-01).
    assert recent.count("<li>") == 5
    assert len(titles(response)) == 23


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("sector=chung-thuc", 5),
        ("level=huyen", 1),
        ("online=full", 5),
        ("level=xa&online=none", 11),
    ],
)
def test_filters_narrow_the_list_and_keep_their_state(client, sample_index, query, count):
    response = client.get(f"{sample_index.url}?{query}")
    assert response.status_code == 200
    assert len(titles(response)) == count
    for pair in query.split("&"):
        name, value = pair.split("=")
        assert re.search(
            rf'name="{name}">.*?<option value="{value}" selected', response.content.decode(), re.S
        )


def test_sector_route(client, sample_index):
    assert len(titles(client.get(sample_index.url + "sector/ho-tich/"))) == 11
    assert client.get(sample_index.url + "sector/dat-dai/").status_code == 404


@pytest.mark.parametrize(
    "query", ["Đăng ký khai sinh", "dang ky khai sinh", "DANG KY KHAI SINH", "1.001193"]
)
def test_search_finds_birth_registration_first(client, sample_index, query):
    add_many(sample_index, 40)  # distractors: "Thủ tục số N về đăng ký hộ tịch"
    response = client.get(sample_index.url, {"q": query})
    assert titles(response)[0] == "Đăng ký khai sinh"


def test_search_by_words_in_any_order_of_the_name(client, sample_index):
    found = titles(client.get(sample_index.url, {"q": "chung thuc di chuc"}))
    assert found == ["Chứng thực di chúc"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"sector": "dat-dai"}, "sector"),
        ({"level": "quan"}, "level"),
        ({"online": "yes"}, "online"),
        ({"q": "khai\x00sinh"}, "q"),
        ({"page": "99999999999999999999999"}, "page"),
        ({"page": "-1"}, "page"),
    ],
)
def test_bad_filters_answer_400_naming_the_parameter(client, sample_index, query, parameter):
    with translation.override("en"):
        response = client.get(sample_index.url, query, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert f"“{parameter}”".encode() in response.content


def test_a_page_beyond_the_last_shows_the_last(client, sample_index):
    assert client.get(sample_index.url, {"page": "999999"}).status_code == 200


def test_procedure_page_sections_and_online_link(client, sample_index):
    birth = ProcedurePage.objects.get(code="1.001193")
    html = client.get(birth.url).content.decode()
    for anchor in ("steps", "methods", "dossier", "result", "legal"):
        assert f'id="{anchor}"' in html and f'href="#{anchor}"' in html
    assert "ma_thu_tuc=1.001193" in html
    assert "60/2014/QH13" in html and "Tờ khai đăng ký khai sinh theo mẫu" in html
    offline = ProcedurePage.objects.get(code="2.000815")
    assert "dichvucong.gov.vn" not in client.get(offline.url).content.decode()


def test_print_view_is_the_checklist(client, sample_index):
    page = ProcedurePage.objects.get(code="1.004859")
    html = client.get(page.url + "print/").content.decode()
    assert html.count("☐") == 4
    assert "<h3>Thay đổi họ, tên</h3>" in html and "<h3>Cải chính sai sót</h3>" in html
    assert 'name="robots" content="noindex"' in html


def test_unpublished_procedures_are_hidden(client, sample_index):
    birth = ProcedurePage.objects.get(code="1.001193")
    birth.unpublish()
    assert "Đăng ký khai sinh" not in titles(client.get(sample_index.url))
    assert client.get(sample_index.url, {"q": "1.001193"}).status_code == 200
    assert titles(client.get(sample_index.url, {"q": "1.001193"})) == []
    assert client.get(birth.url).status_code == 404


def test_announced_procedures_join_the_latest_items(sample_index):
    site = sample_index.get_site()
    items = latest_items(site, Locale.objects.get(language_code="vi"), limit=50)
    procedures = {item.page.title for item in items if item.item_type.model is ProcedurePage}
    assert procedures == {
        "Đăng ký khai sinh",
        "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
        "Trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội",
    }


def test_query_counts_stay_fixed_with_2000_procedures(client, sample_index):
    birth = ProcedurePage.objects.get(code="1.001193")
    urls = [
        sample_index.url,
        sample_index.url + "?sector=ho-tich&level=xa",
        sample_index.url + "?q=dang+ky+khai+sinh&online=full",
        sample_index.url + "?page=2",
        sample_index.url + "sector/ho-tich/",
        birth.url,
        birth.url + "print/",
        "/api/v2/procedures/?fields=*",
        "/api/v2/procedures/?sector=ho-tich&level=xa&fields=*",
        f"/api/v2/procedures/{birth.pk}/",
    ]
    before = {url: count_page_queries(client, url)[0] for url in urls}
    add_many(sample_index, 2000)
    after = {url: count_page_queries(client, url)[0] for url in urls}
    assert after == before
    response = client.get(sample_index.url, {"q": "dang ky khai sinh"})
    assert titles(response)[0] == "Đăng ký khai sinh"
    assert ProcedurePage.objects.live().count() == 2023
