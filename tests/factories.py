"""Test data, built through wagtail-factories so that tree paths are never written by hand."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale, Site

from tests.testapp.models import EventPage, NoticePage, PlainPage
from wagtail_ward.models import ContentPage, SitemapPage, UnitProfile, WardHomePage


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
