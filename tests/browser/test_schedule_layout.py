"""The weekly schedule of the demo ward in a real browser: a table by day and session on a
desktop, stacked cards with a label on every field on a phone, no axe-core violation at either
width. Saves the screenshots shown in docs/schedule.md."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

THIS_WEEK = "/lich-cong-tac/this-week/"
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "img"


def open_week(page, demo_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(demo_server["ward"] + THIS_WEEK)
    assert response.status == 200
    assert page.locator(".ward-schedule-entry").count() >= 3


def test_a_desktop_shows_the_week_as_a_table(page, demo_server, axe_violations):
    open_week(page, demo_server, 1280)
    header = page.locator(".ward-schedule-table thead tr").first
    assert header.is_visible()
    columns = [text.strip() for text in header.locator("th").all_inner_texts()]
    assert len(columns) == 6 and all(columns)
    # The columns are the labels each entry's cells carry on a phone.
    labels = page.locator(".ward-schedule-entry").first.locator("td")
    assert [labels.nth(n).get_attribute("data-label") for n in range(6)] == columns
    entry = page.locator(".ward-schedule-entry").first
    assert entry.evaluate("e => getComputedStyle(e).display") == "table-row"
    assert axe_violations(page) == []
    page.screenshot(path=str(IMAGES / "schedule-public-page.png"), full_page=False)


def test_a_phone_shows_each_entry_as_a_labelled_card(page, demo_server, axe_violations):
    open_week(page, demo_server, 390)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not page.locator(".ward-schedule-table thead tr").first.is_visible()
    entry = page.locator(".ward-schedule-entry").first
    assert entry.evaluate("e => getComputedStyle(e).display") == "block"
    for cell in entry.locator("td").all():
        if cell.is_visible():
            label = cell.get_attribute("data-label")
            before = cell.evaluate("c => getComputedStyle(c, '::before').content")
            assert label and label in before
    assert axe_violations(page) == []
    page.screenshot(path=str(IMAGES / "schedule-public-page-phone.png"), full_page=False)
