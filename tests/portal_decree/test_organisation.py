"""The organisation page: leaders with photo, post, phone and e-mail, departments, in HTML, in the
pages API and in the site-info API, with query counts that do not grow with the leaders."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase

from tests.factories import OrganisationPageFactory
from tests.html import texts
from tests.queries import count_page_queries
from wagtail_ward.models import (
    ContentPage,
    OrganisationDepartment,
    OrganisationLeader,
    OrganisationPage,
    WardHomePage,
)

URL = "/co-cau-to-chuc/"


@pytest.fixture
def photo(db):
    return get_image_model().objects.create(title="Chân dung", file=get_test_image_file())


def add_leaders(page, count, photo=None, start=0):
    for number in range(start, start + count):
        OrganisationLeader.objects.create(
            page=page,
            sort_order=number,
            name=f"Lãnh đạo {number}",
            post="Phó Chủ tịch Ủy ban nhân dân phường",
            phone="0225 3551 206",
            email=f"lanhdao{number}@example.gov.vn",
            photo=photo,
        )


@pytest.fixture
def organisation(home, photo):
    page = OrganisationPageFactory(parent=home)
    add_leaders(page, 2, photo)
    OrganisationDepartment.objects.create(
        page=page, sort_order=0, name="Bộ phận một cửa", phone="0225 3551 207"
    )
    return page


def test_page_shows_leaders_and_departments(client, organisation):
    response = client.get(URL)

    assert texts(response, ".ward-leader__name") == ["Lãnh đạo 0", "Lãnh đạo 1"]
    assert texts(response, ".ward-leader__post") == ["Phó Chủ tịch Ủy ban nhân dân phường"] * 2
    assert texts(response, ".ward-leader__contact") == [
        "Điện thoại: 0225 3551 206 Email: lanhdao0@example.gov.vn",
        "Điện thoại: 0225 3551 206 Email: lanhdao1@example.gov.vn",
    ]
    html = response.content.decode()
    assert html.count('class="ward-leader__photo"') == 2
    assert 'alt="Lãnh đạo 0"' in html
    assert texts(response, ".ward-departments h3") == ["Bộ phận một cửa"]
    assert texts(response, "h2")[:4] == [
        "Lãnh đạo",
        "Cơ cấu tổ chức",
        "Chức năng, nhiệm vụ",
        "Các bộ phận",
    ]


def test_query_count_does_not_grow_with_the_leaders(client, organisation, photo):
    few, _response = count_page_queries(client, URL)
    add_leaders(organisation, 6, photo, start=2)
    many, response = count_page_queries(client, URL)

    assert len(texts(response, ".ward-leader")) == 8
    assert many == few


def test_pages_api_returns_leaders_with_photos(client, organisation):
    response = client.get(f"/api/v2/pages/{organisation.pk}/")

    assert response.status_code == 200
    data = response.json()
    assert [leader["name"] for leader in data["leaders"]] == ["Lãnh đạo 0", "Lãnh đạo 1"]
    leader = data["leaders"][0]
    assert leader["post"] == "Phó Chủ tịch Ủy ban nhân dân phường"
    assert leader["email"] == "lanhdao0@example.gov.vn"
    assert leader["photo"]["url"].startswith("http://testserver/")
    assert (leader["photo"]["width"], leader["photo"]["height"]) == (240, 300)
    assert [department["name"] for department in data["departments"]] == ["Bộ phận một cửa"]


def test_site_info_returns_the_organisation(client, organisation, photo):
    def site_info():
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/ward/site-info/")
        assert response.status_code == 200
        return response.json(), len(queries)

    site_info()  # renditions and the site's caches are made once
    data, few = site_info()
    assert data["organisation"]["url"] == f"http://testserver{URL}"
    assert [leader["name"] for leader in data["organisation"]["leaders"]] == [
        "Lãnh đạo 0",
        "Lãnh đạo 1",
    ]
    assert data["organisation"]["departments"][0]["phone"] == "0225 3551 207"
    assert data["questions_page"] is None

    add_leaders(organisation, 5, photo, start=2)
    data, many = site_info()
    assert len(data["organisation"]["leaders"]) == 7
    assert many == few


def test_draft_or_private_organisation_is_not_in_site_info(client, organisation):
    organisation.unpublish()
    assert client.get("/api/ward/site-info/").json()["organisation"] is None


class TestOrganisationPageType(WagtailPageTestCase):
    def test_can_be_created_under_a_home_or_content_page_and_has_no_children(self):
        self.assertCanCreateAt(WardHomePage, OrganisationPage)
        self.assertCanCreateAt(ContentPage, OrganisationPage)
        self.assertAllowedSubpageTypes(OrganisationPage, {})


def test_site_info_in_english_returns_the_english_page(client, home, organisation, translate):
    translate(home)
    translate(organisation, {"Cơ cấu tổ chức": "Organisation", "co-cau-to-chuc": "organisation"})

    data = client.get("/api/ward/site-info/", {"locale": "en"}).json()

    assert data["organisation"]["title"] == "Organisation"
    assert data["organisation"]["url"] == "http://testserver/en/organisation/"
    assert len(data["organisation"]["leaders"]) == 2
