"""The admin in Vietnamese: every string of the installed Wagtail and wagtail-localize, the
JavaScript catalogue, the glossary's words, dd/mm/yyyy dates, weeks from Monday, 1.234."""

import datetime
import json
import re

import pytest
from django import forms
from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation
from django.utils.timesince import timesince
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from wagtail_ward.admin_locale.coverage import counts, covered_apps, missing

# The admin apps a ward install uses (tests/settings.py installs each): their strings must all
# be covered, whichever Wagtail version this leg of the matrix installed.
EXPECTED_APPS = {
    "wagtailadmin",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailsnippets",
    "wagtailusers",
    "wagtailsites",
    "wagtaillocales",
    "wagtailsettings",
    "wagtailredirects",
    "wagtailsearch",
    "wagtailembeds",
    "wagtailforms",
    "wagtailtableblock",
    "wagtail_localize",
}


def test_every_string_of_the_installed_admin_has_vietnamese():
    assert {app.label for app in covered_apps()} >= EXPECTED_APPS
    # Both domains are read: the admin's JavaScript strings too (wagtailadmin, wagtail_localize).
    assert counts()[("wagtailadmin", "djangojs")] > 50
    assert counts()[("wagtailadmin", "django")] > 800
    lacking = missing("vi")
    report = "\n".join(
        f"{label} ({domain}): {entry.msgid!r}"
        for (label, domain), entries in sorted(lacking.items())
        for entry in entries
    )
    assert not lacking, (
        "Admin strings without Vietnamese (`make admin-messages` lists them; translate them in "
        "wagtail_ward/admin_locale/vi/ and run `make messages`):\n" + report
    )


@pytest.mark.parametrize(
    ("msgid", "vietnamese"),
    [
        ("Sites", "Website"),
        ("Settings", "Cài đặt"),
        ("Promote", "Hiển thị và tìm kiếm"),
        ("Snippets", "Nội dung dùng chung"),
        ("Save draft", "Lưu bản nháp"),
        ("Forgotten password?", "Quên mật khẩu?"),
        ("Images", "Hình ảnh"),
        ("Documents", "Tài liệu"),
        ("Reports", "Báo cáo"),
        ("Help", "Trợ giúp"),
    ],
)
def test_the_glossary_words_win_over_wagtails_own(msgid, vietnamese):
    with translation.override("vi"):
        assert translation.gettext(msgid) == vietnamese


def test_a_chooser_names_the_model_after_the_verb():
    with translation.override("vi"):
        label = translation.gettext("Choose %(object)s") % {"object": "lãnh đạo"}
    assert label == "Chọn lãnh đạo"


def _catalogue(response):
    match = re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S)
    assert match, "no catalogue in the response"
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_the_admin_loads_the_vietnamese_javascript_catalogue_after_wagtails(editor):
    page = editor.get(reverse("wagtailadmin_home")).content.decode()
    ours = reverse("wagtail_ward:admin_javascript_catalogue")
    wagtails = reverse("wagtailadmin_javascript_catalog")
    assert f'<script src="{ours}">' in page
    assert page.index(f'src="{wagtails}"') < page.index(f'src="{ours}"')

    upstream = _catalogue(editor.get(wagtails))
    served = _catalogue(editor.get(ours))
    # Every JavaScript string of the admin, in the glossary's words where Wagtail's differ.
    assert len(served) > len(upstream)
    assert served["Settings"] == "Cài đặt"
    assert served["Choose a page"] == "Chọn trang"


@pytest.mark.django_db
def test_the_translation_editor_loads_it_after_wagtail_localizes_own():
    source = get_template("wagtail_localize/admin/edit_translation.html").template.source
    assert "wagtail_ward:admin_javascript_catalogue" in source
    assert "{{ block.super }}" in source


def test_dates_are_entered_as_the_office_writes_them():
    with translation.override("vi"):
        date = AdminDateInput()
        moment = AdminDateTimeInput()
        assert date.get_config() == {"dayOfWeekStart": 1, "format": "d/m/Y"}
        assert moment.get_config()["dayOfWeekStart"] == 1
        assert date.format_value(datetime.date(2026, 12, 7)) == "07/12/2026"
        assert moment.format_value(datetime.datetime(2026, 12, 7, 8, 30)) == "07/12/2026 08:30"


def test_a_date_typed_as_dd_mm_yyyy_is_read_as_such():
    class Form(forms.Form):
        day = forms.DateField(widget=AdminDateInput())

    with translation.override("vi"):
        form = Form(data={"day": "07/12/2026"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == datetime.date(2026, 12, 7)


def test_numbers_are_grouped_the_vietnamese_way():
    with translation.override("vi"):
        assert intcomma(1234567) == "1.234.567"
    with translation.override("en"):
        assert intcomma(1234567) == "1,234,567"


def test_how_long_ago_reads_in_vietnamese():
    """Lists of pages and revisions say "5 phút trước"; Django's catalogue lacks the units."""
    now = datetime.datetime(2026, 12, 7, 8, 30)
    with translation.override("vi"):
        assert timesince(now - datetime.timedelta(minutes=5), now) == "5\xa0phút"
        assert timesince(now - datetime.timedelta(days=3), now) == "3\xa0ngày"
