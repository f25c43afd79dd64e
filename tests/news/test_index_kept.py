"""The news list's kept parts: the list is kept under what it shows (each article's id, live
revision and address, the count and the page's number), the categories under the index page's
own token and the site's structure; the index page, routed from the home page with its token,
keeps its head and header when an article is published."""

import datetime

import pytest
from wagtail.models import Page

from tests.factories import NewsPageFactory
from tests.families import NewsIndexPage, NewsPage
from tests.html import soup, texts
from wagtail_ward import navigation
from wagtail_ward.templatetags import wagtail_ward_tags


@pytest.fixture
def listed(news_index, category, django_capture_on_commit_callbacks):
    news_index.per_page = 2
    with django_capture_on_commit_callbacks(execute=True):
        news_index.save_revision().publish()
        articles = [
            NewsPageFactory(
                parent=news_index,
                title=f"Tin số {n}",
                category=category,
                date=datetime.date(2025, 3, 1) + datetime.timedelta(days=n),
            )
            for n in range(3)
        ]
    return articles  # the list's first page: "Tin số 2", "Tin số 1"; its second: "Tin số 0"


@pytest.fixture
def addresses(monkeypatch):
    """The pages whose address was rendered: only a list rendered again renders them."""
    seen = []
    get_url = Page.get_url
    monkeypatch.setattr(
        Page, "get_url", lambda page, *a, **k: seen.append(page.pk) or get_url(page, *a, **k)
    )
    return seen


def _publish(page, commits, **changes):
    page = type(page).objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    with commits(execute=True):
        page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def test_the_list_renders_again_only_when_what_it_shows_changes(
    client, news_index, listed, addresses, django_capture_on_commit_callbacks
):
    commits = django_capture_on_commit_callbacks
    first_page = texts(client.get(news_index.url), ".ward-news__title a")
    assert first_page == ["Tin số 2", "Tin số 1"]
    addresses.clear()
    _publish(listed[0], commits, lead="Tóm tắt đã sửa.")  # on the second page only
    assert texts(client.get(news_index.url), ".ward-news__title a") == first_page
    assert listed[1].pk not in addresses  # the first page's list was not rendered again
    _publish(listed[1], commits, title="Tin số 1 (đã sửa)")  # shown: rendered again
    assert texts(client.get(news_index.url), ".ward-news__title a") == [
        "Tin số 2",
        "Tin số 1 (đã sửa)",
    ]
    with commits(execute=True):
        NewsPageFactory(parent=news_index, title="Tin mới nhất", date=datetime.date(2025, 4, 1))
    response = client.get(news_index.url)
    assert texts(response, ".ward-news__title a") == ["Tin mới nhất", "Tin số 2"]
    assert "Trang 1/2" in " ".join(texts(response, ".ward-pagination li"))
    second = client.get(news_index.url + "?page=2")
    assert texts(second, ".ward-news__title a") == ["Tin số 1 (đã sửa)", "Tin số 0"]


@pytest.mark.parametrize("change", ["unpublish", "move", "delete"])
def test_an_article_that_leaves_the_list_leaves_it_at_once(
    client, home, news_index, listed, change, django_capture_on_commit_callbacks
):
    assert "Tin số 2" in texts(client.get(news_index.url), ".ward-news__title a")
    other_index = None
    with django_capture_on_commit_callbacks(execute=True):
        if change == "unpublish":
            listed[2].unpublish()
        elif change == "move":
            other_index = NewsIndexPage(title="Tin lưu trữ", slug="luu-tru")
            home.add_child(instance=other_index)
            listed[2].move(other_index, pos="last-child")
        else:
            listed[2].delete()
    assert texts(client.get(news_index.url), ".ward-news__title a") == ["Tin số 1", "Tin số 0"]
    if other_index is not None:
        moved = NewsPage.objects.get(pk=listed[2].pk)
        assert texts(client.get(other_index.url), ".ward-news__title a") == ["Tin số 2"]
        assert soup(client.get(other_index.url)).select_one(".ward-news__title a")["href"] == (
            moved.url
        )


def test_the_categories_follow_their_names_and_the_index_address(
    client, news_index, listed, category, django_capture_on_commit_callbacks
):
    commits = django_capture_on_commit_callbacks
    categories = soup(client.get(news_index.url)).select(".ward-news__categories a")
    assert [a.get_text(strip=True) for a in categories][1:] == ["Hành chính công"]
    category.name = "Cải cách hành chính"
    with commits(execute=True):
        category.save()
    categories = soup(client.get(news_index.url)).select(".ward-news__categories a")
    assert [a.get_text(strip=True) for a in categories][1:] == ["Cải cách hành chính"]
    index = _publish(news_index, commits, slug="tin-tuc-va-su-kien")
    assert index.url.endswith("/tin-tuc-va-su-kien/")
    links = [a["href"] for a in soup(client.get(index.url)).select(".ward-news__categories a")]
    assert links[0] == index.url
    assert links[1].startswith(index.url + "category/")


def test_the_index_keeps_its_head_and_header_when_an_article_is_published(
    client, news_index, listed, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []

    def counted(*args, **kwargs):
        calls.append(args)
        return navigation.language_links(*args, **kwargs)

    monkeypatch.setattr(wagtail_ward_tags, "language_links", counted)
    client.get(news_index.url)
    assert calls  # the first reader computes the head's and the header's language links
    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=news_index, title="Tin mới nhất", date=datetime.date(2025, 4, 1))
    calls.clear()
    response = client.get(news_index.url)
    assert calls == []  # the index's own parts were kept: its routing read its token
    assert "Tin mới nhất" in texts(response, ".ward-news__title a")
    _publish(news_index, django_capture_on_commit_callbacks, intro="Tin tức của phường.")
    calls.clear()
    response = client.get(news_index.url)
    assert calls  # its own publish replaced its token
    description = soup(response).select_one('meta[name="description"]')["content"]
    assert description == "Tin tức của phường."
