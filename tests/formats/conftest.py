"""One ward site with every page type, in Vietnamese and English, for the format validators."""

import datetime

import pytest
import wagtail_factories
from django.db import transaction
from wagtail.models import Locale, Page, Site

from tests.factories import (
    MONDAY,
    ContentPageFactory,
    NewsCategoryFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    SitemapPageFactory,
    UnitProfileFactory,
    WardHomePageFactory,
    translate,
)
from wagtail_ward.models import WardSettings
from wagtail_ward.polls.presets import create_poll_from_preset
from wagtail_ward.schedule.models import (
    AFTERNOON,
    EVENING,
    Leader,
    ScheduleEntry,
    ScheduleIndexPage,
    WeeklySchedulePage,
)


def content_body(image):
    return [
        ("heading", {"text": "Chức năng, nhiệm vụ", "level": "h2"}),
        ("paragraph", "<p>Ủy ban nhân dân phường <b>Lạc Viên</b> tiếp công dân.</p>"),
        ("image", {"image": image, "alt_text": "Trụ sở phường", "caption": "Trụ sở"}),
        ("quote", {"text": "Phục vụ nhân dân.", "attribution": "Chủ tịch UBND phường"}),
        (
            "table",
            {"data": [["Ngày", "Giờ"], ["Thứ hai", "7:30"]], "first_row_is_table_header": True},
        ),
    ]


def make_schedule(index, leader):
    """A week with an entry of each kind: start and end, start only, session only."""
    page = WeeklySchedulePage(
        start_date=MONDAY, end_date=MONDAY + datetime.timedelta(days=6), live=False
    )
    page.entries = [
        ScheduleEntry(
            date=MONDAY,
            start_time=datetime.time(7, 30),
            end_time=datetime.time(9, 0),
            content="Giao ban lãnh đạo",
            leader=leader,
            location="Phòng họp số 1",
            sort_order=0,
        ),
        ScheduleEntry(
            date=MONDAY,
            start_time=datetime.time(14, 0),
            content="Tiếp công dân",
            leader=leader,
            participants="Cán bộ địa chính",
            sort_order=1,
        ),
        ScheduleEntry(
            date=MONDAY + datetime.timedelta(days=1),
            session=AFTERNOON,
            content="Kiểm tra công trình xây dựng",
            presiding="Phó Chủ tịch UBND phường",
            sort_order=2,
        ),
        ScheduleEntry(
            date=MONDAY + datetime.timedelta(days=2),
            session=EVENING,
            content="Họp tổ dân phố",
            note="Mời đại diện các hộ",
            sort_order=3,
        ),
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build_ward():
    """The site of ``ward_site`` (tests/conftest.py), then a page of every type, translated."""
    Locale.objects.get_or_create(language_code="en")
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    home = WardHomePageFactory(parent=Page.get_first_root_node(), slug="phuong-lac-vien")
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Lạc Viên"
    )
    settings = WardSettings.for_site(site)
    settings.profile = profile = UnitProfileFactory()
    settings.sitemap_page = sitemap = SitemapPageFactory(parent=home)
    settings.save()

    image = wagtail_factories.ImageFactory(title="Trụ sở phường")
    # The same poll in the side column and in a page body, as a ward often shows it.
    poll = create_poll_from_preset("dossier_timeliness", Locale.get_default())
    settings.side_poll = poll
    settings.save()
    content = ContentPageFactory(
        parent=home,
        title="Giới thiệu",
        slug="gioi-thieu",
        body=[*content_body(image), ("poll", {"poll": poll})],
    )
    news_index = NewsIndexPageFactory(parent=home)
    category = NewsCategoryFactory(name="Hành chính công", slug="hanh-chinh-cong")
    articles = [
        NewsPageFactory(
            parent=news_index,
            title=f"Tin bài số {n}",
            date=datetime.date(2025, 3, 10 + n),
            category=category,
            featured_image=image if n == 0 else None,
        )
        for n in range(2)
    ]
    schedule_index = ScheduleIndexPage(title="Lịch công tác", slug="lich-cong-tac")
    home.add_child(instance=schedule_index)
    schedule_index.save_revision().publish()
    leader = Leader.objects.create(name="Nguyễn Văn A", position="Chủ tịch UBND phường")
    schedule = make_schedule(schedule_index, leader)
    vietnamese = {
        "profile": profile,
        "home": home,
        "sitemap": sitemap,
        "content": content,
        "category": category,
        "leader": leader,
        "news_index": news_index,
        "article": articles[0],
        "schedule_index": schedule_index,
        "schedule": schedule,
    }
    english = {
        "profile": translate(
            profile,
            {
                "Phường Lạc Viên": "Lạc Viên Ward",
                "Ủy ban nhân dân phường Lạc Viên": "People's Committee of Lạc Viên Ward",
            },
        ),
        "home": translate(home, {home.title: "Lạc Viên Ward"}),
        "sitemap": translate(sitemap, {"Sơ đồ site": "Site map"}),
        "content": translate(content, {"Giới thiệu": "About us"}),
        "category": translate(category, {"Hành chính công": "Public administration"}),
        "leader": translate(leader, {"Chủ tịch UBND phường": "Chair of the Ward"}),
        "news_index": translate(news_index, {"Tin tức": "News"}),
        "article": translate(articles[0], {articles[0].title: "Article zero"}),
    }
    translate(articles[1], {articles[1].title: "Article one"})
    english["schedule_index"] = translate(schedule_index, {"Lịch công tác": "Work schedule"})
    english["schedule"] = translate(schedule, {"Giao ban lãnh đạo": "Leaders' meeting"})
    return {"vi": vietnamese, "en": english}


@pytest.fixture(scope="package")
def ward(django_db_setup, django_db_blocker):
    """Every page type of a ward site in Vietnamese and English: ``ward["en"]["article"]``.

    Built once for tests/formats, inside a transaction that is rolled back at its end; each test
    runs in a savepoint within it, as a plain database test does.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_ward()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _each_test_rolls_back(db):
    """Every test of tests/formats is a plain database test: what it changes is undone."""
