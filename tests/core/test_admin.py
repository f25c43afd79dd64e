"""The editor's side: site settings, unit profiles, a page created and published in the admin,
the dashboard panel, and the admin in Vietnamese."""

import datetime
import json
import re
from pathlib import Path

import polib
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

import wagtail_ward
from tests.factories import make_ward_site
from wagtail_ward.models import ContentPage, DailyVisitCount, UnitProfile, WardSettings
from wagtail_ward.wagtail_hooks import VisitorsPanel

CATALOGUE = Path(wagtail_ward.__file__).parent / "locale" / "vi" / "LC_MESSAGES" / "django.mo"


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["wagtail_ward", "wardsettings", site.pk])


def in_html(text, html):
    """``text`` as markup or inside a JSON script (the sidebar's menu is JSON)."""
    return text in html or json.dumps(text)[1:-1] in html


# Settings → Ward website


def test_ward_settings_edit_page_renders(editor, ward_site):
    response = editor.get(settings_url(ward_site))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="0225 3551 206"' in html
    assert 'value="https://quan.example.gov.vn/"' in html
    for field in ("profile", "phone", "email", "logo", "parent_unit_url", "sitemap_page"):
        assert f'name="{field}"' in html


def test_ward_settings_post_changes_phone_and_parent_unit(editor, ward_site):
    before = WardSettings.for_site(ward_site)
    response = editor.post(
        settings_url(ward_site),
        {
            "profile": before.profile_id,
            "phone": "0225 3999 888",
            "email": before.email,
            "logo": "",
            "parent_unit_url": "https://ngoquyen.haiphong.gov.vn/",
            "sitemap_page": before.sitemap_page_id,
        },
    )
    assert response.status_code == 302
    after = WardSettings.objects.get(site=ward_site)
    assert after.phone == "0225 3999 888"
    assert after.parent_unit_url == "https://ngoquyen.haiphong.gov.vn/"
    assert after.profile_id == before.profile_id
    assert after.sitemap_page_id == before.sitemap_page_id

    # Visitors see the change on the site.
    html = editor.get("/").content.decode()
    assert "0225 3999 888" in html
    assert 'href="https://ngoquyen.haiphong.gov.vn/"' in html


def test_ward_settings_rejects_a_bad_url(editor, ward_site):
    response = editor.post(
        settings_url(ward_site), {"phone": "1", "parent_unit_url": "not a url", "email": ""}
    )
    assert response.status_code == 200
    assert (
        WardSettings.objects.get(site=ward_site).parent_unit_url == "https://quan.example.gov.vn/"
    )


# Unit profiles (a snippet)


def test_unit_profile_listing(editor, ward_site):
    response = editor.get(reverse("wagtailsnippets_wagtail_ward_unitprofile:list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Phường Lạc Viên" in html
    assert "Ủy ban nhân dân phường Lạc Viên" in html  # governing_body is a listed column
    assert "Quận Ngô Quyền" in html


def test_unit_profile_create_form(editor, vi):
    add_url = reverse("wagtailsnippets_wagtail_ward_unitprofile:add")
    form = editor.get(add_url)
    assert form.status_code == 200
    assert 'name="governing_body"' in form.content.decode()

    response = editor.post(
        add_url + "?locale=vi",
        {
            "name": "Phường Máy Chai",
            "level": "ward",
            "governing_body": "Ủy ban nhân dân phường Máy Chai",
            "parent_unit_name": "Quận Ngô Quyền",
            "parent_level": "urban_district",
            "address": "Số 1 Máy Chai, Hải Phòng",
            "office_hours": "Thứ hai – Thứ sáu, 7:30–17:00",
        },
    )
    assert response.status_code == 302
    profile = UnitProfile.objects.get(name="Phường Máy Chai")
    assert profile.governing_body == "Ủy ban nhân dân phường Máy Chai"
    assert profile.locale.language_code == "vi"


def test_unit_profile_create_form_requires_a_name(editor, vi):
    response = editor.post(
        reverse("wagtailsnippets_wagtail_ward_unitprofile:add") + "?locale=vi",
        {"name": "", "governing_body": "Ủy ban"},
    )
    assert response.status_code == 200
    assert not UnitProfile.objects.filter(governing_body="Ủy ban").exists()


# Pages


def test_create_and_publish_a_content_page_in_the_admin(editor, home):
    add_url = reverse("wagtailadmin_pages:add", args=["wagtail_ward", "contentpage", home.pk])
    form = editor.get(add_url)
    assert form.status_code == 200
    # The script that holds a publish until Wagtail's autosave has answered (tests/browser).
    assert 'src="/static/wagtail_ward/js/publish_after_autosave.js"' in form.content.decode()
    data = nested_form_data(
        {
            "title": "Thủ tục hành chính",
            "slug": "thu-tuc-hanh-chinh",
            "intro": "Các thủ tục tại bộ phận một cửa.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Danh mục thủ tục được cập nhật.</p>")),
                    ("heading", {"text": "Giờ làm việc", "level": "h2"}),
                ]
            ),
            "show_in_menus": "on",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = editor.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors

    page = ContentPage.objects.get(slug="thu-tuc-hanh-chinh")
    assert page.live
    assert page.get_parent().pk == home.pk
    assert page.show_in_menus
    assert page.intro == "Các thủ tục tại bộ phận một cửa."
    assert [block.block_type for block in page.body] == ["paragraph", "heading"]
    assert page.locale.language_code == "vi"

    home_html = editor.get("/").content.decode()
    assert re.search(r'<a href="/thu-tuc-hanh-chinh/"[^>]*>Thủ tục hành chính</a>', home_html), (
        "the published menu page is in the navigation"
    )
    page_html = editor.get("/thu-tuc-hanh-chinh/").content.decode()
    assert "Danh mục thủ tục được cập nhật." in page_html


def test_a_draft_or_unlisted_page_is_not_in_the_navigation(editor, home):
    add_url = reverse("wagtailadmin_pages:add", args=["wagtail_ward", "contentpage", home.pk])
    common = {"intro": "", "body": streamfield([]), "comments": inline_formset([])}
    editor.post(
        add_url,
        nested_form_data(
            {**common, "title": "Bản nháp", "slug": "ban-nhap", "show_in_menus": "on"}
        ),
    )
    editor.post(
        add_url,
        nested_form_data(
            {**common, "title": "Không trong menu", "slug": "khong-menu", "action-publish": "1"}
        ),
    )
    assert not Page.objects.get(slug="ban-nhap").live
    assert Page.objects.get(slug="khong-menu").live
    html = editor.get("/").content.decode()
    assert 'href="/ban-nhap/"' not in html
    assert 'href="/khong-menu/"' not in html


# Dashboard


def test_dashboard_shows_the_visitors_panel(editor, ward_site, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 1, 1), count=12000)
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 1, 2), count=345)
    response = editor.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="wagtail-ward-visitors-title"' in html
    panel = html[html.index('id="wagtail-ward-visitors-title"') :]
    panel = panel[: panel.index("</section>")]
    assert "Lạc Viên" in panel
    assert "12,345" in panel


def test_visitors_panel_totals_each_site_apart(editor, ward_site, admin_user):
    other = make_ward_site("maychai.localhost", default=False)
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 1, 1), count=7)
    DailyVisitCount.objects.create(site=other, date=datetime.date(2026, 1, 1), count=40)
    DailyVisitCount.objects.create(site=other, date=datetime.date(2026, 1, 2), count=2)

    with CaptureQueriesContext(connection) as queries:
        rows = VisitorsPanel().get_context_data({})["sites"]

    assert {row["site"].hostname: row["total"] for row in rows} == {
        "testserver": "7",
        "maychai.localhost": "42",
    }
    assert len(queries) == 2  # the totals of every site, and the sites


# The admin in Vietnamese


def _vietnamese_of(msgid):
    """The translation of ``msgid`` in the package's compiled catalogue, or None."""
    if not CATALOGUE.exists():
        return None
    for entry in polib.mofile(str(CATALOGUE)):
        if entry.msgid == msgid and entry.msgstr:
            return entry.msgstr
    return None


def test_admin_in_vietnamese(editor, ward_site, admin_user):
    # The default: no preferred language, so LANGUAGE_CODE ("vi") applies.
    assert UserProfile.get_for_user(admin_user).preferred_language == ""
    DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 1, 1), count=12345)
    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert '<html lang="vi"' in html
    assert in_html("Cài đặt", html)  # the glossary's word for "Settings" (docs/glossary.md)
    assert not in_html('"Settings"', html)
    panel = html[html.index('id="wagtail-ward-visitors-title"') :]
    assert "12.345" in panel[: panel.index("</section>")]

    label = _vietnamese_of("ward website")
    if label is not None:
        # Capitalised by the settings menu, like Wagtail does with verbose names.
        assert in_html(label[:1].upper() + label[1:], html)

    form = editor.get(settings_url(ward_site)).content.decode()
    assert "Lưu" in form  # Wagtail's Vietnamese for "Save"
