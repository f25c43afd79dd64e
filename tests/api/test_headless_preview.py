"""wagtail-ward[headless]: "Preview" of a ward page sends the editor to the separate frontend,
and ``/api/v2/page_preview/`` gives that frontend the draft in the JSON of the pages listing.

Skipped, saying so, when the extra (wagtail-headless-preview) is not installed.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from tests.api.builders import TYPES, add_pages, make_indexes
from tests.families import NewsPage
from tests.news.test_pages import article_post_data

headless = pytest.importorskip(
    "wagtail_headless_preview.models", reason="the wagtail-ward[headless] extra is not installed"
)
preview = pytest.importorskip("wagtail_ward.api.preview")  # it imports the package

FRONTEND = "https://frontend.example/preview/"


@pytest.fixture
def draft(home):
    """The first article of a listing, live, with a newer draft that changes its title."""
    indexes = make_indexes(home)
    add_pages(indexes, 2)
    article = Page.objects.get(slug="tin-so-0").specific
    article.save_revision().publish()
    draft = article.get_latest_revision_as_object()
    draft.title = "Bản nháp: tin số 0"
    draft.save_revision()
    return Page.objects.get(pk=article.pk).get_latest_revision_as_object()


def preview_token(page):
    """What the admin's "Preview" does in the mode "Separate frontend": store the draft, answer
    with the frontend's address."""
    with translation.override("en"):
        assert (preview.HEADLESS_MODE, "Separate frontend") in page.preview_modes
    assert page.default_preview_mode != preview.HEADLESS_MODE  # the HTML preview stays first
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    response = page.serve_preview(request, preview.HEADLESS_MODE)
    assert response.status_code == 200
    if hasattr(response, "render"):
        response.render()
    html = response.content.decode()
    label = f"{page._meta.app_label}.{page._meta.model_name}"
    assert f"{FRONTEND}?content_type={label}&amp;token=" in html
    token = html.split("token=", 1)[1].split('"', 1)[0]
    return label, token.replace("%3A", ":")


def test_the_html_preview_stays_the_default(draft):
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    response = draft.serve_preview(request, draft.default_preview_mode)
    assert response.status_code == 200
    response.render()
    assert "Bản nháp: tin số 0" in response.content.decode()
    assert FRONTEND not in response.content.decode()


def test_the_frontend_gets_the_draft_as_the_listing_shows_the_page(client, draft):
    label, token = preview_token(draft)
    listing = client.get(f"/api/v2/pages/?type={TYPES['news']}&fields=*&slug=tin-so-0").json()
    live = listing["items"][0]
    response = client.get(f"/api/v2/page_preview/?content_type={label}&token={token}")
    assert response.status_code == 200, response.content[:300]
    preview = response.json()
    assert preview["title"] == "Bản nháp: tin số 0"
    assert live["title"] == "Tin số 0"  # the live API does not show the draft
    # The same fields with the same values, the title aside: the frontend renders it alike.
    assert preview.keys() == live.keys()
    # The stored draft keeps times to the millisecond (JSON): the same moment otherwise.
    published = "first_published_at"
    assert preview["meta"][published][:23] == live["meta"][published][:23]
    assert {**preview, "title": "", "meta": {**preview["meta"], published: ""}} == {
        **live,
        "title": "",
        "meta": {**live["meta"], published: ""},
    }
    assert [block["type"] for block in preview["body"]] == [
        "paragraph",
        "image",
        "image",
        "document",
    ]


def test_every_ward_page_type_of_the_api_has_the_headless_preview(draft):
    for label in TYPES.values():
        page = Page.objects.filter(content_type__model=label.split(".")[1].lower()).first()
        preview_token(page.specific)
    assert headless.PagePreview.objects.count() >= len(TYPES)


@pytest.mark.parametrize(
    ("query", "status", "parameter"),
    [
        ("", 400, "content_type"),
        ("content_type=wagtail_ward_news.newspage", 400, "token"),
        ("content_type=auth.user&token=x", 400, "content_type"),
        ("content_type=nope&token=x", 400, "content_type"),
        ("content_type={label}&token=forged:token", 404, None),
    ],
)
def test_a_wrong_preview_request_is_a_json_error(client, draft, query, status, parameter):
    label, _token = preview_token(draft)
    response = client.get("/api/v2/page_preview/?" + query.format(label=label))
    assert response.status_code == status, response.content[:300]
    assert response.json()["message"]
    if parameter:
        assert response.json()["parameter"] == parameter


def test_a_page_type_can_keep_wagtails_own_preview():
    class KeepsItsOwn:
        headless_preview = False

    class Previewed:
        preview_modes = [("", "Default")]

        def serve_preview(self, request, mode_name):
            return f"HTML {mode_name}"

    class Unpreviewable(Previewed):
        preview_modes = []

    preview.enable_headless_preview([KeepsItsOwn, Previewed, Unpreviewable])
    assert not hasattr(KeepsItsOwn, "create_page_preview")
    with translation.override("en"):
        assert Previewed().preview_modes == [("", "Default"), ("headless", "Separate frontend")]
    with translation.override("vi"):
        assert Previewed().preview_modes[1] == ("headless", "Giao diện riêng (headless)")
    assert Previewed().serve_preview(None, "") == "HTML "  # the page's own preview
    assert Previewed.get_preview_signer().salt == "headlesspreview.token"
    assert Unpreviewable().preview_modes == []


def test_an_editor_previews_a_new_article_on_the_frontend(client, editor, home):
    """The admin's preview panel in the mode "Separate frontend", before the page is saved."""
    indexes = make_indexes(home)
    news = indexes["news"]
    add_args = [NewsPage._meta.app_label, NewsPage._meta.model_name, news.pk]
    data = article_post_data("Tin chưa lưu", "tin-chua-luu", indexes["category"])
    preview_url = reverse("wagtailadmin_pages:preview_on_add", args=add_args)
    assert editor.post(preview_url, data).json()["is_valid"] is True
    response = editor.get(f"{preview_url}?mode={preview.HEADLESS_MODE}")
    assert response.status_code == 200
    html = response.content.decode()
    assert FRONTEND in html
    token = html.split("token=", 1)[1].split('"', 1)[0].replace("%3A", ":")
    label = f"{NewsPage._meta.app_label}.{NewsPage._meta.model_name}"
    editor.logout()  # the frontend asks without a login
    draft = client.get(f"/api/v2/page_preview/?content_type={label}&token={token}").json()
    assert draft["id"] == 0  # not saved yet
    assert draft["title"] == "Tin chưa lưu"
    assert draft["category"]["slug"] == "thong-bao"
    assert not NewsPage.objects.filter(slug="tin-chua-luu").exists()
