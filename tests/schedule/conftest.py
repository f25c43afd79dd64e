import datetime

import pytest
from wagtail.models import PageViewRestriction

from wagtail_ward.schedule.models import (
    Leader,
    ScheduleEntry,
    ScheduleIndexPage,
    WeeklySchedulePage,
)

MONDAY = datetime.date(2015, 8, 3)


@pytest.fixture
def schedule_index(home):
    index = ScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac", show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def leader(vi):
    return Leader.objects.create(name="Nguyễn Văn A", position="Chủ tịch UBND phường", locale=vi)


@pytest.fixture
def make_schedule(schedule_index):
    """``make_schedule(start, entries=n, publish=True)``: a schedule with ``n`` entries."""

    def _make(start=MONDAY, entries=3, publish=True, days=7, leader=None, private=False):
        page = WeeklySchedulePage(
            start_date=start, end_date=start + datetime.timedelta(days=days - 1), live=False
        )
        page.entries = [
            ScheduleEntry(
                date=start + datetime.timedelta(days=n % days),
                start_time=datetime.time(7 + n % 12, 30),
                content=f"Công việc số {n + 1}",
                leader=leader,
                location="Hội trường UBND phường",
                sort_order=n,
            )
            for n in range(entries)
        ]
        schedule_index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        if private:
            PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
            )
        page.refresh_from_db()
        return page

    return _make
