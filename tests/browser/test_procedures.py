"""The procedures of the demo ward in a real browser: the index with its filters, a procedure
and its print view, with no axe-core violation on a desktop (1280 px) or a phone (390 px), in
Vietnamese and English."""

import pytest

pytestmark = pytest.mark.browser

INDEX = "/thu-tuc-hanh-chinh/"
BIRTH = INDEX + "1001193-dang-ky-khai-sinh/"
# The English list has an English address (the demo translates the slug).
INDEX_EN = "/en/administrative-procedures/"
BIRTH_EN = INDEX_EN + "1001193-birth-registration/"
PATHS = [
    INDEX,
    INDEX + "?sector=ho-tich&level=xa&q=khai+sinh",
    BIRTH,
    BIRTH + "print/",
    INDEX_EN,
    BIRTH_EN,
    BIRTH_EN + "print/",
]


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", PATHS)
def test_no_axe_violations(page, demo_server, axe_violations, width, path):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(demo_server["ward"] + path)
    assert response.status == 200
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []


def test_the_filters_work_without_javascript(browser, demo_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(demo_server["ward"] + INDEX)
    page.fill("#procedure-q", "dang ky khai sinh")
    page.select_option("#procedure-sector", "ho-tich")
    page.click(".ward-procedure-filters button[type=submit]")
    assert "q=dang+ky+khai+sinh" in page.url and "sector=ho-tich" in page.url
    first = page.locator(".ward-procedure-list a").first
    assert first.inner_text() == "Đăng ký khai sinh"
    assert page.locator("#procedure-sector").input_value() == "ho-tich"
    context.close()


def test_the_english_procedure_is_a_translation(page, demo_server):
    page.goto(demo_server["ward"] + BIRTH)
    page.click("a[hreflang=en], a:has-text('English')")
    assert page.locator("h1").inner_text() == "Birth registration"
    assert page.locator("a:has-text('Submit online')").count() == 1
