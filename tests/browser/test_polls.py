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


def test_the_page_is_every_readers_and_the_voters_state_comes_after_it(browser, demo_server):
    """The HTML holds no token and no "you voted"; once loaded, poll.js puts this reader's
    state in place: after a vote, a reload shows "you have voted" in the side poll."""
    context = browser.new_context()
    page = context.new_page()
    url = demo_server["ward"] + "/"
    html = page.goto(url).text()
    assert "csrfmiddlewaretoken" not in html
    with page.expect_response(re.compile(r"/polls/\d+/box/\?box=\d+$")):
        page.goto(url)
    page.get_by_role("radio", name="Trước hạn").check()
    with page.expect_response(re.compile(r"/polls/\d+/vote/$")) as vote:
        page.locator(".ward-poll__submit").first.click()
    assert vote.value.status in (201, 409)
    with page.expect_response(re.compile(r"/polls/\d+/box/\?box=\d+$")) as box:
        response = page.goto(url)
    assert "Quý vị đã bình chọn" not in response.text()  # the page itself: the same for all
    assert box.value.status == 200
    page.locator(".ward-side .ward-poll .ward-poll__state").first.wait_for()
    assert "Quý vị đã bình chọn" in page.locator(".ward-side .ward-poll").first.inner_text()
    assert page.locator(".ward-side .ward-poll__form").count() == 0
    # The visit was reported by the page's script, and the box shows the total it got back.
    page.locator(".ward-visitors__total").wait_for(state="visible")
    context.close()
