"""Every way a page leaves public view takes it out of everything a visitor can find: "Tin mới"
on the home page, the news feed, the schedule iCal, the XML sitemap, the API (pages, news,
schedules) and the navigation of the site-info endpoint. And the ways back in bring it back.

The changes are made as an editor does them: through the admin's own views (the bulk action
included) and ``manage.py publish_scheduled``; a separate anonymous client looks at the result.
"""

import datetime
import re
from types import SimpleNamespace

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from tests.factories import ContentPageFactory, NewsIndexPageFactory, NewsPageFactory
from wagtail_ward.models import IndexedItem
from wagtail_ward.schedule.models import ScheduleEntry, ScheduleIndexPage, WeeklySchedulePage

BASE = "http://testserver"


def schedule_index(parent, title, slug):
    index = ScheduleIndexPage(title=title, slug=slug)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def weekly_schedule(index, start, work):
    page = WeeklySchedulePage(
        start_date=start, end_date=start + datetime.timedelta(days=6), live=False
    )
    page.entries = [
        ScheduleEntry(date=start, start_time=datetime.time(8), content=work, sort_order=0)
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def ward(home):
    """Home ─ Chuyên mục phường (menu) ─ Tin tức ─ two articles
                                └ Lịch công tác ─ two weekly schedules
    ├ Giới thiệu (menu)
    ├ Nội bộ (private) ─ Tin nội bộ, Lịch nội bộ
    └ Tin tức khác, Lịch khác: one article and one schedule outside the section
    """
    section = ContentPageFactory(
        parent=home, title="Chuyên mục phường", slug="chuyen-muc", show_in_menus=True
    )
    news = NewsIndexPageFactory(parent=section, title="Tin tức", slug="tin-tuc")
    schedules = schedule_index(section, "Lịch công tác", "lich-cong-tac")
    private = ContentPageFactory(parent=home, title="Nội bộ", slug="noi-bo")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    other_news = NewsIndexPageFactory(parent=home, title="Tin tức khác", slug="tin-tuc-khac")
    other_schedules = schedule_index(home, "Lịch khác", "lich-khac")
    pages = SimpleNamespace(
        home=home,
        section=section,
        news=news,
        schedules=schedules,
        article=NewsPageFactory(
            parent=news, title="Tin sắp rời", slug="tin-sap-roi", date=datetime.date(2026, 3, 2)
        ),
        staying_article=NewsPageFactory(
            parent=news, title="Tin ở lại", slug="tin-o-lai", date=datetime.date(2026, 3, 1)
        ),
        schedule=weekly_schedule(schedules, datetime.date(2026, 2, 23), "Họp giao ban tuần"),
        staying_schedule=weekly_schedule(
            schedules, datetime.date(2026, 2, 16), "Tiếp công dân định kỳ"
        ),
        menu_page=ContentPageFactory(
            parent=home, title="Giới thiệu", slug="gioi-thieu", show_in_menus=True
        ),
        private=private,
        private_news=NewsIndexPageFactory(parent=private, title="Tin nội bộ", slug="tin-noi-bo"),
        private_schedules=schedule_index(private, "Lịch nội bộ", "lich-noi-bo"),
        other_news=other_news,
        other_schedules=other_schedules,
        outside_article=NewsPageFactory(
            parent=other_news, title="Tin ngoài chuyên mục", date=datetime.date(2026, 2, 1)
        ),
        outside_schedule=weekly_schedule(
            other_schedules, datetime.date(2026, 2, 9), "Họp tổ dân phố"
        ),
    )
    pages.feeds = [pages.news.url + "rss/", pages.other_news.url + "rss/"]
    # The full archive (?all=1): these weeks may be older than the calendars' window.
    pages.calendars = [
        pages.schedules.url + "ical/?all=1",
        pages.other_schedules.url + "ical/?all=1",
    ]
    return pages


def path_of(url):
    return url.removeprefix(BASE)


def api_paths(visitor, endpoint):
    paths, offset = set(), 0
    while True:
        response = visitor.get(f"/api/v2/{endpoint}/", {"offset": offset, "limit": 20})
        assert response.status_code == 200
        data = response.json()
        paths |= {path_of(item["meta"]["html_url"]) for item in data["items"]}
        offset += 20
        if offset >= data["meta"]["total_count"]:
            return paths


def seen(visitor, ward):
    """What an anonymous visitor finds, as "surface path" strings."""
    found = set()
    home = BeautifulSoup(visitor.get("/").content.decode(), "html.parser")
    found |= {f"latest {a['href']}" for a in home.select(".ward-latest a[href]")}
    for url in ward.feeds:
        response = visitor.get(url)
        assert response.status_code in (200, 302, 404)  # a section gone or private has none
        if response.status_code == 200:
            feed = feedparser.parse(response.content)
            found |= {f"rss {path_of(entry.link)}" for entry in feed.entries}
    for url in ward.calendars:
        response = visitor.get(url)
        assert response.status_code in (200, 302, 404)
        if response.status_code == 200:
            events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
            found |= {f"ical {path_of(str(event['URL']))}" for event in events}
    sitemap = visitor.get("/sitemap.xml")
    assert sitemap.status_code == 200
    found |= {f"sitemap {path_of(loc)}" for loc in re.findall(r"<loc>(.*?)</loc>", sitemap.text)}
    for endpoint in ("pages", "news", "schedules"):
        found |= {f"api/{endpoint} {path}" for path in api_paths(visitor, endpoint)}
    navigation = visitor.get("/api/ward/site-info/").json()["navigation"]
    found |= {f"navigation {path_of(item['url'])}" for item in navigation}
    return found


ARTICLE = {"latest", "rss", "sitemap", "api/pages", "api/news"}
SCHEDULE = {"latest", "ical", "sitemap", "api/pages", "api/schedules"}
MENU_PAGE = {"navigation", "sitemap", "api/pages"}


def below(found, urls):
    """The parts of ``found`` that show ``urls`` or a page below one of them."""
    return {key for key in found if key.split(" ", 1)[1].startswith(tuple(urls))}


def surfaces(found, url):
    return {key.split(" ", 1)[0] for key in found if key.split(" ", 1)[1] == url}


# Ways to leave -------------------------------------------------------------------------------


def unpublish_each(editor, targets, ward):
    for page in targets:
        response = editor.post(f"/admin/pages/{page.pk}/unpublish/")
        assert response.status_code == 302


def bulk_unpublish(editor, targets, ward):
    ids = "&".join(f"id={page.pk}" for page in targets)
    response = editor.post(f"/admin/bulk/wagtailcore/page/unpublish/?{ids}", {"next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def expire(editor, targets, ward):
    past = timezone.now() - datetime.timedelta(hours=1)
    for page in targets:
        # What the editor's "Expiry date/time" in the publishing schedule leaves on a live page.
        Page.objects.filter(pk=page.pk).update(expire_at=past)
    call_command("publish_scheduled", verbosity=0)
    assert not Page.objects.filter(pk__in=[page.pk for page in targets], live=True).exists()


def unpublish_with_descendants(editor, targets, ward):
    for page in targets:
        response = editor.post(f"/admin/pages/{page.pk}/unpublish/", {"include_descendants": "on"})
        assert response.status_code == 302


def delete(editor, targets, ward):
    for page in targets:
        response = editor.post(f"/admin/pages/{page.pk}/delete/")
        assert response.status_code == 302


def restrict(editor, targets, ward):
    for page in targets:
        response = editor.post(f"/admin/pages/{page.pk}/privacy/", {"restriction_type": "login"})
        assert response.status_code == 200


def move_into_the_private_section(editor, targets, ward):
    destinations = {
        WeeklySchedulePage: ward.private_schedules,
        type(ward.article): ward.private_news,
    }
    for page in targets:
        destination = destinations.get(type(page.specific), ward.private)
        response = editor.post(f"/admin/pages/{page.pk}/move/{destination.pk}/confirm/")
        assert response.status_code == 302


ITEM_WAYS = [
    unpublish_each,
    bulk_unpublish,
    expire,
    delete,
    restrict,
    move_into_the_private_section,
]


@pytest.mark.parametrize("way", ITEM_WAYS, ids=lambda way: way.__name__)
def test_an_item_and_a_menu_page_leave_every_public_list(editor, ward, way):
    visitor = Client()
    targets = [ward.article, ward.schedule, ward.menu_page]
    urls = [page.url for page in targets]
    before = seen(visitor, ward)
    assert surfaces(before, ward.article.url) == ARTICLE
    assert surfaces(before, ward.schedule.url) == SCHEDULE
    assert surfaces(before, ward.menu_page.url) == MENU_PAGE

    way(editor, targets, ward)

    assert seen(visitor, ward) == before - below(before, urls)
    assert surfaces(seen(visitor, ward), ward.staying_article.url) == ARTICLE


@pytest.mark.parametrize(
    "way",
    [unpublish_with_descendants, bulk_unpublish, restrict, move_into_the_private_section, delete],
    ids=lambda way: way.__name__,
)
def test_a_section_takes_everything_below_it_out(editor, ward, way):
    visitor = Client()
    before = seen(visitor, ward)
    section = ward.section.url
    assert surfaces(before, section) == MENU_PAGE

    if way is bulk_unpublish:
        # The bulk action's "include descendants" box.
        response = editor.post(
            f"/admin/bulk/wagtailcore/page/unpublish/?id={ward.section.pk}",
            {"include_descendants": "on", "next": "/admin/"},
        )
        assert response.status_code == 302
    else:
        way(editor, [ward.section], ward)

    after = seen(visitor, ward)
    assert after == before - below(before, [section])
    assert surfaces(after, ward.outside_article.url) == ARTICLE
    assert surfaces(after, ward.outside_schedule.url) == SCHEDULE
    assert [item.page_id for item in IndexedItem.objects.filter(page__live=False)] == []


@pytest.mark.parametrize("way", [bulk_unpublish, restrict], ids=lambda way: way.__name__)
def test_aliases_leave_with_their_page(editor, ward, way):
    visitor = Client()
    aliases = [
        ward.article.create_alias(parent=ward.other_news, update_slug="tin-sap-roi-ban-sao"),
        ward.schedule.create_alias(parent=ward.other_schedules, update_slug="lich-ban-sao"),
        ward.menu_page.create_alias(parent=ward.home, update_slug="gioi-thieu-ban-sao"),
    ]
    before = seen(visitor, ward)
    assert surfaces(before, aliases[0].url) == ARTICLE
    assert surfaces(before, aliases[1].url) == SCHEDULE
    assert surfaces(before, aliases[2].url) == MENU_PAGE

    way(editor, [ward.article, ward.schedule, ward.menu_page], ward)

    urls = [page.url for page in (ward.article, ward.schedule, ward.menu_page, *aliases)]
    assert seen(visitor, ward) == before - below(before, urls)


# Ways back ------------------------------------------------------------------------------------


def test_publishing_again_brings_everything_back(editor, ward):
    visitor = Client()
    targets = [ward.article, ward.schedule, ward.menu_page]
    before = seen(visitor, ward)
    bulk_unpublish(editor, targets, ward)
    assert seen(visitor, ward) == before - below(before, [page.url for page in targets])

    for page in targets:
        # What "Publish" in the editor does: a new revision, published.
        page.specific.save_revision().publish()

    assert seen(visitor, ward) == before


def test_removing_a_restriction_brings_everything_back(editor, ward):
    visitor = Client()
    before = seen(visitor, ward)
    restrict(editor, [ward.section], ward)
    assert seen(visitor, ward) == before - below(before, [ward.section.url])

    response = editor.post(f"/admin/pages/{ward.section.pk}/privacy/", {"restriction_type": "none"})
    assert response.status_code == 200

    assert seen(visitor, ward) == before
