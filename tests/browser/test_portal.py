"""The portal as a visitor's browser sees it: every public page type in Vietnamese and English,
at 1280 and 390 pixels, has no axe-core violation and no horizontal scroll; the header search
leads to the site-wide search."""

import re

import pytest

# Routes of an index page that are not a page type of their own.
SKIP = r"(?!rss/|atom/|ical/|category/|archive/|print/)"


def _first_link(page, pattern):
    for href in page.eval_on_selector_all(
        "main a[href]", "els => els.map(e => e.getAttribute('href'))"
    ):
        if re.fullmatch(pattern, href):
            return href
    return None


@pytest.fixture(scope="module")
def page_types(browser, demo_server):
    """{name: path} of every public page type of the ward, found from the demo's own links."""
    base = demo_server["ward"]
    tab = browser.new_page()
    paths = {}
    for language, prefix in (("vi", ""), ("en", "/en")):
        tab.goto(base + prefix + "/")
        menu = tab.eval_on_selector_all(
            "nav.ward-nav a", "els => els.map(e => e.getAttribute('href'))"
        )
        found = {"home": prefix + "/", "search": f"/search/?q=dao+tao&locale={language}"}
        for href in (href for href in menu if href.startswith("/") and href != prefix + "/"):
            tab.goto(base + href)
            kind = tab.evaluate("document.body.className")
            if "ward-news-index" in kind:
                found["news-index"] = href
                found["article"] = _first_link(tab, re.escape(href) + SKIP + r"[a-z0-9-]+/")
                found["article-print"] = found["article"] + "print/"
            elif "schedule" in kind and "schedule-index" not in found:
                found["schedule-index"] = href
                found["schedule"] = _first_link(tab, re.escape(href) + SKIP + r"[a-z0-9-]+/")
            elif "sitemap" in kind:
                found["sitemap"] = href
            elif kind == "ward-page" and "content" not in found:
                found["content"] = href
        paths.update({f"{name} ({language})": path for name, path in found.items() if path})
    tab.close()
    return paths


@pytest.mark.parametrize("width", [1280, 390])
def test_every_public_page_type_has_no_accessibility_violation(
    page, demo_server, page_types, width, axe_violations
):
    page.set_viewport_size({"width": width, "height": 900})
    assert {"home (vi)", "article (vi)", "article (en)", "search (en)"} <= set(page_types)
    for name, path in page_types.items():
        response = page.goto(demo_server["ward"] + path)
        assert response.status == 200, name
        assert axe_violations(page) == [], f"{name} {path} at {width}px"
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name


def test_header_search_finds_articles_without_accents(page, demo_server):
    page.goto(demo_server["ward"] + "/")
    page.fill("#ward-site-q", "dao tao du nguon")
    page.press("#ward-site-q", "Enter")
    page.wait_for_url(re.compile(r".*/search/\?q=.*"))
    results = page.locator(".ward-search__group li a").all_inner_texts()
    assert "Đào tạo dự nguồn chức danh chủ chốt xã, phường, thị trấn" in results
