"""Generated bad input against every route: whatever the parameters, never a server error.

Hypothesis throws query parameters (text with NUL bytes and odd Unicode, huge and negative
integers, digits of other scripts, dates in and out of the calendar, random enumerations),
address segments and JSON bodies at the news and schedule pages (Vietnamese and English), the
schedule admin views, the ward API and every v2 endpoint of ``ward_api_router()``. The answer
may be anything but a 5xx. Bounded so that the file runs in a few seconds.
"""

import datetime
import json
from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    LeaderFactory,
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    make_schedule,
    make_schedule_index,
)

SETTINGS = {
    "deadline": None,
    "database": None,  # nothing written into the checkout
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}

# Every parameter a route of ours or Wagtail's v2 API reads, and a few it does not.
NAMES = [
    "q",
    "page",
    "p",
    "print",
    "search",
    "search_operator",
    "locale",
    "html_path",
    "offset",
    "limit",
    "id",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "site",
    "type",
    "fields",
    "order",
    "format",
    "rich_text_format",
    "title",
    "slug",
    "date",
    "from",
    "to",
    "leader",
    "start_date",
    "end_date",
    "category",
    "featured",
    "tags",
    "width",
    "first_published_at",
    "x\x00",
]

ODD_DIGITS = "²³¹٠١٢٣٤٥٦٧٨٩０１２３４５６７８９०१२३৪"
ENUMERATIONS = [
    "and",
    "or",
    "xor",
    "AND",
    "true",
    "false",
    "maybe",
    "root",
    "*",
    "_",
    "-title",
    "random",
    "title,random",
    "plain",
    "html",
    "json",
    "api",
    "vi",
    "en",
    "fr",
    "wagtail_ward_news.NewsPage",
    "wagtail_ward_news.NewsIndexPage",
    "wagtail_ward_schedule.WeeklySchedulePage",
    "category(*)",
    "*,-title",
    "days(x)",
    "wagtailcore.Page,wagtail_ward_schedule.WeeklySchedulePage",
    "testserver:80",
    "testserver:99999999999999999999",
]

unicode_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=24)
with_nul = st.builds(lambda a, b: f"{a}\x00{b}", unicode_text, unicode_text)
integers = st.one_of(
    st.integers(min_value=-(2**80), max_value=2**80),
    st.sampled_from([0, -1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30]),
).map(str)
odd_digits = st.text(st.sampled_from(ODD_DIGITS), min_size=1, max_size=6)
dates = st.one_of(
    st.dates().map(datetime.date.isoformat),
    st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z"),
    st.sampled_from(["0000-01-01", "9999-12-31", "10000-01-01", "2015-02-30", "2015-08-03T25:00"]),
)
enumerations = st.one_of(st.sampled_from(ENUMERATIONS), st.text(max_size=8))
values = st.one_of(unicode_text, with_nul, integers, odd_digits, dates, enumerations)
segments = st.one_of(integers, odd_digits, dates, with_nul, unicode_text.filter(bool))


API_LISTING = [
    "offset",
    "limit",
    "search",
    "search_operator",
    "locale",
    "id",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "translation_of",
    "site",
    "type",
    "fields",
    "order",
]
# The parameters each endpoint filters by, besides the listing's own.
API_FIELDS = {
    "pages": ["title", "slug", "first_published_at", "alias_of", "show_in_menus", "seo_title"],
    "images": ["title", "width", "height", "tags"],
    "documents": ["title", "tags"],
    "news": [
        "date",
        "lead",
        "category",
        "featured",
        "featured_image",
        "body",
        "source_url",
        "tags",
        "first_published_at",
    ],
    "schedules": ["start_date", "end_date", "notice"],
}


@pytest.fixture
def routes(home, vi, translate):
    """One page of each kind, in Vietnamese and English: [(url, parameters it reads)]."""
    category = NewsCategoryFactory(name="Hành chính công", slug="hanh-chinh-cong", locale=vi)
    news_index = NewsIndexPageFactory(parent=home)
    article = NewsPageFactory(parent=news_index, slug="tin-bai", category=category)
    schedule_index = make_schedule_index(home)
    leader = LeaderFactory(locale=vi)
    schedule = make_schedule(schedule_index, entries=1, leader=leader)
    english = [
        translate(news_index, {"Tin tức": "News"}),
        translate(article),
        translate(schedule_index),
        translate(schedule),
    ]
    listing, paging = ["q", "page"], ["page", "p"]
    pages = []
    for news, item, schedules, week in [(news_index, article, schedule_index, schedule), english]:
        pages += [
            (news.url, listing),
            (news.url + "category/hanh-chinh-cong/", listing),
            (news.url + "archive/2025/", listing),
            (news.url + "archive/2025/1/", listing),
            (news.url + "rss/", listing),
            (news.url + "atom/", listing),
            (news.url + "category/hanh-chinh-cong/atom/", listing),
            (item.url, ["print"]),
            (item.url + "print/", ["print"]),
            (schedules.url, paging),
            (schedules.url + "archive/2015/", paging),
            (schedules.url + f"leader/{leader.pk}/", paging),
            (schedules.url + f"leader/{leader.pk}/ical/", paging),
            (schedules.url + "this-week/", paging),
            (schedules.url + "ical/", paging),
            (week.url, paging),
            (week.url + "print/", paging),
            (week.url + "ical/", paging),
        ]
    api = [("/api/ward/site-info/", ["site", "locale"])]
    for endpoint, pk in [
        ("pages", article.pk),
        ("images", 1),
        ("documents", 1),
        ("news", article.pk),
        ("schedules", schedule.pk),
    ]:
        names = API_LISTING + API_FIELDS[endpoint]
        api += [
            (f"/api/v2/{endpoint}/", names),
            (f"/api/v2/{endpoint}/{pk}/", ["fields", "locale", "site", "rich_text_format"]),
            (f"/api/v2/{endpoint}/find/", ["id", "html_path", "locale", "site"]),
        ]
    api += [
        ("/api/v2/schedules/covering/", ["date", "locale"]),
        ("/api/v2/schedules/entries/", ["from", "to", "leader", "locale"]),
    ]
    admin = [
        (f"/admin/schedule/{schedule.pk}/import/", ["replace"]),
        ("/admin/schedule/template.xlsx", ["format"]),
    ]
    segment_templates = [
        news_index.url + "archive/{}/",
        news_index.url + "archive/2025/{}/",
        news_index.url + "category/{}/",
        english[0].url + "archive/{}/",
        schedule_index.url + "archive/{}/",
        schedule_index.url + "leader/{}/",
        english[2].url + "leader/{}/ical/",
        "/api/v2/pages/{}/",
        "/api/v2/news/{}/",
        "/api/v2/schedules/{}/",
        "/api/v2/images/{}/",
    ]
    return {
        "get": pages + api,
        "admin": admin,
        "segments": segment_templates,
        "admin_segments": [
            "/admin/schedule/{}/import/",
            f"/admin/schedule/index/{schedule_index.pk}/new/{{}}/",
        ],
    }


def fetch(client, method, url, **extra):
    """The response to ``url``; a server error is a response too, in a savepoint of its own."""
    client.raise_request_exception = False
    with transaction.atomic():
        response = getattr(client, method)(url, **extra)
    assert response.status_code < 500, f"{response.status_code} for {method.upper()} {url}"
    return response


@settings(max_examples=300, **SETTINGS)
@given(data=st.data(), language=st.sampled_from(["vi", "en", "fr"]))
def test_no_query_parameters_give_a_server_error(client, admin_client, routes, data, language):
    anonymous = data.draw(st.booleans())
    url, reads = data.draw(st.sampled_from(routes["get"] if anonymous else routes["admin"]))
    # Mostly the parameters the route reads, sometimes any other.
    names = st.one_of(st.sampled_from(reads), st.sampled_from(reads), st.sampled_from(NAMES))
    query = data.draw(st.dictionaries(names, values, min_size=1, max_size=3))
    full_url = f"{url}?{urlencode(query)}"
    fetch(client if anonymous else admin_client, "get", full_url, HTTP_ACCEPT_LANGUAGE=language)


@settings(max_examples=60, **SETTINGS)
@given(data=st.data(), segment=segments)
def test_no_address_segments_give_a_server_error(client, admin_client, routes, data, segment):
    admin = data.draw(st.booleans())
    template = data.draw(st.sampled_from(routes["admin_segments" if admin else "segments"]))
    url = template.format(quote(segment, safe=""))
    method = "post" if admin and "/new/" in template else "get"
    fetch(admin_client if admin else client, method, url)


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=False, allow_infinity=False),
        unicode_text,
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(unicode_text, children, max_size=3)
    ),
    max_leaves=10,
)
bodies = st.one_of(
    json_values.map(json.dumps),
    st.fixed_dictionaries({"site": json_values}).map(json.dumps),
    st.integers(min_value=1, max_value=50_000).map(lambda n: "[" * n + "]" * n),
    st.integers(min_value=1, max_value=50_000).map(lambda n: '{"site": ' + "[" * n + "]" * n + "}"),
    st.integers(min_value=1, max_value=20_000).map(lambda n: '{"a":' * n + "1" + "}" * n),
    unicode_text,
    st.binary(max_size=32),  # not always UTF-8
)


@settings(max_examples=80, **SETTINGS)
@given(body=bodies)
def test_no_visit_body_gives_a_server_error(client, ward_site, body):
    cache.clear()  # the rate limit counts every example otherwise
    fetch(client, "post", "/api/ward/visits/", data=body, content_type="application/json")
