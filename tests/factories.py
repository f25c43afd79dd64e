"""Test data, built through wagtail-factories so that tree paths are never written by hand."""

import datetime

import factory
import wagtail_factories
from django.test import TestCase
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

from tests.families import NewsIndexPage, NewsPage, ScheduleIndexPage, WeeklySchedulePage
from tests.testapp.models import EventPage, NoticePage, PlainPage
from wagtail_ward.models import (
    CitizenQuestionsPage,
    ContentPage,
    OrganisationPage,
    SitemapPage,
    UnitProfile,
    WardHomePage,
)
from wagtail_ward.news.models import NewsCategory
from wagtail_ward.schedule.models import Leader

# The Monday of the week the reference page's first schedule covers (03/8/2015 – 09/8/2015).
MONDAY = datetime.date(2015, 8, 3)


class WardHomePageFactory(wagtail_factories.PageFactory):
    title = "Trang thông tin điện tử phường Lạc Viên"
    intro = "<p>Tin tức của phường.</p>"

    class Meta:
        model = WardHomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Trang {n}")
    intro = "Giới thiệu ngắn."

    class Meta:
        model = ContentPage


class SitemapPageFactory(wagtail_factories.PageFactory):
    title = "Sơ đồ site"
    slug = "so-do-site"

    class Meta:
        model = SitemapPage


class OrganisationPageFactory(wagtail_factories.PageFactory):
    title = "Cơ cấu tổ chức"
    slug = "co-cau-to-chuc"
    intro = "Lãnh đạo và các bộ phận của Ủy ban nhân dân phường."
    structure = "<p>Ủy ban nhân dân phường có Chủ tịch và các Phó Chủ tịch.</p>"
    functions = "<p>Giải quyết thủ tục hành chính cho người dân.</p>"

    class Meta:
        model = OrganisationPage


class CitizenQuestionsPageFactory(wagtail_factories.PageFactory):
    title = "Hỏi đáp"
    slug = "hoi-dap"
    per_page = 10

    class Meta:
        model = CitizenQuestionsPage


class NoticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thông báo {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    summary = "Tóm tắt thông báo."

    class Meta:
        model = NoticePage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sự kiện {n}")
    starts_at = factory.Sequence(
        lambda n: (
            datetime.datetime(2026, 1, 1, 8, 0, tzinfo=datetime.UTC) + datetime.timedelta(days=n)
        )
    )

    class Meta:
        model = EventPage


class PlainPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Trang thường {n}")

    class Meta:
        model = PlainPage


class UnitProfileFactory(factory.django.DjangoModelFactory):
    name = "Phường Lạc Viên"
    governing_body = "Ủy ban nhân dân phường Lạc Viên"
    parent_unit_name = "Quận Ngô Quyền"
    parent_level = "urban_district"
    upper_unit_name = "Thành phố Hải Phòng"
    address = "Số 2 Lạch Tray, Hải Phòng"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = UnitProfile


def make_ward_site(hostname="lacvien.localhost", port=80, default=True):
    """A ward site: its home page under the tree root, the Site, and nothing else."""
    from wagtail.models import Page

    root = Page.get_first_root_node()
    home = WardHomePageFactory(parent=root, slug=hostname.split(".")[0])
    site = Site.objects.create(
        hostname=hostname, port=port, root_page=home, is_default_site=default, site_name=hostname
    )
    return site


def make_private(page):
    """Restrict ``page`` to logged-in users (a private page in Wagtail's terms)."""
    return PageViewRestriction.objects.create(page=page, restriction_type="login")


def unpublish(page):
    page.unpublish()
    return page


# News ------------------------------------------------------------------------------------------


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = NewsCategory


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tin tức"
    slug = "tin-tuc"
    per_page = 10

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tin bài số {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    lead = "Tóm tắt tin bài."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Nội dung tin bài.</p>")])

    class Meta:
        model = NewsPage


def make_draft(index, **kwargs):
    """An article that was saved but never published."""
    page = NewsPageFactory.build(**kwargs)
    page.live = False
    index.add_child(instance=page)
    page.save_revision()
    return page


# Weekly schedules ------------------------------------------------------------------------------


class LeaderFactory(factory.django.DjangoModelFactory):
    name = "Nguyễn Văn A"
    position = "Chủ tịch UBND phường"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Leader


def make_schedule_index(parent, **fields):
    """A published schedule index ("Lịch công tác") under ``parent``."""
    fields = {"title": "Lịch công tác", "slug": "lich-cong-tac", **fields}
    index = ScheduleIndexPage(**fields)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_schedule(index, start=MONDAY, entries=3, publish=True, days=7, leader=None, private=False):
    """A weekly schedule under ``index`` with ``entries`` rows, published unless told not."""
    page = WeeklySchedulePage(
        start_date=start, end_date=start + datetime.timedelta(days=days - 1), live=False
    )
    page.entries = [
        WeeklySchedulePage.entry_model()(
            date=start + datetime.timedelta(days=n % days),
            start_time=datetime.time(7 + n % 12, 30),
            content=f"Công việc số {n + 1}",
            leader=leader,
            location="Hội trường UBND phường",
            sort_order=n,
        )
        for n in range(entries)
    ]
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    if private:
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    page.refresh_from_db()
    return page


def translate(instance, strings=None):
    """The English translation of ``instance``, made and published by wagtail-localize as an
    editor does; ``strings`` ({"Vietnamese": "English"}) fills the strings it names, the others
    stay as in the source. wagtail-localize publishes on commit, which a test's transaction
    never reaches: the callbacks run here."""
    strings = strings or {}
    english = Locale.objects.get_or_create(language_code="en")[0]
    with TestCase.captureOnCommitCallbacks(execute=True):
        translate_object(instance, [english])
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation = Translation.objects.get(source=source, target_locale=english)
        po = translation.export_po()
        for entry in po:
            entry.msgstr = strings.get(entry.msgid, entry.msgid)
        translation.import_po(po)
        translation.save_target(publish=True)
    return instance.get_translation(english)
