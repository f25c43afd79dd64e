"""A publish purges a caching proxy through wagtail.contrib.frontend_cache: the exact URLs, one
batch per publish, nothing for a draft, nothing without WAGTAILFRONTENDCACHE (issue 17)."""

import contextlib
import datetime

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import Page, PageViewRestriction

from tests.factories import (
    NewsCategoryFactory,
    NewsIndexPageFactory,
    make_draft,
    make_schedule,
    make_schedule_index,
)
from tests.families import ProcedurePage
from tests.procedures.builders import make_procedure_index
from wagtail_ward import purge
from wagtail_ward.procedures.models import ProcedureSector
from wagtail_ward.purge import urls_to_purge

SITE = "http://testserver/"


class RecordingBackend(BaseBackend):
    """Keeps each batch it is asked to purge, instead of sending it."""

    batches = []

    def purge(self, url):
        self.batches.append({url})

    def purge_batch(self, urls):
        self.batches.append(set(urls))


@pytest.fixture
def purged(settings, monkeypatch):
    """Turns purging on, after the content of the test is made (name it last)."""
    settings.WAGTAILFRONTENDCACHE = {"proxy": {"BACKEND": "tests.perf.test_purge.RecordingBackend"}}
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []  # as docs/caching.md: the package adds them
    RecordingBackend.batches = []
    monkeypatch.setattr(purge, "_pending", purge._Pending())  # a batch of its own
    return RecordingBackend.batches


@pytest.fixture
def news(home):
    index = NewsIndexPageFactory(parent=home)
    category = NewsCategoryFactory(name="Thông báo", slug="thong-bao")
    article = make_draft(
        index,
        title="Lịch tiếp công dân",
        slug="lich-tiep",
        date=datetime.date(2025, 3, 4),
        category=category,
    )
    return index, article


NEWS_INDEX = {
    SITE + "tin-tuc/",
    SITE + "tin-tuc/rss/",
    SITE + "tin-tuc/atom/",
    SITE + "tin-tuc/category/thong-bao/",
    SITE + "tin-tuc/category/thong-bao/rss/",
    SITE + "tin-tuc/category/thong-bao/atom/",
    SITE + "tin-tuc/archive/2025/",
    SITE + "tin-tuc/archive/2025/3/",
}
SITE_WIDE = {SITE, SITE + "sitemap.xml"}
ARTICLE = {SITE + "tin-tuc/lich-tiep/", SITE + "tin-tuc/lich-tiep/print/"}


@contextlib.contextmanager
def committed(capture):
    """What runs inside commits as an editor's request would: its batch is sent at the end.

    (The test's own transaction never commits: a batch begun outside, by the test's setup, is
    left there, as ``tests.core.commits`` does for the content token.)"""
    purge._pending = purge._Pending()
    with capture(execute=True):
        yield


def publish(page, capture):
    with committed(capture):
        page.get_latest_revision().publish()
    page.refresh_from_db()


def test_publishing_a_news_article(news, purged, django_capture_on_commit_callbacks):
    publish(news[1], django_capture_on_commit_callbacks)
    assert purged == [ARTICLE | NEWS_INDEX | SITE_WIDE]


def test_publishing_purges_the_english_translation_too(
    home, news, translate, purged, django_capture_on_commit_callbacks
):
    index, article = news
    publish(article, django_capture_on_commit_callbacks)
    translate(home)
    translate(index)
    english = translate(article)
    RecordingBackend.batches.clear()
    with committed(django_capture_on_commit_callbacks):
        english.save_revision().publish()
    both = ARTICLE | NEWS_INDEX
    expected = both | {url.replace(SITE, SITE + "en/") for url in both} | SITE_WIDE
    assert purged == [expected | {SITE + "en/"}]
    purged.clear()
    publish(article, django_capture_on_commit_callbacks)  # the Vietnamese one: the same URLs
    assert purged == [expected | {SITE + "en/"}]


def test_unpublishing_and_deleting(news, purged, django_capture_on_commit_callbacks):
    index, article = news
    publish(article, django_capture_on_commit_callbacks)
    purged.clear()
    with committed(django_capture_on_commit_callbacks):
        article.unpublish()
    assert purged == [ARTICLE | NEWS_INDEX | SITE_WIDE]
    publish(article, django_capture_on_commit_callbacks)
    purged.clear()
    with committed(django_capture_on_commit_callbacks):
        index.delete()  # the section, in one batch: its own URLs and its live pages'
    assert purged == [ARTICLE | NEWS_INDEX | SITE_WIDE]


def test_moving_purges_the_old_and_the_new_addresses(
    home, news, purged, django_capture_on_commit_callbacks
):
    index, article = news
    publish(article, django_capture_on_commit_callbacks)
    other = NewsIndexPageFactory(parent=home, title="Tin khác", slug="tin-khac")
    purged.clear()
    with committed(django_capture_on_commit_callbacks):
        article.move(other, pos="last-child")
    moved = {url.replace("tin-tuc/", "tin-khac/") for url in ARTICLE | NEWS_INDEX}
    assert purged == [ARTICLE | NEWS_INDEX | moved | SITE_WIDE]


def test_a_privacy_change(news, purged, django_capture_on_commit_callbacks):
    index, article = news
    publish(article, django_capture_on_commit_callbacks)
    purged.clear()
    with committed(django_capture_on_commit_callbacks):
        restriction = PageViewRestriction.objects.create(page=article, restriction_type="login")
    assert purged == [ARTICLE | NEWS_INDEX | SITE_WIDE]
    purged.clear()
    with committed(django_capture_on_commit_callbacks):
        restriction.delete()
    assert purged == [ARTICLE | NEWS_INDEX | SITE_WIDE]


def test_a_section_restricted_purges_its_pages(news, purged, django_capture_on_commit_callbacks):
    index, article = news
    publish(article, django_capture_on_commit_callbacks)
    purged.clear()
    with committed(django_capture_on_commit_callbacks):
        PageViewRestriction.objects.create(page=index, restriction_type="login")
    assert purged == [{SITE + "tin-tuc/"} | ARTICLE | SITE_WIDE]


def test_a_schedule_week(home, purged, django_capture_on_commit_callbacks):
    index = make_schedule_index(home)
    purged.clear()
    with committed(django_capture_on_commit_callbacks):
        week = make_schedule(index, start=datetime.date(2025, 3, 3))
    base = SITE + "lich-cong-tac/"
    week_url = week.get_full_url()
    assert purged == [
        {week_url, week_url + "print/", week_url + "ical/"}
        | {base, base + "ical/", base + "this-week/", base + "archive/2025/"}
        | SITE_WIDE
    ]


def test_a_procedure(home, purged, django_capture_on_commit_callbacks):
    index = make_procedure_index(home)
    sector = ProcedureSector.objects.create(name="Hộ tịch", slug="ho-tich", locale=home.locale)
    procedure = ProcedurePage(
        title="Đăng ký khai sinh",
        slug="dang-ky-khai-sinh",
        code="1.001193",
        sector=sector,
        announced_on=datetime.date(2025, 5, 6),
    )
    index.add_child(instance=procedure)
    purged.clear()
    with committed(django_capture_on_commit_callbacks):
        procedure.save_revision().publish()
    base = SITE + "thu-tuc-hanh-chinh/"
    assert purged == [
        {base + "dang-ky-khai-sinh/", base + "dang-ky-khai-sinh/print/"}
        | {base, base + "sector/ho-tich/"}
        | SITE_WIDE
    ]


def test_nothing_for_a_draft_and_nothing_kept_from_a_rollback(
    news, purged, django_capture_on_commit_callbacks
):
    index, article = news
    publish(article, django_capture_on_commit_callbacks)
    purged.clear()
    with committed(django_capture_on_commit_callbacks):
        article.title = "Lịch tiếp công dân (sửa)"
        article.save_revision()
    assert purged == []
    other = make_draft(index, title="Tin nháp", slug="tin-nhap", date=datetime.date(2024, 1, 2))
    with committed(django_capture_on_commit_callbacks):
        with pytest.raises(RuntimeError), transaction.atomic():
            other.get_latest_revision().publish()
            raise RuntimeError("rolled back")
        article.unpublish()
    assert purged == [ARTICLE | NEWS_INDEX | SITE_WIDE]  # nothing of the rolled-back publish


def test_nothing_without_a_frontend_cache(news, django_capture_on_commit_callbacks, settings):
    settings.WAGTAILFRONTENDCACHE = None
    RecordingBackend.batches = []
    publish(news[1], django_capture_on_commit_callbacks)
    assert RecordingBackend.batches == []


def test_queries_of_a_publish_stay_bounded(home, news, translate):
    """A few queries per language, whatever the size of the section and the site."""
    index, article = news
    article.save_revision().publish()
    translate(home)
    translate(index)
    translate(article)

    def count():
        with CaptureQueriesContext(connection) as queries:
            urls = urls_to_purge(Page.objects.get(pk=article.pk))
        assert len(urls) == 2 * len(ARTICLE | NEWS_INDEX) + 3  # and the two homes, the sitemap
        return len(queries)

    count()  # Wagtail's site paths and content types, cached from then on
    before = count()
    for n in range(12):
        make_draft(index, slug=f"tin-{n}").get_latest_revision().publish()
    NewsIndexPageFactory(parent=home, title="Tin khác", slug="tin-khac")
    assert count() == before <= 16
