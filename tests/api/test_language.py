"""One language rule for every endpoint: ``?locale=``, else the site's default (Vietnamese).

The data, the labels made on the server (day names, sessions, statuses) and the messages all
follow it, whatever the client's ``Accept-Language``; an unknown ``?locale=`` is a 404 JSON
answer naming ``locale``.
"""

import pytest
import time_machine
from django.db import transaction
from django.utils import translation

from tests.factories import (
    MONDAY,
    NewsIndexPageFactory,
    NewsPageFactory,
    make_schedule,
    make_schedule_index,
    translate,
)
from tests.procedures.builders import build_site, make_procedure_index
from tests.training.builders import make_programme, make_training_index
from wagtail_ward.models import WardSettings

TUESDAY = "2015-08-04"


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The pages in both languages, built once for this module (the tests only read them) and
    rolled back after it; each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = build_site()
        settings = WardSettings.for_site(home.get_site())
        settings.parent_unit_url = "https://quan.example.gov.vn/"
        settings.phone = "0225 3551 206"
        settings.email = "ubnd@example.gov.vn"
        settings.save()
        schedule_index = make_schedule_index(home)
        schedule = make_schedule(schedule_index, entries=1)
        translate(schedule_index, {"Lịch công tác": "Work schedule"})
        english_schedule = translate(schedule)
        news_index = NewsIndexPageFactory(parent=home)
        article = NewsPageFactory(parent=news_index, title="Tin phường", slug="tin-phuong")
        translate(news_index, {"Tin tức": "News"})
        translate(article, {"Tin phường": "Ward news"})
        programme = make_programme(make_training_index(home))
        make_procedure_index(home)
        yield {"schedule": schedule, "english_schedule": english_schedule, "programme": programme}
        transaction.set_rollback(True)


@pytest.fixture
def pages(built, db):
    return built


def get(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), url
    return response.json()


def test_the_schedule_covering_a_day_speaks_the_language_asked_for(client, pages):
    english = get(client, f"/api/v2/schedules/covering/?date={TUESDAY}&locale=en")
    assert english["id"] == pages["english_schedule"].pk
    assert english["days"][0]["long_date"] == "Monday, 03/08/2015"
    assert english["days"][0]["entries"][0]["session_label"] == "Morning"

    for headers in [{}, {"HTTP_ACCEPT_LANGUAGE": "en"}]:
        vietnamese = get(client, f"/api/v2/schedules/covering/?date={TUESDAY}", **headers)
        assert vietnamese["id"] == pages["schedule"].pk, headers
        assert vietnamese["meta"]["locale"] == "vi"
        assert vietnamese["days"][0]["long_date"] == "Thứ hai, 03/08/2015"
        assert vietnamese["days"][0]["entries"][0]["session_label"] == "Sáng"

    entries = get(client, f"/api/v2/schedules/entries/?from={MONDAY}&locale=en")
    assert [item["schedule"]["id"] for item in entries["items"]] == [pages["english_schedule"].pk]
    assert entries["items"][0]["session_label"] == "Morning"
    entries = get(client, f"/api/v2/schedules/entries/?from={MONDAY}")
    assert [item["schedule"]["id"] for item in entries["items"]] == [pages["schedule"].pk]
    assert entries["items"][0]["session_label"] == "Sáng"


def test_labels_and_messages_follow_locale_not_the_client(client, pages):
    url = f"/api/v2/training/{pages['programme'].pk}/?fields=status"
    with time_machine.travel("2012-03-15 09:00 +07:00", tick=False):
        assert get(client, url + "&locale=en")["status"]["label"] == "Open for applications"
        vietnamese = get(client, url, HTTP_ACCEPT_LANGUAGE="en")
        assert vietnamese["status"]["label"] == "Đang nhận hồ sơ"
    with translation.override("vi"):
        expected = translation.gettext("“%(name)s” must be one of: %(choices)s.") % {
            "name": "search_operator",
            "choices": "and, or",
        }
    message = get(client, "/api/v2/news/?search_operator=xor", 400, HTTP_ACCEPT_LANGUAGE="en")
    english = get(client, "/api/v2/news/?search_operator=xor&locale=en", 400)
    assert english["message"] == "“search_operator” must be one of: and, or."
    assert message["message"] == expected != english["message"]


def test_site_info_and_listings_in_vietnamese_and_english(client, pages):
    assert get(client, "/api/ward/site-info/?locale=en")["date"]["long"].startswith(
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    )
    default = get(client, "/api/ward/site-info/", HTTP_ACCEPT_LANGUAGE="en")
    assert default["locale"] == "vi"
    assert default["date"]["long"].startswith(("Thứ", "Chủ nhật"))
    news = get(client, "/api/v2/news/?locale=en&fields=title")
    assert [item["title"] for item in news["items"]] == ["Ward news"]
    news = get(client, "/api/v2/news/?locale=vi&fields=title")
    assert [item["title"] for item in news["items"]] == ["Tin phường"]
    for endpoint in ["schedules", "training", "procedures", "pages"]:
        for code in ["vi", "en"]:
            listing = get(client, f"/api/v2/{endpoint}/?locale={code}")
            assert {item["meta"]["locale"] for item in listing["items"]} <= {code}, endpoint


UNKNOWN = [
    "/api/ward/site-info/?locale=fr",
    "/api/v2/pages/?locale=fr",
    "/api/v2/news/?locale=fr",
    "/api/v2/schedules/?locale=fr",
    f"/api/v2/schedules/covering/?date={TUESDAY}&locale=fr",
    "/api/v2/schedules/entries/?locale=fr",
    "/api/v2/training/?locale=fr",
    "/api/v2/procedures/?locale=fr",
    "/api/v2/images/?locale=fr",
    "/api/v2/documents/?locale=fr",
]


def test_an_unknown_locale_is_a_404_naming_it_everywhere(client, pages):
    for url in UNKNOWN:
        data = get(client, url, 404)
        assert data["parameter"] == "locale", url
        assert "fr" in data["message"], url
    assert get(client, "/api/v2/news/?locale=v%00i", 400)["parameter"] == "locale"
