"""The visitor counter: one visit per browser, site and day; bots, the admin and the API never
count; the headless endpoint; and nothing personal stored anywhere.

The page itself counts nothing (a shared cache may serve it): its script reports the visit to the
endpoint once the page has loaded. ``browse`` does what a browser does: it opens the page, then
sends what the page's script sends."""

import datetime
import json
import re
from unittest import mock

import pytest
import time_machine
from django.apps import apps
from django.core.cache import caches
from django.db import models
from django.db.models.functions import Cast
from django.template.loader import render_to_string
from django.test import Client, override_settings

from tests.factories import make_ward_site
from wagtail_ward.dates import ward_today
from wagtail_ward.models import DailyVisitCount
from wagtail_ward.visits import group_digits, visitor_total

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
VISITS_URL = "/api/ward/visits/"
# An aware moment at noon in Hà Nội on a fixed day, and the next day.
DAY_ONE = datetime.datetime(2026, 3, 9, 5, 0, tzinfo=datetime.UTC)
DAY_TWO = DAY_ONE + datetime.timedelta(days=1)


def visits(site, day=None):
    rows = DailyVisitCount.objects.filter(site=site)
    if day is not None:
        rows = rows.filter(date=day)
    return sum(rows.values_list("count", flat=True))


@pytest.fixture
def visitor(client):
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


def post_json(client, body, **extra):
    return client.post(VISITS_URL, data=json.dumps(body), content_type="application/json", **extra)


BEACON = re.compile(r'<script src="[^"]*/visits\.js" data-ward-visits="([^"]+)"')


def browse(client, url, **extra):
    """Open ``url`` as a browser with JavaScript: the page, then its visit report (the answer
    that sets the day cookie), or None when the page has no visit script."""
    page = client.get(url, **extra)
    found = BEACON.search(page.content.decode()) if page.status_code == 200 else None
    if found is None:
        return page, None
    report = client.post(found.group(1), data="{}", content_type="application/json", **extra)
    assert report.status_code == 200, report.content
    return page, report


# The middleware: pages opened in a browser


def test_first_html_page_of_the_day_counts_once(visitor, ward_site):
    first, report = browse(visitor, "/")
    assert first.status_code == 200
    assert first["Content-Type"].startswith("text/html")
    assert not first.cookies  # the page is every reader's: the report sets the cookie
    assert report.json()["counted"] is True
    assert visits(ward_site) == 1

    cookie = report.cookies["ward_visit"]
    assert cookie.value == ward_today().isoformat()
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"

    second, report = browse(visitor, "/so-do-site/")
    assert second.status_code == 200
    assert report.json()["counted"] is False
    assert "ward_visit" not in report.cookies  # not set again
    assert visits(ward_site) == 1
    assert DailyVisitCount.objects.count() == 1


def test_cookie_holds_only_the_date(visitor, ward_site):
    _page, response = browse(visitor, "/", REMOTE_ADDR="203.0.113.77")
    value = response.cookies["ward_visit"].value
    assert datetime.date.fromisoformat(value).isoformat() == value
    assert len(value) == len("2026-03-09")
    assert list(response.cookies) == ["ward_visit"]


def test_a_browser_without_the_cookie_counts_again(visitor, ward_site):
    browse(visitor, "/")
    browse(Client(HTTP_USER_AGENT=BROWSER), "/")
    assert visits(ward_site) == 2


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "SomeCrawler/1.0",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0",
        "python-requests/2.32",
        "",
    ],
)
def test_bots_are_never_counted(client, ward_site, agent):
    response, report = browse(client, "/", HTTP_USER_AGENT=agent)
    assert response.status_code == 200
    assert visits(ward_site) == 0
    assert "ward_visit" not in report.cookies


def test_no_user_agent_header_at_all_is_not_counted(client, ward_site):
    assert "HTTP_USER_AGENT" not in client.defaults
    assert browse(client, "/")[0].status_code == 200
    assert visits(ward_site) == 0


def test_admin_pages_are_not_counted(visitor, ward_site, admin_user):
    login = visitor.get("/admin/login/")
    assert login.status_code == 200
    assert login["Content-Type"].startswith("text/html")
    visitor.force_login(admin_user)
    dashboard = visitor.get("/admin/")
    assert dashboard.status_code == 200
    assert visits(ward_site) == 0
    assert "ward_visit" not in visitor.cookies


def test_api_pages_are_not_counted_even_as_html(visitor, ward_site):
    # The browsable API answers with HTML: only the ignored path keeps it from counting.
    response = visitor.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert visitor.get("/api/ward/site-info/").status_code == 200
    assert visits(ward_site) == 0


def test_error_pages_and_non_html_are_not_counted(visitor, ward_site):
    assert visitor.get("/khong-co-trang-nay/").status_code == 404
    sitemap = visitor.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert not sitemap["Content-Type"].startswith("text/html")
    assert visits(ward_site) == 0
    assert browse(visitor, "/")[0].status_code == 200
    assert visits(ward_site) == 1


def test_head_and_post_are_not_counted(visitor, ward_site):
    assert visitor.head("/").status_code == 200
    post = visitor.post("/")
    assert post.status_code == 200
    assert post["Content-Type"].startswith("text/html")
    assert visits(ward_site) == 0


def test_counter_switched_off(visitor, ward_site):
    with override_settings(WAGTAIL_WARD={"VISIT_COUNTER": False}):
        page, report = browse(visitor, "/")
        assert page.status_code == 200
        assert report is None  # the page has no visit script
        assert visitor.get("/api/ward/visits/pixel.gif").status_code == 404
        assert post_json(visitor, {"site": ward_site.pk}).status_code == 404
    assert visits(ward_site) == 0


def test_the_next_day_counts_again(visitor, ward_site):
    with time_machine.travel(DAY_ONE, tick=False):
        browse(visitor, "/")
        browse(visitor, "/")
    assert visitor.cookies["ward_visit"].value == "2026-03-09"
    with time_machine.travel(DAY_TWO, tick=False):
        browse(visitor, "/")
        browse(visitor, "/")
    assert visitor.cookies["ward_visit"].value == "2026-03-10"
    assert visits(ward_site, datetime.date(2026, 3, 9)) == 1
    assert visits(ward_site, datetime.date(2026, 3, 10)) == 1
    assert visitor_total(ward_site) == 2


def test_the_day_follows_the_office_time_zone(visitor, ward_site):
    # 18:30 UTC on 9 March is 01:30 on 10 March in Hà Nội.
    late = datetime.datetime(2026, 3, 9, 18, 30, tzinfo=datetime.UTC)
    with time_machine.travel(late, tick=False):
        browse(visitor, "/")
    assert visits(ward_site, datetime.date(2026, 3, 10)) == 1


def test_counts_are_per_site(ward_site):
    other = make_ward_site("maychai.localhost", default=False)
    lacvien_browser = Client(HTTP_USER_AGENT=BROWSER)
    assert browse(lacvien_browser, "/")[0].status_code == 200
    assert (visits(ward_site), visits(other)) == (1, 0)

    maychai_browser = Client(HTTP_USER_AGENT=BROWSER, HTTP_HOST="maychai.localhost")
    for _ in range(2):
        assert browse(maychai_browser, "/")[0].status_code == 200
    browse(Client(HTTP_USER_AGENT=BROWSER, HTTP_HOST="maychai.localhost"), "/")
    assert (visits(ward_site), visits(other)) == (1, 2)
    assert (visitor_total(ward_site), visitor_total(other)) == (1, 2)


# The total


def test_group_digits():
    assert group_digits(12345) == "12.345"
    assert group_digits(12345, "vi") == "12.345"
    assert group_digits(1234567, "en") == "1,234,567"
    assert group_digits(999) == "999"
    assert group_digits(0) == "0"


def test_total_comes_with_the_report_not_in_the_page(visitor, ward_site, home, translate):
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 1, 1), count=12000)
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 1, 2), count=345)
    page, report = browse(visitor, "/")
    html = page.content.decode()
    # The box waits, hidden and empty, for the script to fill it in the page's language.
    assert '<data value=""></data>' in html and "12.345" not in html and "12346" not in html
    assert 'data-ward-language="vi"' in html
    assert report.json() == {"counted": True, "today": 1, "total": 12346}

    english = translate(home)
    assert 'data-ward-language="en"' in visitor.get(english.url).content.decode()


def test_total_is_refreshed_after_a_counted_visit(visitor, ward_site):
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 1, 1), count=41)
    assert visitor_total(ward_site) == 41  # now cached
    browse(visitor, "/")
    assert visitor_total(ward_site) == 42


# The endpoint for headless frontends


def test_endpoint_counts_a_json_post(visitor, ward_site):
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 1, 1), count=41)
    response = post_json(visitor, {"site": ward_site.pk})
    assert response.status_code == 200
    assert response.json() == {"counted": True, "today": 1, "total": 42}
    assert response.cookies["ward_visit"].value
    again = post_json(visitor, {"site": ward_site.pk})
    assert again.json() == {"counted": False, "today": 1, "total": 42}


def test_endpoint_uses_the_requests_site_without_a_body(visitor, ward_site):
    other = make_ward_site("maychai.localhost", default=False)
    response = visitor.post(VISITS_URL, content_type="application/json", HTTP_HOST=other.hostname)
    assert response.status_code == 200
    assert response.json()["counted"] is True
    assert (visits(ward_site), visits(other)) == (0, 1)


def test_endpoint_does_not_count_bots(client, ward_site):
    response = post_json(client, {"site": ward_site.pk}, HTTP_USER_AGENT="Googlebot/2.1")
    assert response.status_code == 200
    assert response.json() == {"counted": False, "today": 0, "total": 0}


def test_endpoint_refuses_a_form_post(visitor, ward_site):
    response = visitor.post(VISITS_URL, {"site": ward_site.pk})
    assert response.status_code == 415
    assert "message" in response.json()
    text = visitor.post(VISITS_URL, data=json.dumps({"site": 1}), content_type="text/plain")
    assert text.status_code == 415
    assert visits(ward_site) == 0
    assert "ward_visit" not in visitor.cookies


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", '{"site": "1"}'])
def test_endpoint_rejects_a_bad_body(visitor, ward_site, body):
    response = visitor.post(VISITS_URL, data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["message"]
    assert visits(ward_site) == 0


def test_endpoint_unknown_site(visitor, ward_site):
    response = post_json(visitor, {"site": ward_site.pk + 1000})
    assert response.status_code == 404
    assert visits(ward_site) == 0
    assert DailyVisitCount.objects.count() == 0


def test_endpoint_only_accepts_post(visitor, ward_site):
    assert visitor.get(VISITS_URL).status_code == 405
    assert visitor.put(VISITS_URL, data="{}", content_type="application/json").status_code == 405
    assert visits(ward_site) == 0


@override_settings(WAGTAIL_WARD={"VISIT_RATE": "3/m"})
def test_endpoint_rate_limit_per_address(ward_site):
    # A fixed clock, so that the one-minute window cannot roll over during the test.
    with mock.patch("django_ratelimit.core.time.time", return_value=1_800_000_010.0):
        for _ in range(3):
            # A new visitor each time: no cookie, so each of these counts.
            fresh = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.4")
            assert post_json(fresh, {"site": ward_site.pk}).status_code == 200
        limited = post_json(
            Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.4"), {"site": ward_site.pk}
        )
        assert limited.status_code == 429
        assert limited["Retry-After"] == "60"
        assert limited.json()["message"]
        # Not counted, but the page that reported it can still show the total.
        assert limited.json()["counted"] is False
        assert limited.json()["total"] == 3
        assert "ward_visit" not in limited.cookies
        assert visits(ward_site) == 3

        other_address = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.5")
        assert post_json(other_address, {"site": ward_site.pk}).status_code == 200
        assert visits(ward_site) == 4


@override_settings(WAGTAIL_WARD={"VISIT_RATE": "3/m"})
def test_a_counted_browser_reads_the_total_on_every_page_past_the_rate(ward_site):
    """Every page reports its visit; once today's visit counted, the reports count nothing and
    use up no rate, so the readers of one office address keep seeing the total."""
    with mock.patch("django_ratelimit.core.time.time", return_value=1_800_000_010.0):
        reader = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.8")
        answers = [post_json(reader, {"site": ward_site.pk}) for _ in range(10)]
        assert [a.status_code for a in answers] == [200] * 10
        assert [a.json()["counted"] for a in answers] == [True] + [False] * 9
        assert all(a.json()["total"] == 1 for a in answers)
        pixel = reader.get("/api/ward/visits/pixel.gif")
        assert pixel.status_code == 200
        # The address has used one of its three counts, for the one visit that counted.
        for _ in range(2):
            fresh = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.8")
            assert post_json(fresh, {"site": ward_site.pk}).json()["counted"] is True
        fresh = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.8")
        assert post_json(fresh, {"site": ward_site.pk}).status_code == 429
    assert visits(ward_site) == 3


@override_settings(WAGTAIL_WARD={"VISIT_RATE": "1/5m"})
def test_retry_after_follows_the_configured_window(ward_site):
    with mock.patch("django_ratelimit.core.time.time", return_value=1_800_000_010.0):
        first = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.6")
        assert post_json(first, {"site": ward_site.pk}).status_code == 200
        again = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="198.51.100.6")
        limited = post_json(again, {"site": ward_site.pk})
    assert limited.status_code == 429
    assert limited["Retry-After"] == "300"
    assert "300" in limited.json()["message"]


# Privacy

PROBE_ADDRESS = "203.0.113.77"
PROBE_AGENT = "Mozilla/5.0 (WardPrivacyProbe-7f3a; rv:131.0) Gecko/20100101 Firefox/131.0"
TEXT_TYPES = (models.CharField, models.TextField, models.JSONField)


def stored_anywhere(needle):
    """Every model whose text or JSON column contains ``needle``: ``[(model, field), ...]``."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            text_like = isinstance(field, TEXT_TYPES) or field.get_internal_type() in {
                "CharField",
                "TextField",
                "JSONField",
                "SlugField",
                "EmailField",
                "URLField",
                "GenericIPAddressField",
            }
            if not text_like:
                continue
            rows = model._base_manager.annotate(
                _probe=Cast(field.attname, output_field=models.TextField())
            ).filter(_probe__contains=needle)
            if rows.exists():
                found.append((model._meta.label, field.name))
    return found


def test_no_address_or_user_agent_is_stored(client, ward_site):
    page, _report = browse(client, "/", REMOTE_ADDR=PROBE_ADDRESS, HTTP_USER_AGENT=PROBE_AGENT)
    assert page.status_code == 200
    api = post_json(
        Client(), {"site": ward_site.pk}, REMOTE_ADDR=PROBE_ADDRESS, HTTP_USER_AGENT=PROBE_AGENT
    )
    assert api.json()["counted"] is True
    assert visits(ward_site) == 2

    # The scan itself finds what is stored: the site's e-mail address and the unit's name.
    assert ("wagtail_ward.WardSettings", "email") in stored_anywhere("ubnd@example.gov.vn")
    assert ("wagtail_ward.UnitProfile", "name") in stored_anywhere("Phường Lạc Viên")

    assert stored_anywhere(PROBE_ADDRESS) == []
    assert stored_anywhere("WardPrivacyProbe") == []
    assert stored_anywhere(PROBE_AGENT) == []

    locmem = caches["default"]._cache
    assert locmem, "the rate limiter keeps its counter in the cache"
    for key, value in locmem.items():
        assert PROBE_ADDRESS not in key
        assert "WardPrivacyProbe" not in key
        assert PROBE_ADDRESS.encode() not in value
        assert b"WardPrivacyProbe" not in value


def test_the_visit_cookie_is_the_only_thing_the_browser_gets(client, ward_site):
    page, response = browse(client, "/", REMOTE_ADDR=PROBE_ADDRESS, HTTP_USER_AGENT=PROBE_AGENT)
    assert not page.cookies
    assert set(response.cookies) == {"ward_visit"}
    assert PROBE_ADDRESS not in response.cookies.output()
    assert "WardPrivacyProbe" not in response.cookies.output()


# Without JavaScript: the page's <noscript> image


def test_a_page_read_without_javascript_counts_through_its_image(visitor, ward_site):
    html = visitor.get("/").content.decode()
    assert '<noscript><img class="ward-visits-pixel" src="/api/ward/visits/pixel.gif"' in html
    pixel = visitor.get("/api/ward/visits/pixel.gif")
    assert pixel.status_code == 200 and pixel["Content-Type"] == "image/gif"
    assert "no-store" in pixel["Cache-Control"]
    assert pixel.cookies["ward_visit"].value == ward_today().isoformat()
    assert visits(ward_site) == 1
    # The next page of the visit, with or without the script: not counted again.
    visitor.get("/api/ward/visits/pixel.gif")
    browse(visitor, "/so-do-site/")
    assert visits(ward_site) == 1


def test_the_image_does_not_count_bots(client, ward_site):
    client.get("/api/ward/visits/pixel.gif", HTTP_USER_AGENT="Googlebot/2.1")
    assert visits(ward_site) == 0


def test_a_preview_reports_no_visit(rf, ward_site):
    beacon = "wagtail_ward/includes/visit_beacon.html"
    request = rf.get("/")
    assert "visits.js" in render_to_string(beacon, request=request)
    request.is_preview = True  # as Wagtail marks the request of a preview
    assert render_to_string(beacon, request=request).strip() == ""


def test_the_page_counts_when_it_is_served_if_the_site_asks(visitor, ward_site):
    with override_settings(WAGTAIL_WARD={"VISIT_COUNT_ON_PAGES": True}):
        page, report = browse(visitor, "/")
    assert page.cookies["ward_visit"].value == ward_today().isoformat()
    assert report.json()["counted"] is False  # the page's own count: once per view still
    assert visits(ward_site) == 1
