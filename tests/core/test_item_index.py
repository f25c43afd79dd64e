"""The item index behind "latest items": it follows publishing, drafts, moves and deletions,
and answers in one query whatever the number of families and items."""

import datetime
import io

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from tests.factories import (
    ContentPageFactory,
    EventPageFactory,
    NoticePageFactory,
    make_ward_site,
)
from wagtail_ward.models import IndexedItem
from wagtail_ward.registry import latest_items


def titles(site, locale):
    return [item.page.title for item in latest_items(site, locale)]


def test_a_draft_never_reaches_the_list(home, vi):
    notice = NoticePageFactory(
        parent=home, title="Thông báo đã đăng", date=datetime.date(2026, 1, 5)
    )
    notice.title = "Bản nháp chưa duyệt"
    notice.date = datetime.date(2030, 1, 1)
    notice.save_revision()  # saves the page row, with the draft's values only in memory

    items = latest_items(home.get_site(), vi)

    assert [item.page.title for item in items] == ["Thông báo đã đăng"]
    assert items[0].date == datetime.date(2026, 1, 5)


def test_publishing_updates_and_unpublishing_removes(home, vi):
    notice = NoticePageFactory(parent=home, title="Lịch tiếp dân", date=datetime.date(2026, 1, 5))
    notice.title = "Lịch tiếp dân (sửa đổi)"
    notice.save_revision().publish()
    assert titles(home.get_site(), vi) == ["Lịch tiếp dân (sửa đổi)"]

    notice.unpublish()
    assert titles(home.get_site(), vi) == []
    assert not IndexedItem.objects.filter(page_id=notice.pk).exists()


def test_unpublishing_a_plain_page_removes_its_row(home, vi):
    """The admin's bulk "Unpublish" works on plain ``Page`` instances: no post_save of the
    family's model is sent, Wagtail's ``page_unpublished`` is."""
    notice = NoticePageFactory(parent=home, title="Thông báo gỡ hàng loạt")
    EventPageFactory(parent=home, title="Sự kiện ở lại")

    Page.objects.get(pk=notice.pk).unpublish()

    assert titles(home.get_site(), vi) == ["Sự kiện ở lại"]
    assert not IndexedItem.objects.filter(page_id=notice.pk).exists()


def test_an_expired_item_leaves_and_comes_back_when_published_again(home, vi):
    notice = NoticePageFactory(parent=home, title="Thông báo hết hạn")
    notice.save_revision()
    Page.objects.filter(pk=notice.pk).update(expire_at=timezone.now() - datetime.timedelta(1))

    call_command("publish_scheduled", verbosity=0)

    assert titles(home.get_site(), vi) == []
    assert not IndexedItem.objects.filter(page_id=notice.pk).exists()

    Page.objects.filter(pk=notice.pk).update(expire_at=None)
    Page.objects.get(pk=notice.pk).get_latest_revision().publish()

    assert titles(home.get_site(), vi) == ["Thông báo hết hạn"]


def test_a_row_left_behind_by_an_update_without_signals_is_not_listed(home, vi):
    notice = NoticePageFactory(parent=home, title="Gỡ bằng QuerySet.update")
    section = ContentPageFactory(parent=home, title="Nội bộ")
    hidden = NoticePageFactory(parent=section, title="Chuyển bằng SQL")
    assert sorted(titles(home.get_site(), vi)) == ["Chuyển bằng SQL", "Gỡ bằng QuerySet.update"]

    Page.objects.filter(pk=notice.pk).update(live=False)
    # A stale tree path in the index: the restriction is checked on the page's own path.
    IndexedItem.objects.filter(page_id=hidden.pk).update(path=notice.path)
    PageViewRestriction.objects.create(page=section, restriction_type="login")

    assert titles(home.get_site(), vi) == []
    assert IndexedItem.objects.count() == 2


def test_deleting_a_page_removes_its_row(home, vi):
    notice = NoticePageFactory(parent=home)
    assert IndexedItem.objects.filter(page_id=notice.pk).exists()
    notice.delete()
    assert not IndexedItem.objects.filter(page_id=notice.pk).exists()


def test_moving_a_section_to_another_site_moves_its_items(home, vi):
    section = ContentPageFactory(parent=home, title="Thông báo")
    NoticePageFactory(parent=section, title="Thông báo số 1")
    other_site = make_ward_site("maychai.localhost", default=False)

    section.move(other_site.root_page, pos="last-child")

    assert titles(home.get_site(), vi) == []
    assert titles(other_site, vi) == ["Thông báo số 1"]


def test_a_view_restriction_added_later_hides_the_items_below_it(home, vi):
    section = ContentPageFactory(parent=home, title="Nội bộ")
    NoticePageFactory(parent=section, title="Thông báo nội bộ")
    assert titles(home.get_site(), vi) == ["Thông báo nội bộ"]

    PageViewRestriction.objects.create(page=section, restriction_type="password", password="x")

    assert titles(home.get_site(), vi) == []


def test_one_query_for_every_family_and_any_number_of_items(home, vi, rf):
    site = home.get_site()
    request = rf.get("/")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            items = latest_items(site, vi, limit=50, request=request)
            [(item.page.title, item.page.url, item.date) for item in items]
        return len(captured), len(items)

    NoticePageFactory(parent=home)
    EventPageFactory(parent=home)
    queries()  # the view restrictions are read once per request, then remembered
    few, few_items = queries()
    for _ in range(20):
        NoticePageFactory(parent=home)
        EventPageFactory(parent=home)
    many, many_items = queries()

    assert (few_items, many_items) == (2, 42)
    assert few == many == 1


def test_rebuild_command_restores_a_lost_index(home, vi):
    NoticePageFactory(parent=home, title="Thông báo")
    EventPageFactory(parent=home, title="Sự kiện")
    IndexedItem.objects.all().delete()
    assert titles(home.get_site(), vi) == []

    output = io.StringIO()
    call_command("rebuild_item_index", stdout=output)

    assert output.getvalue().strip() == "2 items indexed."
    assert sorted(titles(home.get_site(), vi)) == ["Sự kiện", "Thông báo"]
