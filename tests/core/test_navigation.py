"""The header's top navigation (Trang chủ · menu pages · Sơ đồ site · Website quận) and the
language switcher."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.coreutils import get_dummy_request
from wagtail.models import PageViewRestriction

from tests.factories import ContentPageFactory
from tests.queries import count_page_queries
from wagtail_ward.models import SitemapPage, WardSettings
from wagtail_ward.navigation import language_links, top_navigation


@pytest.fixture
def request_(ward_site):
    return get_dummy_request(site=ward_site)


def simple(items):
    return [(item["kind"], item["title"], item["url"]) for item in items]


def test_navigation_of_a_new_site(request_, ward_site, vi):
    items = top_navigation(request_, ward_site, vi)

    assert simple(items) == [
        ("home", "Trang chủ", "/"),
        ("sitemap", "Sơ đồ site", "/so-do-site/"),
        ("parent_unit", "Website quận", "https://quan.example.gov.vn/"),
    ]
    assert [item["external"] for item in items] == [False, False, True]


def test_menu_pages_only_when_in_menus_live_and_public(request_, ward_site, home, vi):
    ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    ContentPageFactory(parent=home, title="Không trong menu", slug="khong", show_in_menus=False)
    ContentPageFactory(parent=home, title="Bản nháp", slug="nhap", show_in_menus=True, live=False)
    private = ContentPageFactory(parent=home, title="Nội bộ", slug="noi-bo", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    section = ContentPageFactory(parent=home, title="Tin tức", slug="tin-tuc", show_in_menus=True)
    ContentPageFactory(parent=section, title="Cháu", slug="chau", show_in_menus=True)

    pages = [item for item in top_navigation(request_, ward_site, vi) if item["kind"] == "page"]

    assert [(item["title"], item["url"]) for item in pages] == [
        ("Giới thiệu", "/gioi-thieu/"),
        ("Tin tức", "/tin-tuc/"),
    ]
    assert not any(item["external"] for item in pages)


def test_menu_pages_follow_the_editors_order(request_, ward_site, home, vi):
    second = ContentPageFactory(parent=home, title="Thứ hai", slug="b", show_in_menus=True)
    first = ContentPageFactory(parent=home, title="Thứ nhất", slug="a", show_in_menus=True)
    first.move(second, pos="left")

    pages = [i["title"] for i in top_navigation(request_, ward_site, vi) if i["kind"] == "page"]

    assert pages == ["Thứ nhất", "Thứ hai"]


def test_no_sitemap_link_when_none_is_set(request_, ward_site, vi):
    settings = WardSettings.for_site(ward_site)
    settings.sitemap_page = None
    settings.save()

    kinds = [item["kind"] for item in top_navigation(request_, ward_site, vi)]

    assert kinds == ["home", "parent_unit"]


def test_no_sitemap_link_when_the_sitemap_page_is_unpublished(request_, ward_site, vi):
    SitemapPage.objects.get().unpublish()

    kinds = [item["kind"] for item in top_navigation(request_, ward_site, vi)]

    assert "sitemap" not in kinds


def test_no_district_link_without_an_address(request_, ward_site, vi):
    settings = WardSettings.for_site(ward_site)
    settings.parent_unit_url = ""
    settings.save()

    kinds = [item["kind"] for item in top_navigation(request_, ward_site, vi)]

    assert kinds == ["home", "sitemap"]


def test_english_navigation_has_english_labels_and_pages(request_, ward_site, home, en, translate):
    translate(home)
    about = ContentPageFactory(
        parent=home, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True
    )
    translate(about, {"Giới thiệu": "About us"})
    ContentPageFactory(parent=home, title="Chỉ tiếng Việt", slug="chi-vi", show_in_menus=True)
    translate(SitemapPage.objects.get(), {"Sơ đồ site": "Site map"})

    with translation.override("vi"):  # the labels follow the locale asked for, not the request
        items = top_navigation(request_, ward_site, en)

    assert simple(items) == [
        ("home", "Home", "/en/"),
        ("page", "About us", "/en/gioi-thieu/"),
        ("sitemap", "Site map", "/en/so-do-site/"),
        ("parent_unit", "District website", "https://quan.example.gov.vn/"),
    ]


def test_english_menu_leaves_out_a_draft_translation(request_, ward_site, home, en, translate):
    translate(home)
    about = ContentPageFactory(
        parent=home, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True
    )
    translate(about, {"Giới thiệu": "About us"}).unpublish()

    titles = [item["title"] for item in top_navigation(request_, ward_site, en)]

    assert "About us" not in titles
    assert "Giới thiệu" not in titles


def test_english_navigation_without_an_english_home(request_, ward_site, en):
    """Until the home page is translated, the English labels lead to the Vietnamese pages."""
    assert simple(top_navigation(request_, ward_site, en)) == [
        ("home", "Home", "/"),
        ("sitemap", "Site map", "/so-do-site/"),
        ("parent_unit", "District website", "https://quan.example.gov.vn/"),
    ]


def test_navigation_is_worked_out_once_per_request(request_, ward_site, home, vi):
    ContentPageFactory(parent=home, title="Giới thiệu", show_in_menus=True)
    first = top_navigation(request_, ward_site, vi)
    with CaptureQueriesContext(connection) as captured:
        again = top_navigation(request_, ward_site, vi)
    assert again == first
    assert len(captured) == 0


def test_no_site_no_navigation(request_, vi):
    assert top_navigation(request_, None, vi) == []


def test_navigation_query_count_does_not_grow_with_menu_pages(ward_site, home, vi):
    def queries():
        request = get_dummy_request(site=ward_site)  # a new request: nothing memoised yet
        with CaptureQueriesContext(connection) as captured:
            items = top_navigation(request, ward_site, vi)
        return len(captured), len(items)

    for _ in range(3):
        ContentPageFactory(parent=home, show_in_menus=True)
    queries()  # warm up: the site's root page is loaded once
    few, few_items = queries()
    for _ in range(20):
        ContentPageFactory(parent=home, show_in_menus=True)
    many, many_items = queries()

    assert (few_items, many_items) == (6, 26)
    assert many == few


def test_rendered_menu_query_count_does_not_grow(client, home):
    def queries():
        counts, response = count_page_queries(client, "/")
        return counts, response.content.decode().count("ward-nav__item--page")

    for _ in range(3):
        ContentPageFactory(parent=home, show_in_menus=True)
    few, few_items = queries()
    for _ in range(20):
        ContentPageFactory(parent=home, show_in_menus=True)
    many, many_items = queries()

    assert (few_items, many_items) == (3, 23)
    assert many == few


# The language switcher -----------------------------------------------------------------------


def links(result):
    return {link["language_code"]: (link["url"], link["current"]) for link in result}


def test_language_links_point_at_the_translation(request_, ward_site, home, translate):
    translate(home)
    about = ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu")
    english_about = translate(about, {"Giới thiệu": "About us"})

    with translation.override("vi"):
        from_vietnamese = language_links(request_, about, ward_site)
    with translation.override("en"):
        from_english = language_links(request_, english_about, ward_site)

    assert links(from_vietnamese) == {
        "vi": ("/gioi-thieu/", True),
        "en": ("/en/gioi-thieu/", False),
    }
    assert links(from_english) == {
        "vi": ("/gioi-thieu/", False),
        "en": ("/en/gioi-thieu/", True),
    }
    assert [link["english_name"] for link in from_english] == ["Tiếng Việt", "English"]
    assert [link["full_url"] for link in from_english] == [
        "http://testserver/gioi-thieu/",
        "http://testserver/en/gioi-thieu/",
    ]
    assert from_english[1]["name"] == "English"


def test_an_untranslated_page_links_to_the_other_home(request_, ward_site, home, translate):
    translate(home)
    page = ContentPageFactory(parent=home, slug="chi-vi")

    with translation.override("vi"):
        result = language_links(request_, page, ward_site)

    assert links(result) == {"vi": ("/chi-vi/", True), "en": ("/en/", False)}


def test_a_draft_translation_is_not_linked(request_, ward_site, home, translate):
    translate(home)
    page = ContentPageFactory(parent=home, title="Kế hoạch", slug="ke-hoach")
    translate(page, {"Kế hoạch": "Plan"}).unpublish()

    with translation.override("vi"):
        result = language_links(request_, page, ward_site)

    assert links(result)["en"] == ("/en/", False)


def test_no_english_link_before_the_home_page_is_translated(request_, ward_site, home):
    with translation.override("vi"):
        result = language_links(request_, home, ward_site)

    assert links(result) == {"vi": ("/", True)}


def test_without_a_page_the_links_are_the_home_pages(request_, ward_site, home, translate):
    translate(home)

    with translation.override("en"):
        result = language_links(request_, None, ward_site)

    assert links(result) == {"vi": ("/", False), "en": ("/en/", True)}
