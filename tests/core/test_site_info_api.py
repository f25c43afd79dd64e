"""GET /api/ward/site-info/: the header and footer data of a headless frontend; and the pages
endpoint of the API v2 router."""

import datetime

import pytest
import time_machine
import wagtail_factories
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import ContentPageFactory, UnitProfileFactory, make_ward_site
from wagtail_ward.models import DailyVisitCount, WardSettings

URL = "/api/ward/site-info/"
BASE = "http://testserver"
# 18:30 UTC on Tuesday 9 February 2016 is 01:30 on Wednesday 10 February in Vietnam.
NIGHT = datetime.datetime(2016, 2, 9, 18, 30, tzinfo=datetime.UTC)


def get_json(client, url=URL, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_site_info_in_vietnamese(client, ward_site):
    with time_machine.travel(NIGHT, tick=False):
        data = get_json(client)

    assert data["site"] == {"id": ward_site.pk, "hostname": "testserver", "name": "Lạc Viên"}
    assert data["locale"] == "vi"
    assert data["unit"] == {
        "name": "Phường Lạc Viên",
        "level": "ward",
        "governing_body": "Ủy ban nhân dân phường Lạc Viên",
        "parent_unit_name": "Quận Ngô Quyền",
        "parent_level": "urban_district",
        "parent_line": "QUẬN NGÔ QUYỀN – THÀNH PHỐ HẢI PHÒNG",
        "parent_unit_url": "https://quan.example.gov.vn/",
        "parent_link_label": "Website quận",
        "managing_agency": "",
        "responsible_person": {"name": "", "post": ""},
        "licence": "",
        "address": "Số 2 Lạch Tray, Hải Phòng",
        "office_hours": "",
        "phone": "0225 3551 206",
        "email": "ubnd@example.gov.vn",
        "logo": None,
    }
    assert data["date"] == {"iso": "2016-02-10", "long": "Thứ tư, 10/02/2016"}
    assert data["visitors"] == {"total": 0, "total_display": "0"}


def test_vietnamese_text_is_sent_as_utf8_not_escaped(client, ward_site):
    body = client.get(URL).content.decode("utf-8")
    assert "Phường Lạc Viên" in body


def test_navigation_has_absolute_urls(client, home):
    ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)

    data = get_json(client)

    assert data["navigation"] == [
        {"title": "Trang chủ", "url": f"{BASE}/", "kind": "home", "external": False},
        {"title": "Giới thiệu", "url": f"{BASE}/gioi-thieu/", "kind": "page", "external": False},
        {"title": "Sơ đồ site", "url": f"{BASE}/so-do-site/", "kind": "sitemap", "external": False},
        {
            "title": "Website quận",
            "url": "https://quan.example.gov.vn/",
            "kind": "parent_unit",
            "external": True,
        },
    ]


def test_site_info_in_english(client, home, translate):
    translate(home)
    about = ContentPageFactory(
        parent=home, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True
    )
    translate(about, {"Giới thiệu": "About us"})
    translate(
        WardSettings.for_site(home.get_site()).profile,
        {"Phường Lạc Viên": "Lạc Viên Ward", "Ủy ban nhân dân phường Lạc Viên": "Ward Committee"},
    )

    with time_machine.travel(NIGHT, tick=False):
        data = get_json(client, locale="en")

    assert data["locale"] == "en"
    assert data["unit"]["name"] == "Lạc Viên Ward"
    assert data["unit"]["governing_body"] == "Ward Committee"
    assert data["date"] == {"iso": "2016-02-10", "long": "Wednesday, 10/02/2016"}
    assert [(item["title"], item["url"]) for item in data["navigation"]] == [
        ("Home", f"{BASE}/en/"),
        ("About us", f"{BASE}/en/gioi-thieu/"),
        ("Site map", f"{BASE}/so-do-site/"),
        ("District website", "https://quan.example.gov.vn/"),
    ]


def test_english_without_an_english_profile_falls_back_to_vietnamese(client, ward_site):
    data = get_json(client, locale="en")
    assert data["unit"]["name"] == "Phường Lạc Viên"
    assert data["date"]["long"].split(",")[0] in {
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    }


def test_visitor_total_with_vietnamese_grouping(client, ward_site):
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 11, 1), count=10000)
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 11, 2), count=2000)
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 11, 3), count=345)
    other = make_ward_site("maychai.localhost", default=False)
    DailyVisitCount.objects.create(site=other, date=datetime.date(2026, 11, 3), count=999)

    assert get_json(client)["visitors"] == {"total": 12345, "total_display": "12.345"}
    assert get_json(client, locale="en")["visitors"] == {
        "total": 12345,
        "total_display": "12,345",
    }
    # Asking for the site info is not a visit.
    assert get_json(client)["visitors"]["total"] == 12345


def test_unknown_locale_is_a_404_with_a_message(client, ward_site):
    data = get_json(client, status=404, locale="fr")
    assert "fr" in data["message"]


@pytest.mark.parametrize("site", ["9999", "abc", "-1"])
def test_unknown_site_is_a_404_with_a_message(client, ward_site, site):
    data = get_json(client, status=404, site=site)
    assert data["message"]


def test_site_parameter_selects_another_site(client, ward_site):
    other = make_ward_site("maychai.localhost", default=False)
    settings = WardSettings.for_site(other)
    settings.profile = UnitProfileFactory(
        name="Phường Máy Chai", governing_body="Ủy ban nhân dân phường Máy Chai"
    )
    settings.save()
    DailyVisitCount.objects.create(site=other, date=datetime.date(2026, 11, 3), count=1500)

    data = get_json(client, site=str(other.pk))

    assert data["site"]["id"] == other.pk
    assert data["unit"]["name"] == "Phường Máy Chai"
    assert data["unit"]["governing_body"] == "Ủy ban nhân dân phường Máy Chai"
    assert data["unit"]["parent_unit_url"] == ""
    assert data["visitors"] == {"total": 1500, "total_display": "1.500"}
    assert [item["kind"] for item in data["navigation"]] == ["home"]
    assert data["navigation"][0]["url"] == "http://maychai.localhost/"
    # Without the parameter, the host decides.
    assert get_json(client)["unit"]["name"] == "Phường Lạc Viên"


def test_site_without_a_profile_uses_the_site_name(client, ward_site):
    other = make_ward_site("maychai.localhost", default=False)
    data = get_json(client, site=str(other.pk))
    assert data["unit"]["name"] == "maychai.localhost"
    assert data["unit"]["governing_body"] == ""


def test_logo_is_an_absolute_url_of_a_rendition(client, ward_site):
    settings = WardSettings.for_site(ward_site)
    settings.logo = wagtail_factories.ImageFactory(
        title="Quốc huy", file__width=400, file__height=400
    )
    settings.save()

    logo = get_json(client)["unit"]["logo"]

    assert logo["url"].startswith(f"{BASE}/media/")
    assert logo["url"].endswith(".png")
    assert (logo["width"], logo["height"]) == (240, 240)
    assert logo["alt"] == "Quốc huy"


def test_only_get_is_allowed(client, ward_site):
    assert client.post(URL).status_code == 405


def test_user_text_comes_back_as_json_text(client, home):
    profile = WardSettings.for_site(home.get_site()).profile
    profile.name = "<script>alert('x')</script>"
    profile.governing_body = 'Ủy ban "nhân dân" & <b>đoàn thể</b>'
    profile.save()
    ContentPageFactory(parent=home, title="<img src=x onerror=alert(1)>", show_in_menus=True)

    response = client.get(URL)
    data = response.json()

    assert response["Content-Type"] == "application/json"
    assert data["unit"]["name"] == "<script>alert('x')</script>"
    assert data["unit"]["governing_body"] == 'Ủy ban "nhân dân" & <b>đoàn thể</b>'
    assert data["navigation"][1]["title"] == "<img src=x onerror=alert(1)>"
    # The HTML page shows the same text escaped.
    html = client.get("/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_query_count_does_not_grow_with_menu_pages(client, home):
    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            data = get_json(client)
        return len(captured), len(data["navigation"])

    for _ in range(3):
        ContentPageFactory(parent=home, show_in_menus=True)
    queries()
    few, few_items = queries()
    for _ in range(30):
        ContentPageFactory(parent=home, show_in_menus=True)
    many, many_items = queries()

    assert (few_items, many_items) == (6, 36)
    assert many == few


# The API v2 pages endpoint -------------------------------------------------------------------


def test_pages_endpoint_lists_live_public_pages_only(client, home):
    ContentPageFactory(parent=home, title="Công khai", slug="cong-khai")
    ContentPageFactory(parent=home, title="Bản nháp", slug="ban-nhap", live=False)
    private = ContentPageFactory(parent=home, title="Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    under_private = ContentPageFactory(parent=private, title="Văn bản nội bộ", slug="van-ban")

    data = get_json(client, "/api/v2/pages/")
    titles = {item["title"] for item in data["items"]}

    assert "Công khai" in titles
    assert not titles & {"Bản nháp", "Nội bộ", "Văn bản nội bộ"}
    assert data["meta"]["total_count"] == len(data["items"])
    # Not by id either.
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{under_private.pk}/").status_code == 404


def test_pages_endpoint_filters_by_locale(client, home, translate):
    translate(home, {"Trang thông tin điện tử phường Lạc Viên": "Lạc Viên Ward"})

    english = get_json(client, "/api/v2/pages/", locale="en")
    unknown = get_json(client, "/api/v2/pages/", status=404, locale="fr")

    assert [item["title"] for item in english["items"]] == ["Lạc Viên Ward"]
    assert english["items"][0]["meta"]["locale"] == "en"
    assert unknown["message"]


def test_pages_endpoint_query_count_does_not_grow(client, home):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            data = get_json(client, "/api/v2/pages/", limit="20")
        return len(captured), len(data["items"])

    for _ in range(3):  # with the home and site map pages: 5
        ContentPageFactory(parent=home)
    queries()
    few, few_items = queries()
    for _ in range(15):
        ContentPageFactory(parent=home)
    many, many_items = queries()

    assert (few_items, many_items) == (5, 20)
    assert many == few
