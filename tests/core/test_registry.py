"""Page families announce their dated items; the core lists the newest of all of them."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.factories import (
    EventPageFactory,
    NoticePageFactory,
    PlainPageFactory,
    make_ward_site,
)
from tests.testapp.models import EventPage, NoticePage, PlainPage
from wagtail_ward.registry import (
    is_item_type,
    item_types,
    latest_items,
    rebuild_item_index,
    register_item_type,
    unregister_item_type,
)

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def titles(items):
    return [item.page.title for item in items]


def test_test_families_are_registered_in_order():
    models = [item_type.model for item_type in item_types()]
    assert models.index(NoticePage) < models.index(EventPage)
    (notice_type,) = [t for t in item_types() if t.model is NoticePage]
    assert (notice_type.date_field, notice_type.summary_field) == ("date", "summary")
    assert is_item_type(NoticePage)
    assert is_item_type(EventPage)
    assert not is_item_type(PlainPage)


def test_both_families_are_merged_newest_first(home, vi):
    NoticePageFactory(parent=home, title="Notice 3 Jan", date=datetime.date(2026, 1, 3))
    NoticePageFactory(parent=home, title="Notice 6 Jan", date=datetime.date(2026, 1, 6))
    EventPageFactory(
        parent=home, title="Event 4 Jan", starts_at=datetime.datetime(2026, 1, 4, 9, tzinfo=UTC)
    )
    EventPageFactory(
        parent=home, title="Event 7 Jan", starts_at=datetime.datetime(2026, 1, 7, 9, tzinfo=UTC)
    )
    EventPageFactory(
        parent=home, title="Event 1 Jan", starts_at=datetime.datetime(2026, 1, 1, 9, tzinfo=UTC)
    )

    items = latest_items(home.get_site(), vi, limit=10)

    assert titles(items) == [
        "Event 7 Jan",
        "Notice 6 Jan",
        "Event 4 Jan",
        "Notice 3 Jan",
        "Event 1 Jan",
    ]


def test_item_carries_its_date_summary_and_type(home, vi):
    NoticePageFactory(
        parent=home, title="Lịch tiếp dân", date=datetime.date(2026, 3, 2), summary="Tiếp dân."
    )
    starts = datetime.datetime(2026, 3, 1, 1, 30, tzinfo=UTC)
    EventPageFactory(parent=home, title="Họp tổ dân phố", starts_at=starts)

    notice, event = latest_items(home.get_site(), vi)

    assert notice.date == datetime.date(2026, 3, 2)
    assert notice.summary == "Tiếp dân."
    assert notice.item_type.model is NoticePage
    assert event.date == starts
    assert event.summary == ""  # EventPage registers no summary field
    assert event.item_type.model is EventPage


def test_a_datetime_counts_in_the_ward_time_zone_against_a_date(home, vi):
    """An event at 06:00 in Vietnam on 6 January (23:00 UTC on the 5th) is newer than a notice
    dated 6 January, and a notice dated 6 January is newer than an event at 20:00 on the 5th."""
    NoticePageFactory(parent=home, title="Notice 6 Jan", date=datetime.date(2026, 1, 6))
    EventPageFactory(
        parent=home,
        title="Event 6 Jan 06:00",
        starts_at=datetime.datetime(2026, 1, 5, 23, 0, tzinfo=UTC),
    )
    EventPageFactory(
        parent=home,
        title="Event 5 Jan 20:00",
        starts_at=datetime.datetime(2026, 1, 5, 13, 0, tzinfo=UTC),
    )

    assert titles(latest_items(home.get_site(), vi)) == [
        "Event 6 Jan 06:00",
        "Notice 6 Jan",
        "Event 5 Jan 20:00",
    ]


def test_limit_is_respected_across_families(home, vi):
    for _ in range(6):
        NoticePageFactory(parent=home)
        EventPageFactory(parent=home)

    assert len(latest_items(home.get_site(), vi, limit=4)) == 4
    assert len(latest_items(home.get_site(), vi, limit=11)) == 11


def test_default_limit_comes_from_the_settings(home, vi, settings):
    for _ in range(8):
        NoticePageFactory(parent=home)
    settings.WAGTAIL_WARD = {"LATEST_ITEMS": 3}

    items = latest_items(home.get_site(), vi)

    assert len(items) == 3
    assert [item.date for item in items] == sorted((item.date for item in items), reverse=True)


def test_drafts_are_left_out(home, vi):
    NoticePageFactory(parent=home, title="Published")
    NoticePageFactory(parent=home, title="Draft", live=False)
    EventPageFactory(parent=home, title="Draft event", live=False)

    assert titles(latest_items(home.get_site(), vi)) == ["Published"]


def test_private_items_and_items_under_private_pages_are_left_out(home, vi):
    NoticePageFactory(parent=home, title="Public")
    private = NoticePageFactory(parent=home, title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    section = PlainPageFactory(parent=home, title="Internal section")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    EventPageFactory(parent=section, title="Internal event")

    assert titles(latest_items(home.get_site(), vi)) == ["Public"]


def test_items_of_another_site_are_left_out(home, vi):
    NoticePageFactory(parent=home, title="Ours")
    other = make_ward_site("maychai.localhost", default=False)
    NoticePageFactory(parent=other.root_page, title="Theirs")

    assert titles(latest_items(home.get_site(), vi)) == ["Ours"]
    assert titles(latest_items(other, vi)) == ["Theirs"]


def test_items_of_the_other_language_are_left_out(home, vi, en, translate):
    notice = NoticePageFactory(parent=home, title="Thông báo tiếng Việt")
    english_home = translate(home)
    translate(notice, {"Thông báo tiếng Việt": "English notice"})
    english_home.refresh_from_db()  # the translation added a child: numchild moved on
    NoticePageFactory(parent=english_home, title="English only")
    site = home.get_site()

    assert titles(latest_items(site, vi)) == ["Thông báo tiếng Việt"]
    assert sorted(titles(latest_items(site, en))) == ["English notice", "English only"]


def test_no_site_gives_no_items(vi):
    assert latest_items(None, vi) == []


def test_query_count_does_not_grow_with_the_number_of_items(home, vi):
    site = home.get_site()

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            items = latest_items(site, vi, limit=50)
            [(item.page.title, item.page.url_path, item.date, item.summary) for item in items]
        return len(queries), len(items)

    for _ in range(5):
        NoticePageFactory(parent=home)
        EventPageFactory(parent=home)
    count_queries()  # warm up: the site's root page is loaded once
    few_queries, few_items = count_queries()
    for _ in range(35):
        NoticePageFactory(parent=home)
        EventPageFactory(parent=home)
    many_queries, many_items = count_queries()

    assert (few_items, many_items) == (10, 50)
    assert many_queries == few_queries


def test_home_page_lists_the_latest_items_with_a_constant_query_count(client, home):
    home.latest_items_count = 50
    home.save_revision().publish()

    def render():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/")
        assert response.status_code == 200
        return len(queries), response.content.decode()

    for n in range(5):
        NoticePageFactory(parent=home, title=f"Notice {n:02}")
    render()  # warm up the content type cache
    few, html = render()
    assert html.count('class="ward-box ward-latest"') == 1
    assert "Notice 04" in html
    for n in range(5, 40):
        NoticePageFactory(parent=home, title=f"Notice {n:02}")
    many, html = render()
    assert "Notice 39" in html
    assert many == few


def test_home_page_shows_newest_items_first(client, home):
    NoticePageFactory(parent=home, title="Older notice", date=datetime.date(2026, 2, 1))
    NoticePageFactory(parent=home, title="Newer notice", date=datetime.date(2026, 2, 3))
    EventPageFactory(
        parent=home, title="Middle event", starts_at=datetime.datetime(2026, 2, 2, tzinfo=UTC)
    )

    html = client.get("/").content.decode()

    positions = [html.index(title) for title in ("Newer notice", "Middle event", "Older notice")]
    assert positions == sorted(positions)
    assert "03/02/2026" in html


def test_misspelt_date_field_raises_and_registers_nothing():
    before = item_types()
    with pytest.raises(FieldDoesNotExist):
        register_item_type(PlainPage, date_field="frist_published_at")
    assert item_types() == before
    assert not is_item_type(PlainPage)


def test_misspelt_summary_field_raises():
    with pytest.raises(FieldDoesNotExist):
        register_item_type(NoticePage, date_field="date", summary_field="sumary")
    # The original registration is untouched.
    (notice_type,) = [t for t in item_types() if t.model is NoticePage]
    assert notice_type.summary_field == "summary"


def test_a_newly_registered_family_joins_the_latest_items(home, vi):
    page = PlainPageFactory(parent=home, title="Plain page with a date")
    page.first_published_at = datetime.datetime(2030, 1, 1, tzinfo=UTC)
    page.save()
    NoticePageFactory(parent=home, title="A notice", date=datetime.date(2026, 1, 1))
    site = home.get_site()
    assert titles(latest_items(site, vi)) == ["A notice"]

    register_item_type(PlainPage, date_field="first_published_at")
    try:
        # Pages saved before the family was installed join once the index is rebuilt (what
        # `manage.py migrate` does for a site that upgrades, or `rebuild_item_index`) ...
        assert titles(latest_items(site, vi)) == ["A notice"]
        assert rebuild_item_index() == 2
        assert titles(latest_items(site, vi)) == ["Plain page with a date", "A notice"]
        # ... and from then on every save keeps the index current.
        page.first_published_at = datetime.datetime(2020, 1, 1, tzinfo=UTC)
        page.save()
        assert titles(latest_items(site, vi)) == ["A notice", "Plain page with a date"]
        assert item_types()[-1].label == PlainPage._meta.verbose_name
    finally:
        unregister_item_type(PlainPage)
    assert not is_item_type(PlainPage)
    assert titles(latest_items(site, vi)) == ["A notice"]
