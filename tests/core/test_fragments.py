"""Fragments of every page cached between requests: header, footer, title, language links.

What a visitor sees is never older than the published content: each test reads a page (so its
fragments are cached), changes something as an editor would, and reads again.
"""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_delete
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client

from tests.factories import ContentPageFactory
from tests.html import texts
from wagtail_ward.fragments import bump_content_version, content_version
from wagtail_ward.models import ContentVersion, DailyVisitCount, PollVote, UnitProfile, WardSettings


def select(client, url, selector):
    return texts(client.get(url), selector)


def token():
    return ContentVersion.objects.get(pk=1).token


def test_settings_and_profile_changes_show_on_cached_pages(client, ward_site):
    footer = " ".join(select(client, "/", "footer"))
    assert "0225 3551 206" in footer
    settings = WardSettings.for_site(ward_site)
    settings.phone = "0225 3999 999"
    settings.save()
    assert "0225 3999 999" in " ".join(select(client, "/", "footer"))
    profile = UnitProfile.objects.get(pk=settings.profile_id)
    profile.name = "Phường Lạc Viên mới"
    profile.governing_body = "Ủy ban nhân dân phường Lạc Viên mới"
    profile.save()
    assert select(client, "/", ".ward-unit-name") == ["Ủy ban nhân dân phường Lạc Viên mới"]
    assert select(client, "/", "title")[0].endswith("Phường Lạc Viên mới")


def test_menu_changes_show_on_cached_pages(client, home):
    page = ContentPageFactory(parent=home, title="Giới thiệu", show_in_menus=True)
    other = ContentPageFactory(parent=home, title="Thủ tục")
    assert "Giới thiệu" in select(client, "/", ".ward-nav a")
    assert "Giới thiệu" in select(client, other.url, ".ward-nav a")
    page.move(other, pos="last-child")  # no longer under the home page: out of the menu
    assert "Giới thiệu" not in select(client, "/", ".ward-nav a")
    ContentPageFactory(parent=home, title="Liên hệ", show_in_menus=True)
    assert "Liên hệ" in select(client, "/", ".ward-nav a")


def test_the_header_date_turns_at_midnight_in_vietnam(client, home, time_machine):
    evening = datetime.datetime(2026, 11, 27, 16, 59, tzinfo=datetime.UTC)  # 23:59 in Vietnam
    time_machine.move_to(evening, tick=False)
    assert select(client, "/", ".ward-date") == ["Thứ sáu, 27/11/2026"]
    time_machine.move_to(evening + datetime.timedelta(minutes=2), tick=False)
    assert select(client, "/", ".ward-date") == ["Thứ bảy, 28/11/2026"]


def test_a_rolled_back_change_keeps_the_token(home, django_capture_on_commit_callbacks):
    before = content_version()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ContentPageFactory(parent=home, title="Sẽ bị hủy")
        assert token() == before  # until the commit, readers see the old token
        raise RuntimeError("rolled back")
    assert callbacks == []
    assert token() == before


def test_drafts_locks_votes_and_visits_keep_the_token(
    client, home, ward_site, django_capture_on_commit_callbacks
):
    page = ContentPageFactory(parent=home, title="Trang")
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        page.title = "Bản nháp"
        page.save_revision()
        page.locked = True
        page.save(update_fields=["locked"])
        DailyVisitCount.objects.create(site=ward_site, date=datetime.date(2026, 1, 1), count=3)
    assert token() == before
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert token() != before


def test_signals_are_connected_per_model_so_other_deletes_stay_fast():
    # A receiver without a sender would turn off Django's fast delete for every model.
    assert not post_delete.has_listeners(PollVote)
    assert not post_delete.has_listeners(DailyVisitCount)
    assert post_delete.has_listeners(WardSettings)


def test_the_token_row_is_made_when_missing(db, django_capture_on_commit_callbacks):
    ContentVersion.objects.all().delete()
    first = content_version()
    assert ContentVersion.objects.get().token == first
    with django_capture_on_commit_callbacks(execute=True):
        assert bump_content_version() is None  # written when the transaction commits
        assert token() == first
    assert token() != first


def test_the_side_poll_is_never_cached(ward_site, home):
    from wagtail_ward.polls.presets import create_poll_from_preset

    poll = create_poll_from_preset("dossier_timeliness", home.locale)
    settings = WardSettings.for_site(ward_site)
    settings.side_poll = poll
    settings.save()
    first, second = Client(), Client()
    forms = [
        BeautifulSoup(client.get("/").content.decode(), "html.parser").select_one(
            ".ward-side .ward-poll__form"
        )
        for client in (first, second)
    ]
    assert all(forms)
    # The same form for every reader (no CSRF token): each one's state comes from poll.js.
    assert forms[0].select_one("[name=csrfmiddlewaretoken]") is None
    assert str(forms[0]) == str(forms[1])
    settings.side_poll = None
    settings.save()
    assert poll.question not in first.get("/").content.decode()


def test_the_tag_needs_a_name():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load wagtail_ward_tags %}{% ward_cache %}x{% endward_cache %}")


def test_without_a_request_the_fragment_is_rendered_each_time(db):
    template = Template(
        '{% load wagtail_ward_tags %}{% ward_cache "part" %}{{ n }}{% endward_cache %}'
    )
    assert template.render(Context({"n": 1})) == "1"
    assert template.render(Context({"n": 2})) == "2"


def test_the_refresh_command_retires_cached_fragments(
    client, home, django_capture_on_commit_callbacks
):
    client.get("/")
    before = content_version()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("refresh_page_fragments", stdout=out)
    assert token() != before
    assert "retired" in out.getvalue()
