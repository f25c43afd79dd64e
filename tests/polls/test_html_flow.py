"""The editor's and the visitor's way through a poll, through the real admin forms and the
plain HTML form (no JavaScript): create from a preset, place in a page or the side column,
publish, vote, see the message and the results."""

import re

from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.html import BROWSER
from wagtail_ward.models import ContentPage, Poll, PollVote, WardSettings

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _create_from_preset(editor, vi):
    url = reverse("wagtailsnippets_wagtail_ward_poll:from_preset")
    assert editor.get(url).status_code == 200
    response = editor.post(url, {"preset": "dossier_timeliness", "locale": vi.pk})
    poll = Poll.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailsnippets_wagtail_ward_poll:edit", args=[poll.pk])
    return poll


def _vote_without_js(page_url, choice, client):
    page = client.get(page_url)
    assert page.status_code == 200
    html = page.content.decode()
    # The page is every reader's (a shared cache keeps it): no CSRF token. The browser sends
    # its form with the page's Origin, which is what the vote view checks.
    assert CSRF_RE.search(html) is None
    form_action = re.search(r'<form class="ward-poll__form" method="post" action="([^"]+)"', html)
    response = client.post(
        form_action.group(1),
        {"choice": choice, "next": page_url},
        HTTP_ORIGIN="http://testserver",
    )
    return response


def test_editor_places_a_preset_poll_in_a_page_and_a_visitor_votes(editor, home, vi):
    poll = _create_from_preset(editor, vi)
    assert [c.label for c in poll.choices.all()][:2] == ["Trước hạn", "Đúng hạn"]

    # The editor sets when results are public in the real edit form, with its inline answers.
    choices = list(poll.choices.all())
    edit = editor.post(
        reverse("wagtailsnippets_wagtail_ward_poll:edit", args=[poll.pk]),
        nested_form_data(
            {
                "question": poll.question,
                "description": poll.description,
                "opens_at": "",
                "closes_at": "",
                "results_visibility": "always",
                "duplicate_policy": "browser",
                "choices": {
                    "TOTAL_FORMS": len(choices),
                    "INITIAL_FORMS": len(choices),
                    "MIN_NUM_FORMS": 0,
                    "MAX_NUM_FORMS": 1000,
                    **{
                        str(i): {"id": c.pk, "label": c.label, "key": c.key, "ORDER": i + 1}
                        for i, c in enumerate(choices)
                    },
                },
            }
        ),
    )
    assert edit.status_code == 302, edit.content.decode()[:3000]
    poll.refresh_from_db()
    assert poll.results_visibility == "always"

    # A content page with the poll in its body, created and published through the page editor.
    add_url = reverse("wagtailadmin_pages:add", args=["wagtail_ward", "contentpage", home.pk])
    response = editor.post(
        add_url,
        nested_form_data(
            {
                "title": "Ý kiến người dân",
                "slug": "y-kien",
                "intro": "Mời quý vị cho ý kiến.",
                "body": streamfield([("poll", {"poll": poll.pk})]),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContentPage.objects.get(slug="y-kien")
    assert page.live

    visitor = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.1.1.1", enforce_csrf_checks=True)
    response = _vote_without_js(page.url, "tre-hen-mot-it", visitor)
    assert response.status_code == 303
    assert response["Location"] == f"{page.url}#ward-poll-{poll.pk}"
    assert PollVote.objects.get().choice_key == "tre-hen-mot-it"

    back = visitor.get(response["Location"])
    html = back.content.decode()
    assert "ward-poll__message--success" in html
    assert 'class="ward-poll__form"' not in html  # voted: the form gives way to the results
    summary = re.search(
        r'<figcaption class="ward-poll__summary"[^>]*>(.*?)</figcaption>', html, re.S
    )
    text = " ".join(summary.group(1).split())
    assert "Trễ hẹn một ít: 1" in text and "100%" in text
    assert "Trước hạn: 0" in text


def test_side_column_poll_set_in_the_settings_form(editor, ward_site, vi, home):
    poll = _create_from_preset(editor, vi)
    settings = WardSettings.for_site(ward_site)
    url = reverse("wagtailsettings:edit", args=["wagtail_ward", "wardsettings", ward_site.pk])
    response = editor.post(
        url,
        {
            "profile": settings.profile_id,
            "phone": settings.phone,
            "email": settings.email,
            "logo": "",
            "parent_unit_url": settings.parent_unit_url,
            "sitemap_page": settings.sitemap_page_id,
            "side_poll": poll.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert WardSettings.for_site(ward_site).side_poll == poll

    visitor = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.1.1.2", enforce_csrf_checks=True)
    home_html = visitor.get("/").content.decode()
    aside = home_html.split('<aside class="ward-side"')[1].split("</aside>")[0]
    assert poll.question in aside and "Quá trễ hẹn" in aside
    response = _vote_without_js("/", "truoc-han", visitor)
    assert response.status_code == 303
    # Default visibility "after voting": the results appear for this voter only.
    voter_html = visitor.get("/").content.decode()
    assert "ward-poll__summary" in voter_html
    other = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.1.1.3")
    assert "ward-poll__summary" not in other.get("/").content.decode()


def test_a_vote_without_csrf_token_is_refused(poll, home):
    client = Client(HTTP_USER_AGENT=BROWSER, enforce_csrf_checks=True)
    response = client.post(
        reverse("wagtail_ward:poll_vote", args=[poll.pk]), {"choice": "dung-han"}
    )
    assert response.status_code == 403
    assert PollVote.objects.count() == 0


def test_next_pointing_elsewhere_is_not_followed(poll, visitor):
    client = visitor()
    response = client.post(
        reverse("wagtail_ward:poll_vote", args=[poll.pk]),
        {"choice": "dung-han", "next": "https://evil.example/"},
    )
    assert response.status_code == 303
    assert response["Location"].startswith("/#")


def test_the_editor_cannot_give_two_answers_the_same_key(editor, vi):
    response = editor.post(
        reverse("wagtailsnippets_wagtail_ward_poll:add") + "?locale=vi",
        nested_form_data(
            {
                "question": "Quý vị đến phường để làm gì?",
                "description": "",
                "opens_at": "",
                "closes_at": "",
                "results_visibility": "always",
                "duplicate_policy": "browser",
                "choices": {
                    "TOTAL_FORMS": 3,
                    "INITIAL_FORMS": 0,
                    "MIN_NUM_FORMS": 0,
                    "MAX_NUM_FORMS": 1000,
                    "0": {"label": "Đăng ký khai sinh", "key": "", "ORDER": 1},
                    "1": {"label": "Chứng thực", "key": "dang-ky-khai-sinh", "ORDER": 2},
                    "2": {"label": "Khác", "key": "", "ORDER": 3},
                },
            }
        ),
    )
    assert response.status_code == 200  # the form comes back with the error
    assert "dang-ky-khai-sinh" in response.content.decode()
    assert not Poll.objects.exists()
    formset = response.context["form"].formsets["choices"]
    assert formset.forms[1].errors["key"]


def test_the_english_page_shows_the_english_poll_and_counts_together(home, poll, translate):
    from wagtail_ward.polls.presets import preset_english

    english_poll = translate(poll, preset_english())
    page = ContentPage(title="Ý kiến", slug="y-kien", body=[("poll", {"poll": poll})])
    home.add_child(instance=page)
    page.save_revision().publish()
    english_page = translate(page, {"Ý kiến": "Opinions"})
    assert english_page.body[0].value["poll"] == english_poll  # re-pointed by wagtail-localize

    client = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.1.1.9")
    html = client.get(english_page.url).content.decode()
    assert "A little late" in html and "Trễ hẹn một ít" not in html
    assert _vote_without_js(english_page.url, "tre-hen-mot-it", client).status_code == 303
    other = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.1.1.10")
    assert _vote_without_js(page.url, "tre-hen-mot-it", other).status_code == 303
    summary = client.get(english_page.url).content.decode()
    assert "A little late: 2 votes, 100%" in " ".join(summary.split())


def test_the_message_shows_once_when_the_page_shows_the_poll_twice(poll, home, ward_site, visitor):
    settings = WardSettings.for_site(ward_site)
    settings.side_poll = poll
    settings.save()
    page = ContentPage(title="Ý kiến", slug="y-kien", body=[("poll", {"poll": poll})])
    home.add_child(instance=page)
    page.save_revision().publish()
    client = visitor()
    response = client.post(
        reverse("wagtail_ward:poll_vote", args=[poll.pk]),
        {"choice": "dung-han", "next": page.url},
    )
    assert response.status_code == 303
    # The page shows the poll twice (body and side column): the thank-you message once.
    html = client.get(page.url).content.decode()
    assert html.count("ward-poll__message--success") == 1
    assert html.count("data-ward-poll data-ward-poll-box") == 2


def test_english_pages_show_the_english_side_poll(poll, home, ward_site, translate):
    from wagtail_ward.polls.presets import preset_english

    translate(poll, preset_english())
    english_home = translate(home)
    settings = WardSettings.for_site(ward_site)
    settings.side_poll = poll  # the Vietnamese poll is chosen in the settings
    settings.save()
    client = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.1.1.11")
    aside = client.get(english_home.url).content.decode().split('<aside class="ward-side"')[1]
    assert "Your dossier was handled:" in aside and "Very late" in aside
    assert "Quá trễ hẹn" not in aside
