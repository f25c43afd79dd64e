"""A page's body is kept as rendered text under the page's own token (``{% ward_page_cache
... when=page.body|ward_body_keeps %}``): another article's publish leaves it kept, its own
publish refreshes it, a link in it follows the page it links to (through Wagtail's reference
index), and a body that holds a block rendered per visitor (a poll) is rendered for each."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from tests.factories import (
    ContentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    WardHomePageFactory,
)
from tests.families import NewsPage
from tests.html import BROWSER, soup, texts
from wagtail_ward.blocks import body_keeps
from wagtail_ward.models import ContentPage, PageContentVersion, ResultsVisibility
from wagtail_ward.polls.presets import create_poll_from_preset


@pytest.fixture
def index(home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return NewsIndexPageFactory(parent=home, title="Tin tức", show_in_menus=True)


@pytest.fixture
def other_site(ward_site, django_capture_on_commit_callbacks):
    """Another ward of the same install, at http://khac.localhost/."""
    with django_capture_on_commit_callbacks(execute=True):
        other_home = WardHomePageFactory(parent=Page.get_first_root_node(), slug="phuong-khac")
        return Site.objects.create(hostname="khac.localhost", port=80, root_page=other_home)


def _article(index, commits, **kwargs):
    with commits(execute=True):
        return NewsPageFactory(parent=index, **kwargs)


def _link(page, text):
    return f'<p>Xem <a linktype="page" id="{page.pk}">{text}</a>.</p>'


def _rewrite_body_without_signal(page, html):
    """The body changed in the database with no signal: no token is replaced, so a reader is
    served whatever was kept."""
    type(page).objects.filter(pk=page.pk).update(body=[("paragraph", html)])


def test_the_body_is_kept_until_the_article_itself_changes(
    client, index, django_capture_on_commit_callbacks
):
    article = _article(index, django_capture_on_commit_callbacks, title="Tin có thân bài")
    assert texts(client.get(article.url), ".ward-body p") == ["Nội dung tin bài."]
    _rewrite_body_without_signal(article, "<p>Sửa thẳng trong cơ sở dữ liệu.</p>")
    assert texts(client.get(article.url), ".ward-body p") == ["Nội dung tin bài."]  # kept
    # Another article's publish leaves it kept: its token is the article's own.
    _article(index, django_capture_on_commit_callbacks, title="Tin khác")
    assert texts(client.get(article.url), ".ward-body p") == ["Nội dung tin bài."]
    # Its own publish renders it again.
    article = NewsPage.objects.get(pk=article.pk)
    article.body = [("paragraph", "<p>Nội dung đã sửa.</p>")]
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert texts(client.get(article.url), ".ward-body p") == ["Nội dung đã sửa."]


def test_a_link_in_the_body_follows_the_linked_page(
    client, index, django_capture_on_commit_callbacks
):
    commits = django_capture_on_commit_callbacks
    linked = _article(index, commits, title="Tin được dẫn")
    article = _article(
        index, commits, title="Tin dẫn", body=[("paragraph", _link(linked, "tin được dẫn"))]
    )
    token = PageContentVersion.objects.get(translation_key=article.translation_key).token
    link = soup(client.get(article.url)).select_one(".ward-body a")
    assert link["href"] == linked.url
    # The linked article's address changes: the kept body of the article that links to it is
    # retired with it (the linking article's own token is replaced), and the link follows.
    linked = NewsPage.objects.get(pk=linked.pk)
    linked.slug = "tin-duoc-dan-doi-dia-chi"
    with commits(execute=True):
        linked.save_revision().publish()
    linked.refresh_from_db()
    assert PageContentVersion.objects.get(translation_key=article.translation_key).token != token
    link = soup(client.get(article.url)).select_one(".ward-body a")
    assert link["href"] == linked.url
    assert linked.url.endswith("/tin-duoc-dan-doi-dia-chi/")
    # Its section moves it too: a page above the linked one changes its address.
    index = index.specific
    index.slug = "tin-tuc-moi"
    with commits(execute=True):
        index.save_revision().publish()
    linked.refresh_from_db()
    assert soup(client.get(linked.url)).select_one("h1").get_text(strip=True) == "Tin được dẫn"
    article.refresh_from_db()
    link = soup(client.get(article.url)).select_one(".ward-body a")
    assert link["href"] == linked.url
    # Deleted (which retires this ward's structure: the menu may change): the body no longer
    # points at its old address.
    old_url = linked.url
    with commits(execute=True):
        linked.delete()
    html = client.get(article.url).content.decode()
    assert f'href="{old_url}"' not in html
    assert "tin được dẫn" in html  # the link's text stays, as Wagtail renders a missing page


def test_a_link_to_another_wards_page_follows_it(
    client, index, other_site, django_capture_on_commit_callbacks
):
    commits = django_capture_on_commit_callbacks
    with commits(execute=True):
        elsewhere = ContentPageFactory(parent=other_site.root_page, title="Trang phường khác")
    article = _article(
        index, commits, title="Tin dẫn sang", body=[("paragraph", _link(elsewhere, "phường khác"))]
    )
    link = soup(client.get(article.url)).select_one(".ward-body a")
    assert link["href"] == elsewhere.get_url()
    elsewhere = ContentPage.objects.get(pk=elsewhere.pk)
    elsewhere.slug = "dia-chi-moi"
    with commits(execute=True):
        elsewhere.save_revision().publish()
    link = soup(client.get(article.url)).select_one(".ward-body a")
    assert link["href"].endswith("/dia-chi-moi/")
    # Deleted there (which retires that ward's structure, not this one's): the link goes too.
    with commits(execute=True):
        elsewhere.delete()
    html = client.get(article.url).content.decode()
    assert "/dia-chi-moi/" not in html
    assert "phường khác" in html


def test_a_body_with_a_poll_is_rendered_for_each_visitor(
    home, vi, django_capture_on_commit_callbacks
):
    poll = create_poll_from_preset(
        "dossier_timeliness", vi, results_visibility=ResultsVisibility.ALWAYS
    )
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(parent=home, title="Ý kiến", body=[("poll", {"poll": poll})])
    assert not body_keeps(page.body)
    first, second = (
        Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address) for address in ("10.9.0.1", "10.9.0.2")
    )
    assert 'class="ward-poll__form"' in first.get(page.url).content.decode()
    response = first.post(
        reverse("wagtail_ward:poll_vote", args=[poll.pk]),
        {"choice": "dung-han", "next": page.url},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 303
    voted = first.get(page.url).content.decode()
    assert 'class="ward-poll__form"' not in voted  # this visitor has voted
    with translation.override("vi"):
        assert gettext("You have voted in this poll. Thank you.") in voted
    assert 'class="ward-poll__form"' in second.get(page.url).content.decode()


def test_a_body_without_a_block_per_visitor_is_kept_on_a_content_page(
    client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(parent=home, title="Giới thiệu")
    assert body_keeps(page.body)
    before = texts(client.get(page.url), ".ward-body")
    _rewrite_body_without_signal(page, "<p>Sửa thẳng trong cơ sở dữ liệu.</p>")
    assert texts(client.get(page.url), ".ward-body") == before
