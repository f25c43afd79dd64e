"""The page types of the core: where they may be created, that editors can edit them, and what
a visitor sees on the home page in Vietnamese and in English."""

import datetime
import re
import unicodedata

import pytest
import time_machine
from django.urls import reverse
from wagtail.coreutils import get_dummy_request
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import ContentPageFactory
from tests.html import soup
from tests.testapp.models import PlainPage
from wagtail_ward.models import (
    ContentPage,
    DailyVisitCount,
    SitemapPage,
    WardHomePage,
    WardSettings,
)

# 18:30 UTC on Tuesday 9 February 2016 is 01:30 on Wednesday 10 February in Vietnam.
NIGHT = datetime.datetime(2016, 2, 9, 18, 30, tzinfo=datetime.UTC)


@pytest.fixture
def page_asserts(client, ward_site):
    """Wagtail's page assertions (``WagtailPageTestCase``) driven by pytest's client."""
    case = WagtailPageTestCase()
    case.client = client
    case.dummy_request = get_dummy_request(site=ward_site)
    return case


def nav_items(page_soup):
    return [(a.get_text(strip=True), a["href"]) for a in page_soup.select("nav.ward-nav a[href]")]


def language_links(page_soup):
    return {a["hreflang"]: a["href"] for a in page_soup.select("nav.ward-languages a[hreflang]")}


# Where each page type may go ----------------------------------------------------------------


def test_home_page_only_under_the_tree_root(page_asserts):
    page_asserts.assertCanCreateAt(Page, WardHomePage)
    page_asserts.assertAllowedParentPageTypes(WardHomePage, {Page})
    page_asserts.assertCanNotCreateAt(WardHomePage, WardHomePage)
    page_asserts.assertCanNotCreateAt(ContentPage, WardHomePage)


def test_content_pages_go_anywhere_below_the_home_page(page_asserts):
    page_asserts.assertCanCreateAt(WardHomePage, ContentPage)
    page_asserts.assertCanCreateAt(ContentPage, ContentPage)
    page_asserts.assertCanCreateAt(WardHomePage, SitemapPage)


def test_site_map_page_has_no_children(page_asserts):
    page_asserts.assertAllowedSubpageTypes(SitemapPage, set())
    page_asserts.assertCanNotCreateAt(SitemapPage, ContentPage)


def test_only_one_site_map_per_parent(home):
    # The ward_site fixture already made one under the home page.
    assert not SitemapPage.can_create_at(home)
    section = ContentPageFactory(parent=home)
    assert SitemapPage.can_create_at(section)


def test_every_page_type_renders(page_asserts, home):
    content = ContentPageFactory(
        parent=home, body=[("paragraph", "<p>Giờ làm việc của bộ phận một cửa.</p>")]
    )
    page_asserts.assertPageIsRenderable(home)
    page_asserts.assertPageIsRenderable(content)
    page_asserts.assertPageIsRenderable(WardSettings.for_site(home.get_site()).sitemap_page)
    page_asserts.assertPageIsRoutable(content)


def home_post_data(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "phuong-lac-vien",
            "intro": rich_text("<p>Chào mừng quý khách.</p>"),
            "layout": streamfield(
                [("hotline", {"title": "Đường dây nóng", "phone": "1022", "text": ""})]
            ),
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Thông báo lịch tiếp dân.</p>")),
                    ("heading", {"text": "Liên hệ", "level": "h2"}),
                ]
            ),
            "latest_items_count": "5",
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def content_post_data(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Giới thiệu về phường.",
            "body": streamfield([("paragraph", rich_text("<p>Lịch sử hình thành.</p>"))]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def test_home_page_is_editable(page_asserts, home):
    page_asserts.assertPageIsEditable(home, post_data=home_post_data(home.title))


def test_content_page_is_editable(page_asserts, home):
    page = ContentPageFactory(parent=home, slug="gioi-thieu")
    page_asserts.assertPageIsEditable(page, post_data=content_post_data("Giới thiệu", "gioi-thieu"))


def test_site_map_page_is_editable(page_asserts, home):
    sitemap = SitemapPage.objects.get()
    page_asserts.assertPageIsEditable(sitemap)  # no StreamField: the form is read from the page


def test_editor_publishes_the_home_page_body(client, home, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[home.pk]),
        home_post_data("Phường Lạc Viên – trang chủ"),
    )
    assert response.status_code == 302
    home.refresh_from_db()
    assert home.title == "Phường Lạc Viên – trang chủ"
    assert home.latest_items_count == 5
    assert [block.block_type for block in home.body] == ["paragraph", "heading"]
    assert [block.block_type for block in home.layout] == ["hotline"]

    html = client.get("/").content.decode()
    assert "Thông báo lịch tiếp dân." in html
    assert "<h2>Liên hệ</h2>" in html
    assert "Chào mừng quý khách." in html


def test_editor_creates_a_content_page(client, home, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["wagtail_ward", "contentpage", home.pk]),
        content_post_data("Giới thiệu chung", "gioi-thieu-chung"),
    )
    assert response.status_code == 302
    page = ContentPage.objects.get(slug="gioi-thieu-chung")
    assert page.live
    html = client.get("/gioi-thieu-chung/").content.decode()
    assert "Giới thiệu chung" in html
    assert "Lịch sử hình thành." in html


# The home page as a visitor sees it ---------------------------------------------------------


def test_home_page_header_shows_todays_long_date_in_vietnam(client, home):
    with time_machine.travel(NIGHT, tick=False):
        page = soup(client.get("/"))
    assert page.select_one(".ward-date").get_text(strip=True) == "Thứ tư, 10/02/2016"
    assert page.select_one(".ward-date time")["datetime"] == "2016-02-10"


def test_home_page_navigation(client, home):
    ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True)
    ContentPageFactory(parent=home, title="Tin tức", slug="tin-tuc", show_in_menus=True)
    ContentPageFactory(parent=home, title="Không trong menu", slug="an", show_in_menus=False)

    page = soup(client.get("/"))

    assert nav_items(page) == [
        ("Trang chủ", "/"),
        ("Giới thiệu", "/gioi-thieu/"),
        ("Tin tức", "/tin-tuc/"),
        ("Sơ đồ site", "/so-do-site/"),
        ("Website quận", "https://quan.example.gov.vn/"),
    ]
    assert page.select_one('nav.ward-nav a[href="/"]')["aria-current"] == "page"


def test_home_page_shows_unit_and_governing_body(client, home):
    page = soup(client.get("/"))
    # The header names the governing body, as state portals do, over the parent unit.
    assert page.select_one(".ward-unit-name").get_text(strip=True) == (
        "Ủy ban nhân dân phường Lạc Viên"
    )
    # The parent line comes from the profile's data (UnitProfile.parent_line).
    assert page.select_one(".ward-parent-unit").get_text(strip=True) == (
        "QUẬN NGÔ QUYỀN – THÀNH PHỐ HẢI PHÒNG"
    )
    assert page.select_one(".ward-footer__body").get_text(strip=True) == (
        "Ủy ban nhân dân phường Lạc Viên"
    )
    footer = page.select_one("footer").get_text(" ", strip=True)
    assert "Số 2 Lạch Tray, Hải Phòng" in footer
    assert page.select_one('footer a[href="tel:02253551206"]') is not None
    assert page.title.get_text() == ("Trang thông tin điện tử phường Lạc Viên – Phường Lạc Viên")


def test_home_page_leaves_the_visitor_count_to_its_script(client, home, ward_site):
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 11, 1), count=12000)
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 11, 2), count=345)

    page = soup(client.get("/"))  # no User-Agent: not counted as a visit

    # The page is every reader's: the box waits, hidden, for the total of the visit report.
    box = page.select_one(".ward-visitors[data-ward-visitors]")
    assert box.has_attr("hidden")
    assert box.select_one(".ward-visitors__total data")["value"] == ""
    script = page.select_one("script[data-ward-visits]")
    assert script["data-ward-visits"] == "/api/ward/visits/"
    assert script["data-ward-language"] == "vi"
    report = client.post(script["data-ward-visits"], data="{}", content_type="application/json")
    assert report.json()["total"] == 12345


def test_english_home_shows_the_english_profile_and_navigation(client, home, translate):
    translate(home, {"Trang thông tin điện tử phường Lạc Viên": "Lạc Viên Ward website"})
    settings = WardSettings.for_site(home.get_site())
    translate(
        settings.profile,
        {
            "Phường Lạc Viên": "Lạc Viên Ward",
            "Ủy ban nhân dân phường Lạc Viên": "People’s Committee of Lạc Viên Ward",
            "Quận Ngô Quyền": "Ngô Quyền District",
            "Thành phố Hải Phòng": "Hải Phòng City",
        },
    )
    translate(settings.sitemap_page, {"Sơ đồ site": "Site map"})

    with time_machine.travel(NIGHT, tick=False):
        page = soup(client.get("/en/"))

    assert page.html["lang"] == "en"
    assert page.select_one("h1").get_text(strip=True) == "Lạc Viên Ward website"
    assert page.select_one(".ward-unit-name").get_text(strip=True) == (
        "People’s Committee of Lạc Viên Ward"
    )
    assert page.select_one(".ward-parent-unit").get_text(strip=True) == (
        "NGÔ QUYỀN DISTRICT – HẢI PHÒNG CITY"
    )
    assert page.select_one(".ward-footer__body").get_text(strip=True) == (
        "People’s Committee of Lạc Viên Ward"
    )
    assert page.select_one(".ward-date").get_text(strip=True) == "Wednesday, 10/02/2016"
    assert nav_items(page) == [
        ("Home", "/en/"),
        ("Site map", "/en/so-do-site/"),
        ("District website", "https://quan.example.gov.vn/"),
    ]
    # The Vietnamese home keeps the Vietnamese profile.
    page = soup(client.get("/"))
    assert (
        page.select_one(".ward-unit-name").get_text(strip=True) == "Ủy ban nhân dân phường Lạc Viên"
    )


def test_language_switcher_links_to_the_translation_of_the_current_page(client, home, translate):
    translate(home)
    page = ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu")
    translate(page, {"Giới thiệu": "About us"})

    vietnamese = soup(client.get("/gioi-thieu/"))
    english = soup(client.get("/en/gioi-thieu/"))

    assert language_links(vietnamese) == {"vi": "/gioi-thieu/", "en": "/en/gioi-thieu/"}
    assert language_links(english) == {"vi": "/gioi-thieu/", "en": "/en/gioi-thieu/"}
    assert vietnamese.select_one('nav.ward-languages a[hreflang="vi"]')["aria-current"] == "true"
    assert english.select_one('nav.ward-languages a[hreflang="en"]')["aria-current"] == "true"
    vietnamese_name = english.select_one('nav.ward-languages a[hreflang="vi"]').get_text()
    assert unicodedata.normalize("NFC", vietnamese_name) == "Tiếng Việt"
    # The same links go into <head> for search engines.
    head_links = {
        link["hreflang"]: link["href"] for link in english.select('head link[rel="alternate"]')
    }
    assert head_links == {
        "vi": "http://testserver/gioi-thieu/",
        "en": "http://testserver/en/gioi-thieu/",
    }


def test_untranslated_page_links_to_the_english_home(client, home, translate):
    translate(home)
    ContentPageFactory(parent=home, title="Chỉ tiếng Việt", slug="chi-tieng-viet")

    page = soup(client.get("/chi-tieng-viet/"))

    assert language_links(page) == {"vi": "/chi-tieng-viet/", "en": "/en/"}


def test_no_language_switcher_without_a_translation(client, home):
    page = soup(client.get("/"))
    assert page.select_one("nav.ward-languages") is None


def test_unit_name_is_escaped_in_the_page(client, home):
    profile = WardSettings.for_site(home.get_site()).profile
    profile.name = "<script>alert('x')</script>"
    profile.save()

    html = client.get("/").content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_plain_wagtail_page_is_untouched(page_asserts, home):
    """A page type of the project that does not use the ward templates still renders."""
    page_asserts.assertCanCreateAt(WardHomePage, PlainPage)
    plain = home.add_child(instance=PlainPage(title="Trang thường", slug="trang-thuong"))
    page_asserts.assertPageIsRenderable(plain)
    assert re.search(r"<h1>Trang thường</h1>", page_asserts.client.get("/trang-thuong/").text)
