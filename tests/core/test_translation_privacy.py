"""Privacy follows translations: a page restricted, changed or freed in one language is so in
every language, in its pages, menus, feeds, sitemap and API; and the upgrade command."""

import io
from types import SimpleNamespace

import feedparser
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from wagtail.models import PageViewRestriction

from tests.factories import NewsIndexPageFactory, NewsPageFactory
from tests.html import texts

VI_TITLES = ("Tin tức", "Tin nội bộ")
EN_TITLES = ("News", "Internal news")


@pytest.fixture
def site_pages(home, translate):
    """The news section and one article, in Vietnamese and (translated before any restriction)
    in English."""
    index = NewsIndexPageFactory(parent=home, title="Tin tức", slug="tin-tuc", show_in_menus=True)
    article = NewsPageFactory(parent=index, title="Tin nội bộ", slug="tin-noi-bo")
    english_home = translate(home)
    english_index = translate(index, {"Tin tức": "News"})
    english_article = translate(article, {"Tin nội bộ": "Internal news"})
    return SimpleNamespace(
        home=home,
        index=index,
        article=article,
        english_home=english_home,
        english_index=english_index,
        english_article=english_article,
    )


def seen(client, home, index, article, locale):
    """Everything an anonymous visitor finds of ``index`` and ``article`` in ``locale``."""
    titles = {index.title, article.title}
    found = set()
    for page in (index, article):
        if client.get(page.url).status_code == 200:
            found.add(f"page:{page.title}")
    navigation = client.get("/api/ward/site-info/", {"locale": locale}).json()["navigation"]
    found |= {f"menu:{item['title']}" for item in navigation if item["title"] in titles}
    feed = client.get(index.url + "rss/")
    if feed.status_code == 200:
        found |= {f"feed:{entry.title}" for entry in feedparser.parse(feed.content).entries}
    sitemap = client.get("/sitemap.xml").content.decode()
    found |= {f"sitemap:{page.title}" for page in (index, article) if page.full_url in sitemap}
    for endpoint in ("pages", "news"):
        data = client.get(f"/api/v2/{endpoint}/", {"locale": locale, "fields": "title"}).json()
        found |= {
            f"{endpoint}:{item['title']}" for item in data["items"] if item["title"] in titles
        }
    found |= {f"latest:{title}" for title in texts(client.get(home.url), ".ward-latest a")}
    return found


def everything(index_title, article_title):
    return {
        f"page:{index_title}",
        f"page:{article_title}",
        f"menu:{index_title}",
        f"feed:{article_title}",
        f"sitemap:{index_title}",
        f"sitemap:{article_title}",
        f"pages:{index_title}",
        f"pages:{article_title}",
        f"news:{article_title}",
        f"latest:{article_title}",
    }


def seen_in_vietnamese(client, pages):
    for page in (pages.home, pages.index, pages.article):
        page.refresh_from_db()
    return seen(client, pages.home, pages.index, pages.article, "vi")


def seen_in_english(client, pages):
    for page in (pages.english_home, pages.english_index, pages.english_article):
        page.refresh_from_db()
    return seen(client, pages.english_home, pages.english_index, pages.english_article, "en")


def restriction_of(page):
    restriction = PageViewRestriction.objects.filter(page=page).first()
    if restriction is None:
        return None
    groups = sorted(restriction.groups.values_list("name", flat=True))
    return (restriction.restriction_type, restriction.password, groups)


def test_both_languages_are_public_to_begin_with(client, site_pages):
    assert seen_in_vietnamese(client, site_pages) == everything(*VI_TITLES)
    assert seen_in_english(client, site_pages) == everything(*EN_TITLES)


def test_restricting_the_vietnamese_page_after_translating_restricts_the_english(
    client, site_pages
):
    PageViewRestriction.objects.create(page=site_pages.index, restriction_type="login")

    assert seen_in_vietnamese(client, site_pages) == set()
    assert seen_in_english(client, site_pages) == set()
    assert restriction_of(site_pages.english_index) == ("login", "", [])
    response = client.get(site_pages.english_article.url)
    assert response.status_code == 302
    assert response["Location"] == "/en/_util/login/?next=/en/tin-tuc/tin-noi-bo/"


def test_restricting_the_english_page_restricts_the_vietnamese(client, site_pages):
    PageViewRestriction.objects.create(page=site_pages.english_article, restriction_type="login")

    assert restriction_of(site_pages.article) == ("login", "", [])
    assert seen_in_vietnamese(client, site_pages) == everything(*VI_TITLES) - {
        "page:Tin nội bộ",
        "feed:Tin nội bộ",
        "sitemap:Tin nội bộ",
        "pages:Tin nội bộ",
        "news:Tin nội bộ",
        "latest:Tin nội bộ",
    }


def test_removing_the_restriction_frees_both_languages(client, site_pages):
    restriction = PageViewRestriction.objects.create(
        page=site_pages.index, restriction_type="login"
    )
    assert seen_in_english(client, site_pages) == set()

    restriction.delete()

    assert PageViewRestriction.objects.count() == 0
    assert seen_in_vietnamese(client, site_pages) == everything(*VI_TITLES)
    assert seen_in_english(client, site_pages) == everything(*EN_TITLES)


def set_privacy(editor, page, **data):
    response = editor.post(f"/admin/pages/{page.pk}/privacy/", data)
    assert response.status_code == 200
    assert response.json()["step"] == "set_privacy_done"


def test_privacy_set_in_the_admin_follows_with_its_type_password_and_groups(editor, site_pages):
    staff = Group.objects.create(name="Cán bộ phường")
    leaders = Group.objects.create(name="Lãnh đạo phường")

    set_privacy(editor, site_pages.index, restriction_type="groups", groups=[staff.pk])
    assert restriction_of(site_pages.english_index) == ("groups", "", ["Cán bộ phường"])

    set_privacy(editor, site_pages.index, restriction_type="groups", groups=[leaders.pk])
    assert restriction_of(site_pages.english_index) == ("groups", "", ["Lãnh đạo phường"])

    set_privacy(editor, site_pages.english_index, restriction_type="password", password="so-1")
    assert restriction_of(site_pages.index)[:2] == ("password", "so-1")

    set_privacy(editor, site_pages.index, restriction_type="none")
    assert restriction_of(site_pages.index) is None
    assert restriction_of(site_pages.english_index) is None


def test_aliases_of_a_translation_follow(client, site_pages):
    # The fixture's English home was loaded before its children were added: read the tree
    # again, or a new child would take the path of an existing one (treebeard counts numchild).
    site_pages.english_home.refresh_from_db()
    english_copy_index = NewsIndexPageFactory(
        parent=site_pages.english_home, title="Other news", slug="other-news"
    )
    alias = site_pages.english_article.create_alias(parent=english_copy_index, update_slug="copy")

    PageViewRestriction.objects.create(page=site_pages.article, restriction_type="login")

    assert restriction_of(alias) == ("login", "", [])
    assert client.get(alias.url).status_code == 302


def test_deleting_a_restricted_page_leaves_its_translation_restricted(site_pages):
    PageViewRestriction.objects.create(page=site_pages.article, restriction_type="login")

    site_pages.article.delete()

    assert restriction_of(site_pages.english_article) == ("login", "", [])


def test_with_the_setting_off_privacy_stays_per_language(client, site_pages, settings):
    settings.WAGTAIL_WARD = {"PRIVACY_FOLLOWS_TRANSLATIONS": False}

    PageViewRestriction.objects.create(page=site_pages.index, restriction_type="login")

    assert seen_in_vietnamese(client, site_pages) == set()
    assert seen_in_english(client, site_pages) == everything(*EN_TITLES)
    assert restriction_of(site_pages.english_index) is None


@translation.override("en")  # the command speaks the server's language; English asserted here
def test_command_brings_existing_translations_in_line_with_the_default_language(
    client, site_pages, settings
):
    settings.WAGTAIL_WARD = {"PRIVACY_FOLLOWS_TRANSLATIONS": False}
    PageViewRestriction.objects.create(page=site_pages.index, restriction_type="login")
    PageViewRestriction.objects.create(
        page=site_pages.english_article, restriction_type="password", password="x"
    )
    settings.WAGTAIL_WARD = {}

    output = io.StringIO()
    call_command("sync_translation_privacy", "--dry-run", stdout=output)
    assert output.getvalue().splitlines() == [
        f"News [en] (id {site_pages.english_index.pk}): Private, accessible to any logged-in "
        f"users, as Tin tức (id {site_pages.index.pk})",
        f"Internal news [en] (id {site_pages.english_article.pk}): made public, as Tin nội bộ "
        f"(id {site_pages.article.pk})",
        "2 pages would change (dry run: nothing was changed).",
    ]
    assert restriction_of(site_pages.english_index) is None
    assert restriction_of(site_pages.english_article) == ("password", "x", [])

    output = io.StringIO()
    call_command("sync_translation_privacy", stdout=output)
    assert output.getvalue().splitlines()[-1] == "2 pages changed."
    assert restriction_of(site_pages.english_index) == ("login", "", [])
    assert restriction_of(site_pages.english_article) is None
    assert seen_in_english(client, site_pages) == set()

    output = io.StringIO()
    call_command("sync_translation_privacy", stdout=output)
    assert output.getvalue() == "0 pages changed.\n"
