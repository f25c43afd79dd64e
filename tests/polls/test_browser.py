"""The poll in a real browser: axe-core finds no violation in the poll and its results, and with
JavaScript the form submits in place (the page is not reloaded)."""

import mimetypes
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test import Client
from wagtail.models import Page

from wagtail_ward.models import PollVote, WardSettings

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("WAGTAIL_WARD_CHROMIUM", "/usr/bin/chromium")
BASE_URL = "http://testserver"
BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
# Playwright calls the route handler in another greenlet, which Django gives its own database
# connection: the test data must be committed for that connection to see it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module", autouse=True)
def _restore_initial_data(django_db_setup, django_db_blocker):
    """After the flushes of these tests, reload the migrated data (root page, locale)."""
    yield
    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents and Page.get_first_root_node() is None:
            connection.creation.deserialize_db_from_string(contents)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def poll_site_page(page, poll, ward_site):
    """A browser page served by Django's test client, forwarding the request headers (so the
    script's ``X-Requested-With`` reaches the view) and enforcing CSRF checks."""
    settings = WardSettings.for_site(ward_site)
    settings.side_poll = poll
    settings.save()
    client = Client(HTTP_USER_AGENT=BROWSER_AGENT, enforce_csrf_checks=True)
    seen = []

    def serve(route, request):
        url = urlsplit(request.url)
        if url.path.startswith("/static/"):
            found = finders.find(url.path.removeprefix("/static/"))
            content_type = mimetypes.guess_type(found or "")[0] or "application/octet-stream"
            route.fulfill(
                status=200 if found else 404,
                body=Path(found).read_bytes() if found else b"",
                content_type=content_type,
            )
            return
        headers = {
            key: value
            for key, value in request.headers.items()
            if key.lower() in ("x-requested-with", "referer", "accept")
        }
        path = url.path + (f"?{url.query}" if url.query else "")
        response = client.generic(
            request.method,
            path,
            data=request.post_data_buffer or b"",
            content_type=request.headers.get("content-type", ""),
            headers=headers,
        )
        seen.append((request.method, path, response.status_code))
        route.fulfill(
            status=response.status_code, headers=dict(response.items()), body=response.content
        )

    page.route(f"{BASE_URL}/**", serve)
    page.seen = seen
    return page


def test_poll_and_results_have_no_accessibility_violations(poll_site_page):
    from axe_playwright_python.sync_playwright import Axe

    poll_site_page.goto(BASE_URL + "/")
    violations = Axe().run(poll_site_page).response["violations"]
    assert violations == [], [(v["id"], v["help"]) for v in violations]
    poll_site_page.get_by_role("radio", name="Trễ hẹn một ít").check()
    poll_site_page.locator(".ward-poll__submit").click()
    poll_site_page.locator(".ward-poll__summary").wait_for()
    violations = Axe().run(poll_site_page).response["violations"]
    assert violations == [], [(v["id"], v["help"]) for v in violations]


def test_with_javascript_the_vote_is_sent_in_place(poll_site_page, poll):
    poll_site_page.goto(BASE_URL + "/")
    poll_site_page.evaluate("window.__notReloaded = true")
    poll_site_page.get_by_role("radio", name="Đúng hạn").check()
    poll_site_page.locator(".ward-poll__submit").click()
    message = poll_site_page.locator(".ward-poll__message--success")
    message.wait_for()
    assert poll_site_page.evaluate("window.__notReloaded") is True
    assert ("POST", f"/polls/{poll.pk}/vote/", 201) in poll_site_page.seen
    summary = poll_site_page.locator(".ward-poll__summary").inner_text()
    assert "Đúng hạn" in summary and "100%" in summary
    assert PollVote.objects.get().choice_key == "dung-han"
