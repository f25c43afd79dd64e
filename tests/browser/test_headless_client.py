"""The reference client (example_site/client/) in a real browser, served from a second origin.

A plain static server on another loopback port serves the client's files; the client reads the
demo ward's API across origins (the demo's dev settings allow loopback origins through
django-cors-headers) and must show what the HTML site shows: the same article, the same
schedule entries, the same poll results, and a vote from its own origin that the HTML page
then counts.
"""

import json
import re
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.servers import serving

CLIENT_DIR = Path(__file__).resolve().parents[2] / "example_site" / "client"


@pytest.fixture(scope="module")
def client_origin():
    """The client's files on http://127.0.0.1:<port>/, a static server and nothing else."""
    static = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "{port}"]
    with serving(static, "/index.html", cwd=CLIENT_DIR, timeout=15) as base:
        yield base


def _api(url):
    """GET ``url`` from Python: the ward's host name goes in the Host header (*.localhost
    resolves to loopback in the browser, not necessarily in Python)."""
    parts = urlsplit(url)
    request = urllib.request.Request(  # noqa: S310
        f"http://127.0.0.1:{parts.port}{parts.path}?{parts.query}",
        headers={"Host": parts.netloc},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.load(response)


def _poll_id(page, home_url):
    """The id of the poll in the side column of the HTML home page (from its form)."""
    page.goto(home_url)
    action = page.locator("[data-ward-poll] form").first.get_attribute("action")
    return re.search(r"/polls/(\d+)/vote/", action).group(1)


def _client_url(client_origin, demo_server, route="/", **params):
    query = "&".join(f"{k}={v}" for k, v in {"api": demo_server["ward"], **params}.items())
    return f"{client_origin}/index.html?{query}#{route}"


def _open(page, url, ready):
    page.goto(url)
    page.locator(f"main[data-ready={ready}]").wait_for()


def _same_site_path(url):
    """The path of an API ``html_url`` (the demo's sites name port 8000, the test's differs)."""
    return urlsplit(url).path


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_client_shows_the_same_article_as_the_html_site(page, demo_server, client_origin, lang):
    _open(page, _client_url(client_origin, demo_server, lang=lang), "home")
    assert page.locator("html").get_attribute("lang") == lang
    first = page.locator(".news-item__title a").first
    article_id = first.get_attribute("href").rsplit("/", 1)[1]
    first.click()
    page.locator("main[data-ready=article]").wait_for()
    title = page.locator("main h1").inner_text()
    body = page.locator(".article__body .rich-text").all_inner_texts()
    lead = page.locator(".article__lead").inner_text()
    assert title and body

    detail = _api(f"{demo_server['ward']}/api/v2/news/{article_id}/")
    assert detail["meta"]["locale"] == lang
    page.goto(demo_server["ward"] + _same_site_path(detail["meta"]["html_url"]))
    assert page.locator("h1.ward-title").inner_text() == title
    assert page.locator(".ward-article__lead").inner_text() == lead
    html_body = page.locator(".ward-body").inner_text()
    for paragraph in body:
        assert paragraph.strip() in html_body


def test_client_shows_the_same_schedule_entries_as_the_html_site(page, demo_server, client_origin):
    _open(page, _client_url(client_origin, demo_server, "/schedule"), "schedule")
    title = page.locator("main h1").inner_text()
    client_entries = {
        entry.get_attribute("data-uid"): entry.locator(".entry__text").inner_text()
        for entry in page.locator(".entry").all()
    }
    assert client_entries, "the demo ward has a schedule for the current week"

    page.goto(demo_server["ward"] + "/lich-cong-tac/this-week/")
    assert page.locator("h1").first.inner_text() == title
    html_entries = {
        row.get_attribute("data-uid"): row.locator(".ward-schedule-entry__content").inner_text()
        for row in page.locator("tr.ward-schedule-entry").all()
    }
    assert client_entries.keys() == html_entries.keys()
    for uid, content in client_entries.items():
        assert html_entries[uid].startswith(content)


def _client_counts(page):
    return {
        bar.get_attribute("data-key"): int(
            bar.locator(".poll__bar-value").get_attribute("data-count")
        )
        for bar in page.locator(".poll__bar").all()
    }


def _html_counts(page, home_url):
    """The votes per answer on the HTML site's side-column poll, by answer label."""
    page.goto(home_url)
    poll = page.locator("[data-ward-poll]").first
    counts = {}
    for bar in poll.locator(".ward-poll__bar").all():
        label = bar.locator(".ward-poll__bar-label").inner_text()
        value = bar.locator(".ward-poll__bar-value").inner_text()
        counts[label] = int(re.search(r"\((\d[\d.]*)", value).group(1).replace(".", ""))
    return counts


def test_client_shows_the_poll_results_and_votes_from_its_own_origin(
    page, demo_server, client_origin
):
    home = demo_server["ward"] + "/"
    poll_id = _poll_id(page, home)
    html_before = _html_counts(page, home)

    # No ?poll=: the client shows the side-column poll that site-info names.
    _open(page, _client_url(client_origin, demo_server), "home")
    assert page.locator(".poll").get_attribute("data-poll-id") == poll_id
    labels = {
        bar.get_attribute("data-key"): bar.locator(".poll__bar-label").inner_text()
        for bar in page.locator(".poll__bar").all()
    }
    before = _client_counts(page)
    assert {labels[key]: count for key, count in before.items()} == html_before

    page.get_by_role("radio", name="Đúng hạn").check()
    with page.expect_response(re.compile(rf"/api/ward/polls/{poll_id}/vote/\?locale=vi$")) as vote:
        page.get_by_role("button", name="Bình chọn").click()
    assert vote.value.status == 201
    assert vote.value.request.all_headers()["origin"] == client_origin
    assert vote.value.all_headers()["access-control-allow-origin"] == client_origin
    page.locator(".message--success").wait_for()
    after = _client_counts(page)
    assert after == {**before, "dung-han": before["dung-han"] + 1}
    # This browser has voted: the client shows the results, no form.
    assert page.locator(".poll__form").count() == 0

    assert _html_counts(page, home) == {**html_before, "Đúng hạn": html_before["Đúng hạn"] + 1}


@pytest.mark.parametrize("width", [1280, 390])
def test_client_pages_have_no_accessibility_violations(
    page, demo_server, client_origin, axe_violations, width
):
    page.set_viewport_size({"width": width, "height": 900})
    poll_id = _poll_id(page, demo_server["ward"] + "/")
    article = _api(f"{demo_server['ward']}/api/v2/news/?locale=vi&limit=1")["items"][0]["id"]
    for route, ready in (("/", "home"), (f"/news/{article}", "article"), ("/schedule", "schedule")):
        _open(page, _client_url(client_origin, demo_server, route, poll=poll_id), ready)
        assert axe_violations(page) == [], (route, width)


def test_the_demo_serves_the_client_at_client_and_it_reads_its_own_origin(page, demo_server):
    page.goto(demo_server["ward"] + "/client/?lang=en")
    page.locator("main[data-ready=home]").wait_for()
    assert page.locator("#site-name").inner_text() == "Lạc Viên Ward"
    assert page.locator(".news-item").count() == 5
    assert page.locator(".site-footer__api").inner_text().endswith(f"{demo_server['ward']}.")
    # The side-column poll in English: the id site-info names for "en", in English words.
    side = _api(f"{demo_server['ward']}/api/ward/site-info/?locale=en")["side_poll"]
    assert page.locator(".poll").get_attribute("data-poll-id") == str(side["id"])
    question = _api(side["url"])["question"]
    assert page.locator(".poll__question").first.inner_text() == question


def test_poll_in_the_address_overrides_the_side_column_poll(page, demo_server, client_origin):
    side = _api(f"{demo_server['ward']}/api/ward/site-info/?locale=vi")["side_poll"]
    english_id = side["translations"]["en"]
    # ?poll= names the English translation's id: the client asks for that id (in Vietnamese,
    # its language) instead of the one site-info names, and the API answers in Vietnamese.
    url = _client_url(client_origin, demo_server, poll=f"vi:{english_id}")
    with page.expect_response(re.compile(rf"/api/ward/polls/{english_id}/\?locale=vi$")) as poll:
        _open(page, url, "home")
    assert poll.value.status == 200
    assert page.locator(".poll").get_attribute("data-poll-id") == str(english_id)
    question = _api(side["url"])["question"]
    assert page.locator(".poll__question").first.inner_text() == question
