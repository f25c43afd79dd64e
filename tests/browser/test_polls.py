"""The poll in a real browser, on the demo ward site where the dossier poll sits in the side
column: axe-core finds no violation in the poll and its results, and with JavaScript the form
submits in place (the page is not reloaded) through the real CSRF-protected form."""

import re


def test_poll_and_results_have_no_accessibility_violations(page, demo_server, axe_violations):
    page.goto(demo_server["ward"] + "/")
    assert page.locator(".ward-poll").count() >= 1
    assert axe_violations(page) == []
    page.get_by_role("radio", name="Trễ hẹn một ít").check()
    page.locator(".ward-poll__submit").first.click()
    page.locator(".ward-poll__summary").first.wait_for()
    assert axe_violations(page) == []


def test_with_javascript_the_vote_is_sent_in_place(page, demo_server):
    page.goto(demo_server["ward"] + "/")
    page.evaluate("window.__notReloaded = true")
    page.get_by_role("radio", name="Đúng hạn").check()
    with page.expect_response(re.compile(r"/polls/\d+/vote/$")) as vote:
        page.locator(".ward-poll__submit").first.click()
    assert vote.value.status == 201
    page.locator(".ward-poll__message--success").first.wait_for()
    assert page.evaluate("window.__notReloaded") is True
    summary = page.locator(".ward-poll__summary").first.inner_text()
    assert "Đúng hạn" in summary
    assert re.search(r"\d+%", summary)
