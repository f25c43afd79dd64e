"""The news pages as an editor and a visitor meet them: where they go, the admin form, the
article page with its print view, e-mail link, source, "other news" and "latest news"."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from wagtail.coreutils import get_dummy_request
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.factories import ContentPageFactory, NewsCategoryFactory, NewsPageFactory
from tests.families import NewsIndexPage, NewsPage
from tests.html import soup
from wagtail_ward.dates import ward_today
from wagtail_ward.models import ContentPage, WardHomePage
from wagtail_ward.text import fold_vietnamese


@pytest.fixture
def page_asserts(client, ward_site):
    case = WagtailPageTestCase()
    case.client = client
    case.dummy_request = get_dummy_request(site=ward_site)
    return case


def article_post_data(title, slug, category, *, action="action-publish", **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "date": "2026-03-05",
            "lead": "Thành phố tuyển chọn sinh viên tốt nghiệp để đào tạo cán bộ phường.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Khóa học kéo dài 30 tháng.</p>")),
                    ("heading", {"text": "Quyền lợi của học viên", "level": "h2"}),
                ]
            ),
            "category": str(category.pk),
            "tags": "đào tạo, cán bộ",
            "featured_image": "",
            "featured_image_caption": "",
            "source_name": "HPĐT",
            "source_url": "https://haiphong.example.vn/bai-viet",
            "comments": inline_formset([]),
            action: action.removeprefix("action-"),
            **extra,
        }
    )


# Where the pages go ------------------------------------------------------------------------


def test_news_index_goes_under_home_or_content_pages_and_holds_only_articles(page_asserts):
    page_asserts.assertCanCreateAt(WardHomePage, NewsIndexPage)
    page_asserts.assertCanCreateAt(ContentPage, NewsIndexPage)
    page_asserts.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
    page_asserts.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
    page_asserts.assertAllowedSubpageTypes(NewsPage, set())
    page_asserts.assertCanNotCreateAt(WardHomePage, NewsPage)


def test_article_date_defaults_to_today_in_vietnam(news_index):
    assert NewsPage().date == ward_today()


def test_pages_are_renderable_and_editable(page_asserts, news_index, category, admin_user):
    article = NewsPageFactory(parent=news_index, category=category, slug="bai-1")
    page_asserts.assertPageIsRenderable(news_index)
    page_asserts.assertPageIsRenderable(article)
    page_asserts.client.force_login(admin_user)
    page_asserts.assertPageIsEditable(
        article, post_data=article_post_data("Bài 1", "bai-1", category)
    )


# The editor's round trip -------------------------------------------------------------------


def test_editor_creates_previews_and_publishes_an_article(client, admin_user, news_index, category):
    sibling = NewsPageFactory(
        parent=news_index, category=category, title="Tin cũ cùng chuyên mục", slug="tin-cu"
    )
    client.force_login(admin_user)
    add_args = [NewsPage._meta.app_label, NewsPage._meta.model_name, news_index.pk]
    data = article_post_data(
        "Đào tạo cán bộ nguồn cho phường", "dao-tao-can-bo", category, action="action-draft"
    )

    # Preview before saving: the preview view validates and renders the form data.
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=add_args)
    assert client.post(preview_url, data).json() == {"is_valid": True, "is_available": True}
    preview = client.get(preview_url).content.decode()
    assert "Đào tạo cán bộ nguồn cho phường" in preview
    assert "Khóa học kéo dài 30 tháng." in preview

    # Saved as a draft: nowhere to be seen yet.
    response = client.post(reverse("wagtailadmin_pages:add", args=add_args), data)
    assert response.status_code == 302
    article = NewsPage.objects.get(slug="dao-tao-can-bo")
    assert not article.live
    client.logout()
    assert "Đào tạo cán bộ" not in client.get(news_index.url).content.decode()

    # Published from the edit form.
    client.force_login(admin_user)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_post_data("Đào tạo cán bộ nguồn cho phường", "dao-tao-can-bo", category),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert article.date == datetime.date(2026, 3, 5)
    assert sorted(tag.name for tag in article.tags.all()) == ["cán bộ", "đào tạo"]
    client.logout()

    index_html = soup(client.get(news_index.url))
    assert "Đào tạo cán bộ nguồn cho phường" in [
        a.get_text(strip=True) for a in index_html.select(".ward-news__title a")
    ]
    feed = client.get(news_index.url + "category/hanh-chinh-cong/rss/").content.decode()
    assert "Đào tạo cán bộ nguồn cho phường" in feed
    sibling_html = soup(client.get(sibling.url))
    assert "Đào tạo cán bộ nguồn cho phường" in [
        a.get_text(strip=True) for a in sibling_html.select(".ward-other-news a")
    ]
    assert "Đào tạo cán bộ nguồn cho phường" in [
        a.get_text(strip=True) for a in sibling_html.select(".ward-latest a")
    ]
    home_html = soup(client.get("/"))
    assert "Đào tạo cán bộ nguồn cho phường" in [
        a.get_text(strip=True) for a in home_html.select(".ward-latest a")
    ]


def test_source_address_without_a_source_name_is_refused(client, admin_user, news_index, category):
    client.force_login(admin_user)
    data = article_post_data("Bài", "bai", category)
    data["source_name"] = ""
    response = client.post(
        reverse(
            "wagtailadmin_pages:add",
            args=[NewsPage._meta.app_label, NewsPage._meta.model_name, news_index.pk],
        ),
        data,
    )
    assert response.status_code == 200
    assert not NewsPage.objects.filter(slug="bai").exists()
    assert "source_name" in response.context["form"].errors


# The article page --------------------------------------------------------------------------


@pytest.fixture
def article(news_index, category):
    return NewsPageFactory(
        parent=news_index,
        title="Đào tạo dự nguồn chức danh chủ chốt <phường> & xã",
        slug="dao-tao-du-nguon",
        date=datetime.date(2016, 2, 9),
        lead="Thành phố đào tạo 150 cử nhân làm nguồn cán bộ chủ chốt.",
        category=category,
        source_name="HPĐT",
        source_url="https://haiphong.example.vn/dao-tao",
        body=[("paragraph", "<p>Khóa đầu tiên có 77 học viên.</p>")],
    )


def test_article_page_shows_what_the_reference_page_had(client, article, category):
    page = soup(client.get(article.url))
    main = page.select_one("main")
    assert main.select_one(".ward-article__category a").get_text(strip=True) == category.name
    assert main.select_one(".ward-article__category a")["href"] == (
        article.get_parent().url + "category/hanh-chinh-cong/"
    )
    # User text is escaped, not interpreted.
    assert main.select_one("h1").get_text() == "Đào tạo dự nguồn chức danh chủ chốt <phường> & xã"
    assert "<phường>" not in page.decode_contents().replace("&lt;phường&gt;", "")
    assert main.select_one(".ward-article__date time")["datetime"] == "2016-02-09"
    assert main.select_one(".ward-article__date").get_text(strip=True) == "09/02/2016"
    assert "150 cử nhân" in main.select_one(".ward-article__lead").get_text()
    assert "77 học viên" in main.select_one(".ward-body").get_text()
    source = main.select_one(".ward-article__source")
    assert source.a.get_text() == "HPĐT"
    assert source.a["href"] == "https://haiphong.example.vn/dao-tao"
    assert source.get_text(strip=True).startswith("(") and source.get_text().endswith(")")
    assert main.select_one(".ward-back a")["href"] == article.get_parent().url


def test_print_view_has_the_article_without_navigation(client, article):
    page = soup(client.get(article.url))
    print_link = page.select(".ward-article__actions a")[0]["href"]
    assert print_link == article.url + "print/"
    for url in (print_link, article.url + "?print"):
        printed = soup(client.get(url))
        assert printed.select_one("h1").get_text() == article.title
        assert "77 học viên" in printed.select_one(".ward-body").get_text()
        assert printed.select_one("nav.ward-nav") is None
        assert printed.select_one(".ward-side") is None
        stylesheets = {link["href"]: link.get("media") for link in printed.select("link[href]")}
        assert stylesheets["/static/wagtail_ward/css/print.css"] == "all"
        assert printed.select_one('meta[name="robots"]')["content"] == "noindex"
        # The print button works without inline code: the family's script, loaded with defer,
        # shows it and opens the print dialogue.
        button = printed.select_one(".ward-print-actions button")
        assert button.get_text() == "In"
        assert "data-ward-print" in button.attrs
        attributes = [name for tag in printed.find_all(True) for name in tag.attrs]
        assert not [name for name in attributes if name.startswith("on")]
        assert not printed.select("[style], style")
        script = printed.select_one('script[src="/static/wagtail_ward/news/news.js"]')
        assert script is not None and "defer" in script.attrs


def test_the_print_script_prints_when_the_button_is_pressed():
    script = finders.find("wagtail_ward/news/news.js")
    with open(script, encoding="utf-8") as file:
        source = file.read()
    assert 'document.querySelectorAll("[data-ward-print]")' in source
    assert 'addEventListener("click", () => window.print())' in source
    assert "hidden = false" in source


def test_email_link_is_a_mailto_with_subject_and_address(client, article):
    page = soup(client.get(article.url))
    href = page.select(".ward-article__actions a")[1]["href"]
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query)
    assert query["subject"] == [article.title]
    assert query["body"] == ["http://testserver" + article.url]


def test_article_without_source_has_no_attribution(client, news_index):
    article = NewsPageFactory(parent=news_index, source_name="")
    assert soup(client.get(article.url)).select_one(".ward-article__source") is None


def test_other_news_same_category_language_newest_first_without_itself(
    client, news_index, category, other_category, translate
):
    article = NewsPageFactory(parent=news_index, category=category, date=datetime.date(2025, 5, 1))
    older = NewsPageFactory(parent=news_index, category=category, date=datetime.date(2025, 1, 1))
    newer = NewsPageFactory(parent=news_index, category=category, date=datetime.date(2025, 9, 1))
    NewsPageFactory(parent=news_index, category=other_category, date=datetime.date(2025, 6, 1))
    # The English translation of a sibling is in the same category (translated) but not the
    # same language.
    translate(news_index)
    translate(newer)

    titles = [
        a.get_text(strip=True) for a in soup(client.get(article.url)).select(".ward-other-news a")
    ]
    assert titles == [newer.title, older.title]


def test_index_lists_featured_first_then_newest_and_paginates(client, news_index, category):
    news_index.per_page = 3
    news_index.save_revision().publish()
    articles = [
        NewsPageFactory(parent=news_index, date=datetime.date(2025, 1, day)) for day in range(1, 8)
    ]
    featured = NewsPageFactory(parent=news_index, date=datetime.date(2024, 1, 1), featured=True)

    first = soup(client.get(news_index.url))
    titles = [a.get_text(strip=True) for a in first.select(".ward-news__title a")]
    assert titles == [featured.title, articles[6].title, articles[5].title]
    third = soup(client.get(news_index.url + "?page=3"))
    assert [a.get_text(strip=True) for a in third.select(".ward-news__title a")] == [
        articles[1].title,
        articles[0].title,
    ]
    # A page number past the end shows the last page rather than an error.
    assert soup(client.get(news_index.url + "?page=99")).select(".ward-news__title a")


def test_category_and_archive_filters(client, news_index, category, other_category):
    in_category = NewsPageFactory(
        parent=news_index, category=category, date=datetime.date(2025, 3, 10)
    )
    elsewhere = NewsPageFactory(
        parent=news_index, category=other_category, date=datetime.date(2024, 3, 10)
    )

    def titles(url):
        return [a.get_text(strip=True) for a in soup(client.get(url)).select(".ward-news__title a")]

    assert titles(news_index.url + "category/hanh-chinh-cong/") == [in_category.title]
    assert titles(news_index.url + "category/tin-hoat-dong/") == [elsewhere.title]
    assert titles(news_index.url + "archive/2024/") == [elsewhere.title]
    assert titles(news_index.url + "archive/2025/3/") == [in_category.title]
    assert titles(news_index.url + "archive/2025/4/") == []
    archive = soup(client.get(news_index.url)).select(".ward-news__archive a")
    assert [a["href"] for a in archive] == [
        news_index.url + "archive/2025/3/",
        news_index.url + "archive/2024/3/",
    ]


@pytest.mark.parametrize("path", ["category/khong-co/", "archive/2025/13/", "archive/2025/0/"])
def test_unknown_category_or_month_is_not_found(client, news_index, path):
    assert client.get(news_index.url + path).status_code == 404


def test_news_index_under_a_content_page(client, home):
    section = ContentPageFactory(parent=home, slug="thong-tin")
    index = NewsIndexPage(title="Tin tức", slug="tin-tuc")
    section.add_child(instance=index)
    NewsPageFactory(parent=index, title="Tin trong mục con")
    assert "Tin trong mục con" in client.get("/thong-tin/tin-tuc/").content.decode()


def test_category_slug_is_unique_per_language(vi, en):
    from django.db import IntegrityError, transaction

    NewsCategoryFactory(slug="thong-bao", locale=vi)
    NewsCategoryFactory(slug="thong-bao", locale=en)  # another language: allowed
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsCategoryFactory(slug="thong-bao", locale=vi)


def test_fold_vietnamese():
    assert fold_vietnamese("Đào tạo DỰ NGUỒN") == "dao tao du nguon"
    assert fold_vietnamese("Thủ tục hành chính, đường Lạch Tray") == (
        "thu tuc hanh chinh, duong lach tray"
    )
