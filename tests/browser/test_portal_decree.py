"""The Decree 42 pages of the demo as a browser sees them: the organisation page and the
citizens' questions page have no axe-core violation in either language, on a desktop and on a
phone; the footer names the publisher; the questions form's honeypot is out of sight."""

import pytest

PATHS = ["/co-cau-to-chuc/", "/hoi-dap/", "/en/organisation/", "/en/questions-and-answers/"]


@pytest.mark.parametrize("width", [1280, 390])
def test_decree_pages_have_no_accessibility_violations(page, demo_server, width, axe_violations):
    page.set_viewport_size({"width": width, "height": 900})
    for path in PATHS:
        response = page.goto(demo_server["ward"] + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path


def test_footer_and_form_as_a_visitor_sees_them(page, demo_server):
    page.goto(demo_server["ward"] + "/hoi-dap/")
    footer = page.locator("footer").inner_text()
    assert "QUẬN NGÔ QUYỀN – THÀNH PHỐ HẢI PHÒNG" in footer
    assert "Người chịu trách nhiệm chính" in footer
    assert not page.locator("input[name=website]").is_visible()
    assert page.get_by_label("Câu hỏi của quý vị").is_visible()
    assert page.locator(".ward-answer__question").count() == 2
