"""Bad request parameters get a clear 400 or 404 naming the parameter, never a server error.

The classes measured on the demo: NUL bytes in text, integers beyond the database's range,
years and dates outside the calendar, digits of other scripts (``²``), unknown enumerations,
values a typed field cannot hold, and JSON bodies nested too deeply. Each case is asserted on
every route family: the news and schedule pages, the ward API, the schedule admin views and
every v2 endpoint of ``ward_api_router()``.
"""

import pytest
from django.db import transaction
from django.urls import path
from django.utils import translation
from wagtail import hooks
from wagtail.api.v2.views import PagesAPIViewSet

from tests.factories import (
    LeaderFactory,
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    make_schedule,
    make_schedule_index,
)
from wagtail_ward.api import ward_api_router
from wagtail_ward.schedule.models import WeeklySchedulePage

HUGE = "99999999999999999999999"  # beyond a signed 64-bit column
BIGINT_PLUS_ONE = str(2**63)
SUPERSCRIPT_TWO = "²"  # str.isdigit() says yes, int() says no
ARABIC_2015 = "٢٠١٥"  # int() reads 2015, and Python's regex \d matches it
NUL = "a\x00b"


@pytest.fixture
def site_pages(home, vi):
    category = NewsCategoryFactory(name="Hành chính công", slug="hanh-chinh-cong", locale=vi)
    news_index = NewsIndexPageFactory(parent=home)
    article = NewsPageFactory(parent=news_index, slug="tin-bai", category=category)
    schedule_index = make_schedule_index(home)
    leader = LeaderFactory(locale=vi)
    schedule = make_schedule(schedule_index, entries=1, leader=leader)
    return {
        "news_index": news_index,
        "article": article,
        "schedule_index": schedule_index,
        "schedule": schedule,
        "leader": leader,
    }


def get(client, url, **extra):
    """GET ``url``; a server error comes back as a 500 response, in a savepoint of its own."""
    client.raise_request_exception = False
    with transaction.atomic():
        return client.get(url, **extra)


def assert_json_400(response, parameter, url):
    assert response.status_code == 400, (url, response.status_code, response.content[:300])
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["parameter"] == parameter, (url, data)
    if parameter != "body":  # the body's messages say "the request body"
        assert f"“{parameter}”" in data["message"], (url, data)


def assert_text_400(response, parameter, url):
    assert response.status_code == 400, (url, response.status_code, response.content[:300])
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert f"“{parameter}”" in response.content.decode(), url


def failures_of(check, cases):
    """Run ``check(*case)`` for every case; the messages of those that fail, URL first."""
    failures = []
    for case in cases:
        try:
            check(*case)
        except AssertionError as error:
            failures.append(str(error))
    return failures


# News and schedule pages -------------------------------------------------------------------

PAGE_CASES = [
    # (path below the site root, parameter named in the 400)
    ("tin-tuc/?q=a%00b", "q"),
    (f"tin-tuc/?page={HUGE}", "page"),
    (f"tin-tuc/?page={BIGINT_PLUS_ONE}", "page"),
    ("tin-tuc/?page=%C2%B2", "page"),
    ("tin-tuc/?page=0", "page"),
    ("tin-tuc/?page=-1", "page"),
    ("tin-tuc/?page=%00", "page"),
    ("tin-tuc/category/hanh-chinh-cong/?q=%00", "q"),
    ("tin-tuc/category/hanh-chinh-cong/?page=%C2%B2", "page"),
    (f"tin-tuc/archive/2025/?page={HUGE}", "page"),
    ("tin-tuc/archive/2025/3/?q=x%00", "q"),
    (f"lich-cong-tac/?page={HUGE}", "page"),
    ("lich-cong-tac/?page=%C2%B2", "page"),
    ("lich-cong-tac/?page=%00", "page"),
    ("lich-cong-tac/archive/2015/?page=%D9%A2", "page"),
    ("lich-cong-tac/this-week/?page=%00", "page"),
]


def test_page_routes_answer_400_naming_the_parameter(client, site_pages):
    def check(path, parameter):
        url = "/" + path
        assert_text_400(get(client, url), parameter, url)

    cases = [*PAGE_CASES, (f"lich-cong-tac/leader/{site_pages['leader'].pk}/?page={HUGE}", "page")]
    assert failures_of(check, cases) == []


NOT_FOUND_PATHS = [
    "tin-tuc/archive/0/",
    f"tin-tuc/archive/{HUGE}/",
    f"tin-tuc/archive/2025/{HUGE}/",
    "lich-cong-tac/archive/0000/",
    "lich-cong-tac/archive/9999/",
    f"lich-cong-tac/archive/{ARABIC_2015}/",
    f"lich-cong-tac/leader/{HUGE}/",
    f"lich-cong-tac/leader/{BIGINT_PLUS_ONE}/ical/",
    "tin-tuc/a%00b/",
    "lich-cong-tac/a%00b/",
]


def test_out_of_range_address_segments_are_404(client, site_pages):
    def check(path):
        response = get(client, "/" + path)
        assert response.status_code == 404, (path, response.status_code)

    assert failures_of(check, [(path,) for path in NOT_FOUND_PATHS]) == []


def test_a_well_formed_year_and_page_still_work(client, site_pages):
    assert get(client, "/lich-cong-tac/archive/2015/?page=1").status_code == 200
    assert get(client, "/tin-tuc/?page=99&q=giao").status_code == 200
    assert get(client, "/tin-tuc/?page=").status_code == 200


IGNORING_PATHS = [
    "tin-tuc/rss/?q=%00&page=%C2%B2",
    "tin-tuc/atom/?page=" + HUGE,
    "tin-tuc/category/hanh-chinh-cong/rss/?page=%00",
    "tin-tuc/tin-bai/?print=%00",
    "tin-tuc/tin-bai/print/?page=%C2%B2",
    "lich-cong-tac/ical/?page=%00",
    "lich-cong-tac/lich-cong-tac-2015-08-03/?page=%00",
    "lich-cong-tac/lich-cong-tac-2015-08-03/print/?page=" + HUGE,
    "lich-cong-tac/lich-cong-tac-2015-08-03/ical/?date=0000-00-00",
]


def test_routes_that_read_no_parameter_ignore_bad_ones(client, site_pages):
    def check(path):
        response = get(client, "/" + path)
        assert response.status_code == 200, (path, response.status_code)

    assert failures_of(check, [(path,) for path in IGNORING_PATHS]) == []


def test_page_messages_are_in_the_page_language(client, site_pages, translate):
    english = translate(site_pages["news_index"], {"Tin tức": "News"})
    assert english.url.startswith("/en/")
    response = get(client, english.url + "?page=%C2%B2")
    assert response.status_code == 400
    assert response.content.decode() == "“page” must be a whole number from 1 upwards."
    vietnamese = get(client, "/tin-tuc/?page=%C2%B2")
    with translation.override("vi"):
        expected = translation.gettext("“%(name)s” must be a whole number from 1 upwards.")
    assert vietnamese.content.decode() == expected % {"name": "page"}


# Schedule admin views ----------------------------------------------------------------------


def test_admin_ids_beyond_the_database_are_404(editor, site_pages):
    editor.raise_request_exception = False
    assert editor.get(f"/admin/schedule/{HUGE}/import/").status_code == 404
    assert editor.post(f"/admin/schedule/{BIGINT_PLUS_ONE}/copy-next-week/").status_code == 404
    assert editor.post(f"/admin/schedule/index/{HUGE}/new/2015-08-10/").status_code == 404


def test_admin_new_week_with_a_bad_start_is_400(editor, site_pages):
    editor.raise_request_exception = False
    index = site_pages["schedule_index"]

    def check(start):
        url = f"/admin/schedule/index/{index.pk}/new/{start}/"
        assert_text_400(editor.post(url), "start", url)

    starts = ["9999-12-31", "0000-01-01", "abc", "2015-02-30", "２０１５-08-10", "2015-08-10%00"]
    assert failures_of(check, [(start,) for start in starts]) == []
    assert WeeklySchedulePage.objects.count() == 1


# Ward API ----------------------------------------------------------------------------------


def test_site_info_refuses_a_nul_in_the_locale(client, site_pages):
    url = "/api/ward/site-info/?locale=v%00i"
    assert_json_400(get(client, url), "locale", url)


def test_site_info_of_a_site_id_that_names_no_site_is_404(client, site_pages):
    for site in [HUGE, BIGINT_PLUS_ONE, SUPERSCRIPT_TWO, ARABIC_2015, NUL]:
        response = get(client, "/api/ward/site-info/", data={"site": site})
        assert response.status_code == 404, site
        assert response.json()["message"]


VISITS_URL = "/api/ward/visits/"


def test_visit_with_a_deeply_nested_body_is_400(client, ward_site):
    client.raise_request_exception = False
    with translation.override("vi"):
        expected = translation.gettext("The request body is nested too deeply.")
    for body in ["[" * 100_000 + "]" * 100_000, '{"site": ' + "[" * 5000 + "]" * 5000 + "}"]:
        response = client.post(VISITS_URL, data=body, content_type="application/json")
        assert_json_400(response, "body", VISITS_URL)
        assert response.json()["message"] == expected


def test_visit_with_a_bad_json_body_is_400_in_vietnamese(client, ward_site):
    response = client.post(VISITS_URL, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "message": "Nội dung yêu cầu không phải là JSON hợp lệ.",
        "parameter": "body",
    }


# Wagtail's v2 API, as ward_api_router() mounts it ------------------------------------------

ENDPOINTS = ["pages", "images", "documents", "news", "schedules"]

API_CASES = [
    # (query string, parameter named in the 400): on the listing of every endpoint
    ("search=a%00b", "search"),
    ("locale=v%00i", "locale"),
    ("search=a&search_operator=xor", "search_operator"),
    ("search_operator=AND", "search_operator"),
    (f"offset={HUGE}", "offset"),
    (f"offset={BIGINT_PLUS_ONE}", "offset"),
    ("offset=%C2%B2", "offset"),
    ("offset=-1", "offset"),
    (f"limit={HUGE}", "limit"),
    ("limit=%D9%A2", "limit"),
    (f"id={HUGE}", "id"),
    ("id=%C2%B2", "id"),
    ("fields=title%00", "fields"),
    ("order=%00", "order"),
    ("x%00=1", "x\x00"),
]

FIND_CASES = [
    ("id=", "id"),
    ("id=abc", "id"),
    (f"id={HUGE}", "id"),
    ("id=%C2%B2", "id"),
    ("id=1%00", "id"),
    ("id=1&search_operator=xor", "search_operator"),
]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_answers_400_naming_the_parameter(client, site_pages, endpoint):
    def check(url, parameter):
        assert_json_400(get(client, url), parameter, url)

    listing = [(f"/api/v2/{endpoint}/?{query}", name) for query, name in API_CASES]
    find = [(f"/api/v2/{endpoint}/find/?{query}", name) for query, name in FIND_CASES]
    assert failures_of(check, listing + find) == []


def test_api_find_by_html_path_with_a_nul_is_400(client, site_pages):
    for endpoint in ["pages", "news", "schedules"]:
        url = f"/api/v2/{endpoint}/find/?html_path=/tin-tuc/%00/"
        assert_json_400(get(client, url), "html_path", url)


def test_api_unknown_site_is_404(client, site_pages):
    for site in ["", "elsewhere.example", "testserver:8080", "testserver:0"]:
        for url in ["/api/v2/pages/", f"/api/v2/pages/{site_pages['article'].pk}/"]:
            response = get(client, url, data={"site": site})
            assert response.status_code == 404, (url, site, response.status_code)
            assert response.json()["message"]
    assert get(client, "/api/v2/pages/?site=testserver:80").status_code == 200


def test_api_detail_beyond_the_database_is_404(client, site_pages):
    for endpoint in ENDPOINTS:
        for pk in (HUGE, BIGINT_PLUS_ONE):
            response = get(client, f"/api/v2/{endpoint}/{pk}/")
            assert response.status_code == 404, (endpoint, pk, response.status_code)
            assert response.json()["message"]


def test_api_detail_checks_its_parameters_before_loading(client, site_pages):
    # The checks run before the object is looked up: image 1 need not exist for the 400.
    article, schedule = site_pages["article"].pk, site_pages["schedule"].pk
    pks = {"pages": article, "news": article, "schedules": schedule}
    for endpoint in ENDPOINTS:
        url = f"/api/v2/{endpoint}/{pks.get(endpoint, 1)}/?fields=%00"
        assert_json_400(get(client, url), "fields", url)


TYPED_CASES = [
    ("/api/v2/pages/?child_of=" + HUGE, "child_of"),
    ("/api/v2/pages/?descendant_of=%C2%B2", "descendant_of"),
    ("/api/v2/pages/?ancestor_of=" + BIGINT_PLUS_ONE, "ancestor_of"),
    ("/api/v2/pages/?translation_of=" + HUGE, "translation_of"),
    ("/api/v2/pages/?site=testserver:abc", "site"),
    ("/api/v2/pages/?site=testserver:" + HUGE, "site"),
    ("/api/v2/pages/?type=wagtail_ward_news.NewsPage&date=abc", "date"),
    ("/api/v2/pages/?type=wagtail_ward_news.NewsPage&category=" + HUGE, "category"),
    ("/api/v2/pages/?first_published_at=abc", "first_published_at"),
    ("/api/v2/pages/?first_published_at=0001-01-01T00:00:00%2B05:00", "first_published_at"),
    ("/api/v2/news/?date=abc", "date"),
    ("/api/v2/news/?date=0000-01-01", "date"),
    ("/api/v2/news/?date=9999-12-31", "date"),
    ("/api/v2/news/?category=" + HUGE, "category"),
    ("/api/v2/news/?category=%C2%B2", "category"),
    ("/api/v2/news/?featured=maybe", "featured"),
    ("/api/v2/images/?width=%C2%B2", "width"),
    ("/api/v2/images/?width=" + HUGE, "width"),
    ("/api/v2/schedules/?start_date=abc", "start_date"),
    ("/api/v2/schedules/?end_date=9999-12-31", "end_date"),
    ("/api/v2/schedules/covering/?date=abc", "date"),
    ("/api/v2/schedules/covering/?date=9999-12-31", "date"),
    ("/api/v2/schedules/covering/?date=%00", "date"),
    ("/api/v2/schedules/entries/?from=9999-12-31", "from"),
    ("/api/v2/schedules/entries/?to=0000-01-01", "to"),
    ("/api/v2/schedules/entries/?leader=" + HUGE, "leader"),
    ("/api/v2/schedules/entries/?leader=%C2%B2", "leader"),
    ("/api/v2/schedules/entries/?locale=%00", "locale"),
    ("/api/v2/schedules/entries/?offset=" + HUGE, "offset"),
]


def test_api_typed_parameters_answer_400(client, site_pages):
    def check(url, parameter):
        assert_json_400(get(client, url), parameter, url)

    assert failures_of(check, TYPED_CASES) == []


def test_api_good_parameters_still_work(client, site_pages):
    article = site_pages["article"]
    listing = get(client, f"/api/v2/news/?date={article.date.isoformat()}&featured=false")
    assert [item["id"] for item in listing.json()["items"]] == [article.pk]
    assert get(client, "/api/v2/pages/?offset=9223372036854775807").json()["items"] == []
    assert get(client, "/api/v2/pages/?search=giao&search_operator=or").status_code == 200
    assert get(client, "/api/v2/pages/?child_of=root&limit=0").status_code == 200
    found = get(client, f"/api/v2/news/find/?id={article.pk}")
    assert found.status_code == 302
    entries = get(client, "/api/v2/schedules/entries/?from=2015-08-03&to=2015-08-09").json()
    assert entries["meta"]["total_count"] == 1


def test_searches_with_quotes_or_only_spaces_are_plain_words(client, site_pages):
    # The SQLite full-text index reads '"' as syntax and a query of spaces as no query.
    title = site_pages["article"].title
    quoted = f'"{title}"'
    for endpoint in ["pages", "news"]:
        found = get(client, f"/api/v2/{endpoint}/", data={"search": quoted})
        assert found.status_code == 200, (endpoint, found.status_code)
        assert [item["id"] for item in found.json()["items"]] == [site_pages["article"].pk]
        everything = get(client, f"/api/v2/{endpoint}/").json()["meta"]["total_count"]
        for blank in [" ", "\u00a0\u2028", '""']:
            response = get(client, f"/api/v2/{endpoint}/", data={"search": blank})
            assert response.status_code == 200, (endpoint, blank, response.status_code)
            assert response.json()["meta"]["total_count"] == everything
    listing = get(client, "/tin-tuc/", data={"q": quoted})
    assert listing.status_code == 200
    assert title in listing.content.decode()
    assert get(client, "/tin-tuc/", data={"q": '" ＂'}).status_code == 200


def test_api_messages_are_in_the_request_language(client, site_pages):
    # One rule for every endpoint: ?locale=, not the client's Accept-Language.
    response = get(client, f"/api/v2/pages/?offset={HUGE}&locale=en", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.json() == {
        "message": "“offset” must be at most 9223372036854775807.",
        "parameter": "offset",
    }
    # ?locale= names the language of the answer, whatever the client's own.
    response = get(client, f"/api/v2/news/?locale=en&limit={HUGE}", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.json() == {
        "message": "“limit” must be at most 9223372036854775807.",
        "parameter": "limit",
    }
    # No language asked for: the site's default, Vietnamese.
    response = get(client, "/api/v2/news/?search=a&search_operator=xor")
    with translation.override("vi"):
        expected = translation.gettext("“%(name)s” must be one of: %(choices)s.") % {
            "name": "search_operator",
            "choices": "and, or",
        }
    assert response.json()["message"] == expected


# A family's viewset that forgets the mixin ---------------------------------------------------


class ForgetfulAPIViewSet(PagesAPIViewSet):
    """A family endpoint written against Wagtail's own class, without the ward mixin."""


def _register_forgetful(router):
    router.register_endpoint("forgetful", ForgetfulAPIViewSet)


with hooks.register_temporarily("register_wagtail_ward_api_endpoints", _register_forgetful):
    forgetful_router = ward_api_router("forgetfulapi")

urlpatterns = [path("api/v2/", forgetful_router.urls)]

FORGETFUL_CASES = [
    (f"?offset={HUGE}", "offset"),
    ("?search=%00", "search"),
    ("?search=a&search_operator=xor", "search_operator"),
    ("find/?id=abc", "id"),
]


@pytest.mark.urls("tests.test_bad_input")
def test_router_checks_a_family_endpoint_that_forgot_the_mixin(client, ward_site):
    def check(query, parameter):
        url = f"/api/v2/forgetful/{query}"
        assert_json_400(get(client, url), parameter, url)

    assert failures_of(check, FORGETFUL_CASES) == []
