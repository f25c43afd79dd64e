"""`manage.py check` tells a project whose news page leaves a model hook at another page."""

import pytest
from django.apps import apps
from django.utils import translation

from tests.families import NewsIndexPage, NewsPage
from wagtail_ward.news.checks import check_news_page_types
from wagtail_ward.news.models import NewsPageMixin


@pytest.fixture(autouse=True)
def _english_messages():
    # The messages are translated; the assertions read the English ones.
    with translation.override("en"):
        yield


def other_article_model():
    """A concrete article page type other than the one these tests run through."""
    return next(
        model
        for model in apps.get_models()
        if issubclass(model, NewsPageMixin) and model is not NewsPage
    )


def test_the_installed_news_pages_pass_the_checks():
    assert check_news_page_types() == []


def test_an_index_whose_article_model_it_cannot_hold_is_an_error(monkeypatch):
    other = other_article_model()
    monkeypatch.setattr(NewsIndexPage, "article_model_name", other._meta.label)
    errors = check_news_page_types()
    assert [(error.id, error.obj) for error in errors] == [
        ("wagtail_ward_news.E001", NewsIndexPage)
    ]
    assert f"gives {other.__name__}, which its page types do not allow" in errors[0].msg


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wagtail_ward_news.NewsCategory", "gives NewsCategory, which is not a NewsPageMixin."),
        ("wagtail_ward_news.NoSuchPage", "NoSuchPage"),
    ],
)
def test_an_index_whose_article_model_is_no_article_is_an_error(monkeypatch, name, expected):
    monkeypatch.setattr(NewsIndexPage, "article_model_name", name)
    errors = check_news_page_types()
    assert [error.id for error in errors] == ["wagtail_ward_news.E001"]
    assert expected in errors[0].msg


def test_an_article_whose_index_model_cannot_hold_it_is_an_error(monkeypatch):
    monkeypatch.setattr(NewsPage, "index_model_name", "wagtail_ward.WardHomePage")
    errors = check_news_page_types()
    assert [(error.id, error.obj) for error in errors] == [("wagtail_ward_news.E002", NewsPage)]
    assert "gives WardHomePage, which is not a NewsIndexPageMixin." in errors[0].msg
