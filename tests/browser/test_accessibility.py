"""The demo district as a visitor's browser sees it: axe-core finds no violation, the layout
works on a phone, the skip link reaches the content, print hides the menus, the language
switcher leads to the English page."""

import re

import pytest

PATHS = ["/", "/en/", "/so-do-site/", "/gioi-thieu/", "/en/about/organisation/"]


@pytest.mark.parametrize("width", [1280, 390])
def test_pages_have_no_accessibility_violations(page, demo_server, width, axe_violations):
    page.set_viewport_size({"width": width, "height": 900})
    for base in (demo_server["district"], demo_server["ward"]):
        for path in PATHS if base == demo_server["ward"] else ["/", "/gioi-thieu/"]:
            response = page.goto(base + path)
            assert response.status == 200, base + path
            assert axe_violations(page) == [], base + path


def test_ward_home_shows_date_navigation_counter_and_footer(page, demo_server):
    page.goto(demo_server["ward"] + "/")
    assert page.locator(".ward-date time").inner_text().startswith("Thứ ")
    menu = page.locator("nav.ward-nav a").all_inner_texts()
    assert menu[0] == "Trang chủ"
    assert menu[-2:] == ["Sơ đồ site", "Website quận"]
    # The count comes from the visit report the page's script sends once it has loaded.
    page.locator(".ward-visitors__total").wait_for(state="visible")
    assert re.fullmatch(r"[\d.]+", page.locator(".ward-visitors__total data").inner_text())
    assert page.locator("footer").inner_text().startswith("ỦY BAN NHÂN DÂN PHƯỜNG LẠC VIÊN")


def test_phone_layout_has_no_horizontal_scroll(page, demo_server):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(demo_server["ward"] + "/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # The side column (visitor counter) comes below the content on a phone.
    main_box = page.locator("main").bounding_box()
    side_box = page.locator("aside.ward-side").bounding_box()
    assert side_box["y"] >= main_box["y"] + main_box["height"] - 1


def test_skip_link_moves_focus_to_the_content(page, demo_server):
    page.goto(demo_server["ward"] + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "ward-skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_print_hides_navigation_and_side_column(page, demo_server):
    page.goto(demo_server["ward"] + "/")
    page.emulate_media(media="print")
    assert not page.locator("nav.ward-nav").is_visible()
    assert not page.locator("aside.ward-side").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator("footer").is_visible()


def test_language_switcher_leads_to_the_english_page_and_back(page, demo_server):
    page.goto(demo_server["ward"] + "/gioi-thieu/co-cau-to-chuc/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(demo_server["ward"] + "/en/about/organisation/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Organisation"
    date = page.locator(".ward-date time")
    year, month, day = date.get_attribute("datetime").split("-")
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    assert date.inner_text().startswith(weekdays)
    assert date.inner_text().endswith(f", {day}/{month}/{year}")
    page.get_by_role("link", name="Tiếng Việt").click()
    page.wait_for_url(demo_server["ward"] + "/gioi-thieu/co-cau-to-chuc/")
    assert page.locator("h1").inner_text() == "Cơ cấu tổ chức"
