"""A poll answers only where it is shown: on a published page anyone may read, in the side
column of a site, or when the editor marks it public for other websites and apps.

Every other poll (only on a draft, private or expired page, under a restricted section, or on no
page at all) answers 404 to the JSON detail and vote endpoints and to the HTML form, and takes
no vote."""

import datetime
import json

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import include, path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.factories import ContentPageFactory
from wagtail_ward.models import Poll, PollVote, ResultsVisibility, WardSettings
from wagtail_ward.params import MAX_JSON_DEPTH
from wagtail_ward.polls.presets import create_poll_from_preset, preset_english

TOKEN = "w" * 43
NOT_FOUND = "There is no public poll with this number."


@pytest.fixture
def hidden_poll(ward_site, vi):
    """A poll on no page yet; each test puts it where it wants."""
    return create_poll_from_preset(
        "dossier_timeliness", vi, results_visibility=ResultsVisibility.ALWAYS
    )


def _page_with(parent, poll, **kwargs):
    return ContentPageFactory(parent=parent, body=[("poll", {"poll": poll})], **kwargs)


def _detail(client, poll, **headers):
    return client.get(
        reverse("wagtail_ward:poll_api", args=[poll.pk]), headers={"X-Ward-Voter": TOKEN, **headers}
    )


def _api_vote(client, poll, **headers):
    return client.post(
        reverse("wagtail_ward:poll_api_vote", args=[poll.pk]),
        data=json.dumps({"choice": "dung-han"}),
        content_type="application/json",
        headers={"X-Ward-Voter": TOKEN, **headers},
    )


def _form_vote(client, poll, fetch=False):
    return client.post(
        reverse("wagtail_ward:poll_vote", args=[poll.pk]),
        {"choice": "dung-han", "next": "/"},
        headers={"X-Requested-With": "fetch"} if fetch else {},
    )


def _in(lang, msgid):
    with translation.override(lang):
        return gettext(msgid)


def _draft(home, poll):
    _page_with(home, poll, live=False)


def _private(home, poll):
    page = _page_with(home, poll)
    PageViewRestriction.objects.create(page=page, restriction_type="login")


def _password_section(home, poll):
    section = ContentPageFactory(parent=home, title="Nội bộ")
    PageViewRestriction.objects.create(
        page=section, restriction_type="password", password="ubnd-phuong"
    )
    _page_with(section, poll)


def _expired_by_date(home, poll):
    """Past its expiry time, before ``publish_scheduled`` has unpublished it."""
    _page_with(home, poll, expire_at=timezone.now() - datetime.timedelta(hours=1))


def _expired_and_unpublished(home, poll):
    """What ``publish_scheduled`` leaves: no longer live, marked expired."""
    page = _page_with(home, poll, expire_at=timezone.now() - datetime.timedelta(days=2))
    page.unpublish()
    type(page).objects.filter(pk=page.pk).update(expired=True)


def _nowhere(home, poll):
    pass


def _only_in_a_draft_of_a_published_page(home, poll):
    """The published page has no poll; only its unpublished draft has one."""
    page = ContentPageFactory(parent=home, title="Ý kiến")
    page.body = [("poll", {"poll": poll})]
    page.save_revision()


HIDDEN = {
    "draft page": _draft,
    "private page": _private,
    "page under a restricted section": _password_section,
    "page past its expiry time": _expired_by_date,
    "expired page": _expired_and_unpublished,
    "draft of a published page": _only_in_a_draft_of_a_published_page,
    "no page": _nowhere,
}


@pytest.mark.parametrize("where", list(HIDDEN), ids=list(HIDDEN))
def test_a_poll_not_shown_anywhere_public_answers_404_and_takes_no_vote(
    where, hidden_poll, home, visitor
):
    HIDDEN[where](home, hidden_poll)
    client = visitor()
    for response in (_detail(client, hidden_poll), _api_vote(client, hidden_poll)):
        assert response.status_code == 404
        assert response["Content-Type"] == "application/json"
        assert response.json() == {"code": "not_found", "message": _in("vi", NOT_FOUND)}
    assert _form_vote(client, hidden_poll).status_code == 404
    assert _form_vote(client, hidden_poll, fetch=True).status_code == 404
    assert PollVote.objects.count() == 0


# A site may serve the ward URLs under its language prefixes (/en/api/ward/polls/...): the
# request's language is then the prefix's.
urlpatterns = i18n_patterns(path("", include("wagtail_ward.urls")), prefix_default_language=False)


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_404_message_is_in_the_requests_language(hidden_poll, visitor, lang):
    client = visitor()
    with translation.override(lang):
        urls = [
            reverse(f"wagtail_ward:{name}", args=[hidden_poll.pk])
            for name in ("poll_api", "poll_api_vote")
        ]
    assert urls[0] == ("/en" if lang == "en" else "") + f"/api/ward/polls/{hidden_poll.pk}/"
    responses = [
        client.get(urls[0]),
        client.post(
            urls[1], data="{}", content_type="application/json", headers={"X-Ward-Voter": TOKEN}
        ),
    ]
    for response in responses:
        assert response.status_code == 404
        assert response["Content-Language"] == lang
        assert response.json()["message"] == _in(lang, NOT_FOUND)


def test_an_unknown_poll_answers_like_a_hidden_one(hidden_poll, visitor):
    hidden_poll.public_for_headless = True
    hidden_poll.save()
    missing = Poll(pk=hidden_poll.pk + 1000)
    assert _detail(visitor(), missing).json()["code"] == "not_found"
    assert _api_vote(visitor(), missing).status_code == 404


def _live_public_page(home, poll):
    _page_with(home, poll)


def _side_poll(home, poll):
    settings = WardSettings.for_site(home.get_site())
    settings.side_poll = poll
    settings.save()


def _headless(home, poll):
    poll.public_for_headless = True
    poll.save()


def _page_expiring_later(home, poll):
    _page_with(home, poll, expire_at=timezone.now() + datetime.timedelta(days=1))


SHOWN = {
    "live public page": _live_public_page,
    "side poll of the site": _side_poll,
    "public for other websites and apps": _headless,
    "page that expires tomorrow": _page_expiring_later,
}


@pytest.mark.parametrize("where", list(SHOWN), ids=list(SHOWN))
def test_a_poll_shown_somewhere_public_answers_and_counts_votes(where, hidden_poll, home, visitor):
    SHOWN[where](home, hidden_poll)
    client = visitor()
    detail = _detail(client, hidden_poll)
    assert detail.status_code == 200
    assert detail.json()["question"] == hidden_poll.question
    assert _api_vote(client, hidden_poll).status_code == 201
    assert _form_vote(visitor(), hidden_poll).status_code == 303  # the plain form redirects
    assert _form_vote(visitor(), hidden_poll, fetch=True).status_code == 201
    assert PollVote.objects.filter(poll_key=hidden_poll.translation_key).count() == 3


def test_a_poll_in_a_private_and_a_public_page_is_public(hidden_poll, home, visitor):
    _private(home, hidden_poll)
    _live_public_page(home, hidden_poll)
    assert _api_vote(visitor(), hidden_poll).status_code == 201


def test_unpublishing_the_only_page_hides_the_poll(hidden_poll, home, visitor):
    page = _page_with(home, hidden_poll)
    assert _detail(visitor(), hidden_poll).status_code == 200
    page.unpublish()
    assert _detail(visitor(), hidden_poll).status_code == 404
    assert _api_vote(visitor(), hidden_poll).status_code == 404


def test_removing_the_poll_from_the_published_page_hides_it(hidden_poll, home, visitor):
    page = _page_with(home, hidden_poll)
    page.body = []
    page.save_revision().publish()
    assert _detail(visitor(), hidden_poll).status_code == 404


def test_the_english_translation_is_public_when_the_vietnamese_poll_is_on_a_page(
    hidden_poll, home, translate, visitor
):
    english = translate(hidden_poll, preset_english())
    assert _detail(visitor(), english).status_code == 404
    _live_public_page(home, hidden_poll)
    response = _api_vote(visitor(), english)
    assert response.status_code == 201
    # Without ?locale= the answer is in the site's default language (tests/polls/test_api_language)
    assert response.json()["poll"]["locale"] == "vi"
    assert _form_vote(visitor(), english).status_code == 303
    assert PollVote.objects.filter(poll_key=hidden_poll.translation_key).count() == 2


def test_the_vietnamese_poll_is_public_when_only_its_english_translation_is_on_a_page(
    hidden_poll, home, translate, visitor
):
    english = translate(hidden_poll, preset_english())
    english_home = translate(home)
    _page_with(english_home, english)
    assert _detail(visitor(), hidden_poll).status_code == 200
    assert _api_vote(visitor(), hidden_poll).status_code == 201


def test_the_side_poll_makes_its_translation_public(hidden_poll, home, translate, visitor):
    english = translate(hidden_poll, preset_english())
    _side_poll(home, hidden_poll)
    assert _api_vote(visitor(), english).status_code == 201


def test_public_for_other_websites_is_shared_by_every_translation(hidden_poll, translate, visitor):
    english = translate(hidden_poll, preset_english())
    _headless(None, hidden_poll)
    english.refresh_from_db()
    assert english.public_for_headless is True
    assert _detail(visitor(), english).status_code == 200


def test_the_public_check_costs_one_query_however_many_pages(hidden_poll, home, vi):
    others = [
        create_poll_from_preset("dossier_timeliness", vi, results_visibility="always")
        for _n in range(3)
    ]
    section = ContentPageFactory(parent=home, title="Nội bộ")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    for poll in others:
        _page_with(section, poll)
        _page_with(home, poll, live=False)
    _page_with(home, hidden_poll)
    with CaptureQueriesContext(connection) as queries:
        public = set(Poll.objects.public().values_list("pk", flat=True))
    assert public == {hidden_poll.pk}
    assert len(queries) == 1


def test_a_deeply_nested_body_gets_400_with_a_message(poll, visitor):
    nested = "[" * 100_000 + "]" * 100_000
    response = visitor().post(
        reverse("wagtail_ward:poll_api_vote", args=[poll.pk]),
        data=json.dumps({"choice": "dung-han", "extra": "PLACEHOLDER"}).replace(
            '"PLACEHOLDER"', nested
        ),
        content_type="application/json",
        headers={"X-Ward-Voter": TOKEN},
    )
    assert response.status_code == 400
    assert response.json() == {
        "code": "json",
        "message": _in("vi", "The request body is nested too deeply."),
        "parameter": "body",
    }
    assert PollVote.objects.count() == 0


def test_a_body_nested_within_the_limit_is_read(poll, visitor):
    inner = "[" * (MAX_JSON_DEPTH - 1) + "]" * (MAX_JSON_DEPTH - 1)
    response = visitor().post(
        reverse("wagtail_ward:poll_api_vote", args=[poll.pk]),
        data='{"choice": "dung-han", "extra": ' + inner + "}",
        content_type="application/json",
        headers={"X-Ward-Voter": TOKEN},
    )
    assert response.status_code == 201


def test_a_body_that_is_not_an_object_gets_400(poll, visitor):
    response = visitor().post(
        reverse("wagtail_ward:poll_api_vote", args=[poll.pk]),
        data='["dung-han"]',
        content_type="application/json",
        headers={"X-Ward-Voter": TOKEN},
    )
    assert response.status_code == 400
    assert response.json()["message"] == _in("vi", "The request body must be a JSON object.")


def test_the_editor_marks_a_poll_public_for_other_websites_in_the_poll_form(
    editor, hidden_poll, visitor
):
    url = reverse("wagtailsnippets_wagtail_ward_poll:edit", args=[hidden_poll.pk])
    form = editor.get(url).content.decode()
    assert 'name="public_for_headless"' in form
    # The editor reads the help text in the admin's language, Vietnamese here.
    assert "một website khác hoặc ứng dụng di động hiển thị cuộc thăm dò này" in form
    assert _detail(visitor(), hidden_poll).status_code == 404
    choices = list(hidden_poll.choices.all())
    response = editor.post(
        url,
        nested_form_data(
            {
                "question": hidden_poll.question,
                "description": hidden_poll.description,
                "opens_at": "",
                "closes_at": "",
                "results_visibility": "always",
                "duplicate_policy": "browser",
                "public_for_headless": "on",
                "choices": inline_formset(
                    [{"id": c.pk, "label": c.label, "key": c.key} for c in choices],
                    initial=len(choices),
                ),
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    hidden_poll.refresh_from_db()
    assert hidden_poll.public_for_headless is True
    assert _detail(visitor(), hidden_poll).status_code == 200
