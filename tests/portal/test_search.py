"""The site-wide search: one page over every installed family, accents and đ ignored."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Locale, Site

from tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    make_draft,
    make_private,
    make_schedule,
    make_schedule_index,
    make_ward_site,
    translate,
)
from tests.html import soup
from wagtail_ward.search import _matching, below_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(home):
    news = NewsIndexPageFactory(parent=home)
    trained = NewsPageFactory(parent=news, title="Đào tạo dự nguồn chức danh chủ chốt")
    NewsPageFactory(parent=news, title="Ra quân vệ sinh môi trường", lead="Đường phố sạch đẹp.")
    schedules = make_schedule_index(home)
    schedule = make_schedule(schedules, entries=1)
    return {"news": news, "trained": trained, "schedule": schedule}


def _results(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = soup(response)
    return {
        section.h2.get_text(" ", strip=True): [
            a.get_text(strip=True) for a in section.select("li a")
        ]
        for section in page.select(".ward-search__group")
    }


def test_accents_and_d_are_ignored_and_results_are_grouped_by_type(client, content):
    for query in ("dao tao", "ĐÀO TẠO", "Đào tạo dự nguồn"):
        results = _results(client, f"/search/?q={query}")
        assert list(results.values()) == [["Đào tạo dự nguồn chức danh chủ chốt"]], query
    # "duong" matches the lead "Đường phố"; every word must match.
    assert list(_results(client, "/search/?q=duong+pho").values()) == [
        ["Ra quân vệ sinh môi trường"]
    ]
    assert _results(client, "/search/?q=duong+dao") == {}


def test_every_registered_family_is_searched(client, content):
    title = content["schedule"].title
    results = _results(client, "/search/?q=" + title.split()[0])
    assert title in sum(results.values(), [])
    assert all("(" in heading for heading in results)  # each group says how many it found


def test_drafts_and_private_items_never_show(client, content):
    make_draft(content["news"], title="Đào tạo bản nháp")
    private = NewsPageFactory(parent=content["news"], title="Đào tạo nội bộ")
    make_private(private)
    titles = sum(_results(client, "/search/?q=dao+tao").values(), [])
    assert titles == ["Đào tạo dự nguồn chức danh chủ chốt"]


def test_english_pages_are_searched_in_english(client, content):
    translate(
        content["trained"], {"Đào tạo dự nguồn chức danh chủ chốt": "Training future leaders"}
    )
    with translation.override("en"):
        english = client.get("/search/?q=training&locale=en")
    page = soup(english)
    assert page.html["lang"] == "en"
    assert [a.get_text(strip=True) for a in page.select(".ward-search__group li a")] == [
        "Training future leaders"
    ]
    assert _results(client, "/search/?q=training") == {}  # not in the Vietnamese pages


def test_one_type_is_paginated(client, content):
    for n in range(25):
        NewsPageFactory(
            parent=content["news"], title=f"Tập huấn số {n}", date=datetime.date(2026, 1, 1)
        )
    grouped = _results(client, "/search/?q=tap+huan")
    assert [len(titles) for titles in grouped.values()] == [5]
    response = client.get("/search/?q=tap+huan&type=wagtail_ward_news.newspage&page=2")
    assert len(soup(response).select(".ward-search__group li")) == 5  # 25 = 20 + 5


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("q=a&type=nothing.here", "type"), ("q=a&page=x", "page"), ("q=%00", "q")],
)
def test_bad_parameters_get_a_400_naming_them(client, content, query, parameter):
    response = client.get(f"/search/?{query}")
    assert response.status_code == 400
    assert f"“{parameter}”" in response.content.decode()


def test_queries_do_not_grow_with_the_content(client, content, django_assert_max_num_queries):
    client.get("/search/?q=tap")
    for n in range(30):
        NewsPageFactory(parent=content["news"], title=f"Tập huấn {n}")
    with django_assert_max_num_queries(25):
        response = client.get("/search/?q=tap")
    assert len(soup(response).select(".ward-search__group li")) == 5


def test_below_path_is_every_descendant_and_nothing_else():
    kept = below_path("00010002")
    assert kept["path__gt"] == "00010002" and kept["path__startswith"] == "00010002"
    for path in ("000100020001", "00010002ZZZZ", "00010002ZZZZZZZZ"):
        assert kept["path__gt"] < path <= kept["path__lte"], path
    for path in ("00010002", "00010003", "0001000Z", "00010001ZZZZ", "0002"):
        assert not kept["path__gt"] < path <= kept["path__lte"], path


def test_another_site_is_neither_found_nor_read(client, content):
    """The search reads the rows of its own site only, through the index on (language, path):
    the other sites' rows are not read, so the search stays flat as a province adds wards."""
    other = make_ward_site(hostname="other.localhost", default=False).root_page
    NewsPageFactory(parent=NewsIndexPageFactory(parent=other), title="Đào tạo ở phường khác")
    assert list(_results(client, "/search/?q=dao+tao").values()) == [
        ["Đào tạo dự nguồn chức danh chủ chốt"]
    ]
    site = Site.objects.get(is_default_site=True)
    rows = _matching(site, Locale.get_default(), ["dao"], None)
    sql, params = rows.query.sql_with_params()
    # The rows of one site are a path range in the same language, which the index on
    # (language, path) serves on any database.
    assert re.search(r'"path"\S* > %s AND \S*"path"\S* <= %s', sql), sql
    if connection.vendor == "sqlite":
        # SQLite's planner takes that index whatever the table holds. PostgreSQL weighs its
        # indexes by cost, and over the few rows of a test may read another (seen: the
        # language index with the range as a filter), so its plan proves nothing here.
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "wagtail_ward_item_site" in plan, plan
