import datetime

import factory
import pytest
import wagtail_factories
from wagtail.models import Locale, PageViewRestriction

from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = NewsCategory


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tin tức"
    slug = "tin-tuc"
    page_size = 10

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Tin bài số {n}")
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    lead = "Tóm tắt tin bài."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Nội dung tin bài.</p>")])

    class Meta:
        model = NewsPage


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def category(vi):
    return NewsCategoryFactory(name="Hành chính công", slug="hanh-chinh-cong", locale=vi)


@pytest.fixture
def other_category(vi):
    return NewsCategoryFactory(name="Tin hoạt động", slug="tin-hoat-dong", locale=vi)


def make_private(page):
    """Restrict ``page`` to logged-in users (a private page in Wagtail's terms)."""
    return PageViewRestriction.objects.create(page=page, restriction_type="login")


def unpublish(page):
    page.unpublish()
    return page


def make_draft(index, **kwargs):
    """An article that was saved but never published."""
    page = NewsPageFactory.build(**kwargs)
    page.live = False
    index.add_child(instance=page)
    page.save_revision()
    return page
