"""The portal's pages: header, home page blocks, side boxes, the article head as the reference
page shows it, sharing tags, structured data, robots.txt and the print view."""

import datetime
import json
from pathlib import Path

import pytest
import wagtail_factories
from django.contrib.staticfiles import finders
from wagtail.models import Site

from tests.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from tests.html import soup
from wagtail_ward.models import SideBox, SideBoxKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(home, vi):
    news = NewsIndexPageFactory(parent=home)
    category = NewsCategoryFactory(name="Hành chính công", slug="hanh-chinh-cong", locale=vi)
    pages = [
        NewsPageFactory(
            parent=news,
            category=category,
            title=f"Tin hành chính {n}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            featured_image=wagtail_factories.ImageFactory(
                title=f"Ảnh {n}", file__width=1600, file__height=900
            )
            if n == 9
            else None,
        )
        for n in range(10)
    ]
    return news, pages


def test_header_shows_unit_over_parent_line_and_a_site_search(client, home):
    page = soup(client.get(home.url))
    names = page.select(".ward-header__names p")
    assert [p["class"][0] for p in names][0] == "ward-unit-name"
    form = page.select_one(".ward-header__search")
    assert form["action"] == "/search/" and form.select_one("input[name=locale]")["value"] == "vi"


def test_article_head_and_foot_follow_the_reference_page(client, articles):
    _news, pages = articles
    page = soup(client.get(pages[9].url))
    main = page.select_one("main")
    order = [
        el.get("class", [el.name])[0]
        for el in main.select(
            ".ward-article__section, .ward-article__actions, h1, .ward-other-news, .ward-back"
        )
    ]
    assert order == [
        "ward-article__section",
        "ward-article__actions",
        "ward-title",
        "ward-box",
        "ward-back",
    ]
    assert main.select_one(".ward-article__section").get_text(" ", strip=True) == (
        "Trang: Hành chính công"
    )
    assert len(main.select(".ward-other-news li")) == 7
    assert main.select_one(".ward-back").get_text(strip=True) == "Quay trở lại"
    shares = [a["href"] for a in main.select(".ward-share")]
    assert shares[0].startswith("https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2F")
    assert "zalo" in shares[1]
    assert not page.select("script[src^=http]")  # no third-party script


def test_sharing_tags_and_news_article_structured_data(client, articles):
    _news, pages = articles
    article = pages[9]
    page = soup(client.get(article.url))
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.select("meta[content]")}
    assert meta["description"] == "Tóm tắt tin bài."
    assert meta["og:title"] == article.title and meta["og:type"] == "article"
    assert meta["og:locale"] == "vi_VN"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image"].startswith("http://testserver/")
    assert meta["twitter:card"] == "summary_large_image"
    assert page.select_one("link[rel=canonical]")["href"] == "http://testserver" + article.url
    data = [json.loads(s.string) for s in page.select("script[type='application/ld+json']")]
    types = [item["@type"] for item in data]
    assert types == ["GovernmentOrganization", "NewsArticle"]
    assert data[1]["headline"] == article.title and data[1]["datePublished"] == "2026-01-10"
    assert data[0]["telephone"] == "0225 3551 206"


def test_default_home_layout_leads_with_a_pictured_story(client, home, articles):
    page = soup(client.get(home.url))
    lead = page.select_one(".ward-featured__lead")
    assert lead.select_one("img") is not None
    assert lead.h3.get_text(strip=True) == "Tin hành chính 9"
    assert page.select_one(".ward-latest .ward-box__title").get_text(strip=True) == "Tin mới"
    assert page.select_one(".ward-hotline__number").get_text(strip=True) == "0225 3551 206"


def test_composed_home_layout_and_category_box(client, home, articles):
    news, _pages = articles
    home.layout = [
        ("hotline", {"title": "Đường dây nóng", "phone": "1022", "text": ""}),
        (
            "latest_items",
            {
                "title": "Hành chính công",
                "section": news,
                "category": "hanh-chinh-cong",
                "count": 3,
            },
        ),
        (
            "link_box",
            {
                "title": "Liên kết",
                "links": [
                    {
                        "text": "Cổng Dịch vụ công quốc gia",
                        "page": None,
                        "url": "https://dichvucong.gov.vn/",
                    }
                ],
            },
        ),
    ]
    home.save_revision().publish()
    page = soup(client.get(home.url))
    titles = [h.get_text(strip=True) for h in page.select(".ward-home__blocks .ward-box__title")]
    assert titles == ["Đường dây nóng", "Hành chính công", "Liên kết"]
    assert page.select_one(".ward-featured") is None  # the editor's layout replaces the default
    assert [a.get_text() for a in page.select(".ward-home-latest li a")] == [
        "Tin hành chính 9",
        "Tin hành chính 8",
        "Tin hành chính 7",
    ]


def test_side_boxes_follow_the_editors_order(client, home, vi, ward_site):
    for order, (kind, title) in enumerate(
        [
            (SideBoxKind.LATEST, "Tin mới"),
            (SideBoxKind.TEXT, "Liên kết"),
            (SideBoxKind.VISITORS, "Lượt truy cập"),
        ]
    ):
        SideBox.objects.create(site=ward_site, kind=kind, title=title, sort_order=order, locale=vi)
    SideBox.objects.create(
        site=Site.objects.create(hostname="other", root_page=home), title="Khác", locale=vi
    )
    page = soup(client.get(home.url))
    titles = [h.get_text(strip=True) for h in page.select(".ward-side .ward-box__title")]
    # "Tin mới" has no item to list on this site; the counter keeps its own heading.
    assert titles == ["Liên kết", "Số người truy cập"]
    assert "Khác" not in titles
    assert page.select_one(".ward-side .ward-poll") is None  # no poll box chosen


def test_robots_txt_points_to_the_sitemap(client, ward_site):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines


def test_print_view_has_margins_and_no_url_after_internal_links(client, articles):
    _news, pages = articles
    page = soup(client.get(pages[0].url + "print/"))
    assert "ward-print" in page.body["class"]
    # The print sheet is loaded for the screen too: a sheet with margins.
    assert page.select_one("link[href$='print.css']")["media"] == "all"
    assert page.select_one("script[src$='news/news.js']") is not None
    css = Path(finders.find("wagtail_ward/css/print.css")).read_text()
    assert ".ward-main a.ward-internal::after { content: none; }" in css
    assert "@media screen" in css and "max-width: 21cm" in css
