"""The two site maps: the HTML "Sơ đồ site" page and /sitemap.xml with hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import (
    ContentPageFactory,
    EventPageFactory,
    NoticePageFactory,
    make_ward_site,
)
from tests.queries import count_page_queries
from wagtail_ward.models import SitemapPage

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "http://testserver"


def make_private(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )


# The HTML site map ---------------------------------------------------------------------------


def tree_of(ul):
    """The nested <ul> as [(title, count text or None, [children…]), …]."""
    nodes = []
    for li in ul.find_all("li", recursive=False):
        count = li.find("span", class_="ward-sitemap__count", recursive=False)
        child_ul = li.find("ul", recursive=False)
        nodes.append(
            (
                li.find("a", recursive=False).get_text(strip=True),
                count.get_text(strip=True) if count else None,
                tree_of(child_ul) if child_ul else [],
            )
        )
    return nodes


def full_tree(client, url="/so-do-site/"):
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    tree = page.select_one(".ward-sitemap__tree > ul")
    return tree_of(tree) if tree else []


def sitemap_tree(client, url="/so-do-site/"):
    """The pages under the home page, which heads the tree."""
    ((_home_title, _count, children),) = full_tree(client, url)
    return children


def links_of(client, url="/so-do-site/"):
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    return {a.get_text(strip=True): a["href"] for a in page.select(".ward-sitemap__tree a")}


@pytest.fixture
def sections(home):
    """Giới thiệu (with two sub-pages) and Thông báo (with three notices)."""
    about = ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu")
    ContentPageFactory(parent=about, title="Lịch sử", slug="lich-su")
    ContentPageFactory(parent=about, title="Tổ chức bộ máy", slug="to-chuc")
    notices = ContentPageFactory(parent=home, title="Thông báo", slug="thong-bao")
    for n in range(3):
        NoticePageFactory(parent=notices, title=f"Thông báo số {n}")
    return {"about": about, "notices": notices}


def test_sitemap_lists_live_public_pages_as_a_nested_tree(client, sections):
    assert full_tree(client) == [
        (
            "Trang thông tin điện tử phường Lạc Viên",
            None,
            [
                ("Sơ đồ site", None, []),
                (
                    "Giới thiệu",
                    None,
                    [("Lịch sử", None, []), ("Tổ chức bộ máy", None, [])],
                ),
                ("Thông báo", "(3 mục)", []),
            ],
        )
    ]
    links = links_of(client)
    assert links["Trang thông tin điện tử phường Lạc Viên"] == "/"
    assert links["Lịch sử"] == "/gioi-thieu/lich-su/"
    assert links["Thông báo"] == "/thong-bao/"


def test_single_items_are_counted_not_listed(client, sections, home):
    events = ContentPageFactory(parent=home, title="Sự kiện", slug="su-kien")
    EventPageFactory(parent=events, title="Hội nghị")

    html = client.get("/so-do-site/").content.decode()

    assert "Thông báo số" not in html
    assert "Hội nghị" not in html
    tree = {title: count for title, count, _children in sitemap_tree(client)}
    assert tree["Thông báo"] == "(3 mục)"
    assert tree["Sự kiện"] == "(1 mục)"


def test_items_directly_under_the_home_page_are_counted_on_it(client, home):
    for n in range(2):
        NoticePageFactory(parent=home, title=f"Thông báo số {n}")

    ((title, count, _children),) = full_tree(client)

    assert title == "Trang thông tin điện tử phường Lạc Viên"
    assert count == "(2 mục)"


def test_drafts_and_their_descendants_are_left_out(client, sections, home):
    draft = ContentPageFactory(parent=home, title="Bản nháp", slug="ban-nhap", live=False)
    ContentPageFactory(parent=draft, title="Con của bản nháp", slug="con")
    ContentPageFactory(parent=sections["about"], title="Nháp con", slug="nhap-con", live=False)
    NoticePageFactory(parent=sections["notices"], title="Thông báo nháp", live=False)

    html = client.get("/so-do-site/").content.decode()

    for title in ("Bản nháp", "Con của bản nháp", "Nháp con"):
        assert title not in html
    tree = {title: (count, children) for title, count, children in sitemap_tree(client)}
    assert tree["Thông báo"][0] == "(3 mục)"  # the draft notice is not counted
    assert [child[0] for child in tree["Giới thiệu"][1]] == ["Lịch sử", "Tổ chức bộ máy"]


def test_private_pages_and_their_descendants_are_left_out(client, sections, home):
    internal = ContentPageFactory(parent=home, title="Nội bộ", slug="noi-bo")
    ContentPageFactory(parent=internal, title="Văn bản nội bộ", slug="van-ban")
    make_private(internal)
    private_notice = NoticePageFactory(parent=sections["notices"], title="Thông báo mật")
    make_private(private_notice)

    html = client.get("/so-do-site/").content.decode()

    assert "Nội bộ" not in html
    assert "Văn bản nội bộ" not in html
    tree = {title: count for title, count, _children in sitemap_tree(client)}
    assert tree["Thông báo"] == "(3 mục)"


def test_pages_of_another_site_are_left_out(client, sections):
    other = make_ward_site("maychai.localhost", default=False)
    ContentPageFactory(parent=other.root_page, title="Trang của phường Máy Chai")

    assert "Trang của phường Máy Chai" not in client.get("/so-do-site/").content.decode()


def test_sitemap_shows_only_the_current_language(client, sections, home, translate):
    translate(home, {"Trang thông tin điện tử phường Lạc Viên": "Lạc Viên Ward"})
    translate(SitemapPage.objects.get(), {"Sơ đồ site": "Site map"})
    translate(sections["about"], {"Giới thiệu": "About us"})

    english = full_tree(client, "/en/so-do-site/")
    vietnamese = sitemap_tree(client)

    assert english == [("Lạc Viên Ward", None, [("Site map", None, []), ("About us", None, [])])]
    assert links_of(client, "/en/so-do-site/")["Lạc Viên Ward"] == "/en/"
    assert links_of(client, "/en/so-do-site/")["About us"] == "/en/gioi-thieu/"
    assert "About us" not in {title for title, _count, _children in vietnamese}
    assert [title for title, _count, _children in vietnamese] == [
        "Sơ đồ site",
        "Giới thiệu",
        "Thông báo",
    ]


def test_sitemap_page_query_count_does_not_grow_with_the_site(client, home):
    def add_pages(n):
        for _ in range(n):
            section = ContentPageFactory(parent=home)
            ContentPageFactory(parent=section)
            NoticePageFactory(parent=section)

    def queries():
        counts, response = count_page_queries(client, "/so-do-site/")
        return counts, response.content.decode().count("<li>")

    add_pages(5)
    few, few_items = queries()
    add_pages(45)
    many, many_items = queries()

    # The home page, the site map and two content pages per section (notices are counted).
    assert (few_items, many_items) == (2 + 2 * 5, 2 + 2 * 50)
    assert many == few


# The XML sitemap -----------------------------------------------------------------------------


def get_xml(client, **headers):
    response = client.get("/sitemap.xml", **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own server's output)


def urls_of(root):
    """{loc: {hreflang: href}} for every <url>."""
    return {
        url.findtext("sm:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in root.findall("sm:url", NS)
    }


def all_hrefs(root):
    return {url.findtext("sm:loc", namespaces=NS) for url in root.findall("sm:url", NS)} | {
        link.get("href") for link in root.iter(f"{{{NS['xhtml']}}}link")
    }


@pytest.fixture
def translated_site(home, translate):
    translate(home, {"Trang thông tin điện tử phường Lạc Viên": "Lạc Viên Ward"})
    about = ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu")
    translate(about, {"Giới thiệu": "About us"})
    ContentPageFactory(parent=home, title="Chỉ tiếng Việt", slug="chi-tieng-viet")
    return home


def test_xml_sitemap_lists_pages_in_both_languages(client, translated_site):
    urls = urls_of(get_xml(client))

    assert {
        f"{BASE}/",
        f"{BASE}/en/",
        f"{BASE}/gioi-thieu/",
        f"{BASE}/en/gioi-thieu/",
        f"{BASE}/chi-tieng-viet/",
        f"{BASE}/so-do-site/",
    } <= set(urls)


def test_translated_pages_have_hreflang_alternates(client, translated_site):
    urls = urls_of(get_xml(client))

    alternates = {
        "vi": f"{BASE}/gioi-thieu/",
        "en": f"{BASE}/en/gioi-thieu/",
        "x-default": f"{BASE}/gioi-thieu/",
    }
    assert urls[f"{BASE}/gioi-thieu/"] == alternates
    assert urls[f"{BASE}/en/gioi-thieu/"] == alternates
    assert urls[f"{BASE}/en/"] == {
        "vi": f"{BASE}/",
        "en": f"{BASE}/en/",
        "x-default": f"{BASE}/",
    }


def test_untranslated_pages_have_no_alternates(client, translated_site):
    urls = urls_of(get_xml(client))
    assert urls[f"{BASE}/chi-tieng-viet/"] == {}


def test_drafts_and_private_pages_never_appear(client, translated_site, translate, home, settings):
    draft = ContentPageFactory(parent=home, title="Bản nháp", slug="ban-nhap", live=False)
    ContentPageFactory(parent=draft, title="Con", slug="con-nhap")
    internal = ContentPageFactory(parent=home, title="Nội bộ", slug="noi-bo")
    ContentPageFactory(parent=internal, title="Văn bản", slug="van-ban")
    make_private(internal)
    # A page whose English translation is private, and one whose English translation is a draft.
    # (Privacy kept per language: by default the Vietnamese page would follow its translation.)
    settings.WAGTAIL_WARD = {"PRIVACY_FOLLOWS_TRANSLATIONS": False}
    rules = ContentPageFactory(parent=home, title="Quy chế", slug="quy-che")
    make_private(translate(rules, {"Quy chế": "Regulations"}))
    plan = ContentPageFactory(parent=home, title="Kế hoạch", slug="ke-hoach")
    translate(plan, {"Kế hoạch": "Plan"}).unpublish()

    root = get_xml(client)
    hrefs = all_hrefs(root)
    urls = urls_of(root)

    for path in ("/ban-nhap/", "/noi-bo/", "/noi-bo/van-ban/", "/en/quy-che/", "/en/ke-hoach/"):
        assert f"{BASE}{path}" not in hrefs
    # Only the Vietnamese page is left of each pair, so it has no alternates.
    assert urls[f"{BASE}/quy-che/"] == {}
    assert urls[f"{BASE}/ke-hoach/"] == {}


def test_pages_of_another_site_are_not_in_this_sitemap(client, translated_site):
    other = make_ward_site("maychai.localhost", default=False)
    ContentPageFactory(parent=other.root_page, title="Máy Chai", slug="may-chai-gioi-thieu")

    assert not any("may-chai-gioi-thieu" in href for href in all_hrefs(get_xml(client)))
    other_urls = urls_of(get_xml(client, HTTP_HOST="maychai.localhost"))
    assert set(other_urls) == {
        "http://maychai.localhost/",
        "http://maychai.localhost/may-chai-gioi-thieu/",
    }


def test_xml_sitemap_query_count_does_not_grow(client, translated_site, home):
    """Built afresh (every cache emptied) and kept, the sitemap costs the same at 5 and 50 pages."""

    def queries(cold):
        if cold:
            for cache in caches.all():
                cache.clear()
        with CaptureQueriesContext(connection) as captured:
            root = get_xml(client)
        return len(captured), len(root.findall("sm:url", NS))

    for _ in range(5):
        ContentPageFactory(parent=home)
    queries(cold=True)
    few_cold, few_urls = queries(cold=True)
    few_kept, _ = queries(cold=False)
    for _ in range(45):
        ContentPageFactory(parent=home)
    many_cold, many_urls = queries(cold=True)
    many_kept, _ = queries(cold=False)

    assert many_urls == few_urls + 45
    assert many_cold == few_cold
    assert many_kept == few_kept < few_cold
