import pytest

from tests.factories import NewsCategoryFactory, NewsIndexPageFactory


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def category(vi):
    return NewsCategoryFactory(name="Hành chính công", slug="hanh-chinh-cong", locale=vi)


@pytest.fixture
def other_category(vi):
    return NewsCategoryFactory(name="Tin hoạt động", slug="tin-hoat-dong", locale=vi)
