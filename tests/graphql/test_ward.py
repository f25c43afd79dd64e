"""GraphQL (wagtail-ward[graphql]): the snippets, the public polls and the site info with the
REST names and values, and refused arguments as GraphQL errors with the REST message."""

import pytest

pytest.importorskip("grapple", reason="wagtail-grapple is not installed (wagtail-ward[graphql])")

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from grapple.schema import schema  # noqa: E402

from tests.factories import LeaderFactory, NewsCategoryFactory  # noqa: E402
from tests.families import NewsPage  # noqa: E402
from tests.graphql.helpers import as_rest_keeps, ask, selection  # noqa: E402
from wagtail_ward.graphql.schema import field_stem  # noqa: E402
from wagtail_ward.models import ResultsVisibility  # noqa: E402
from wagtail_ward.polls.presets import create_poll_from_preset  # noqa: E402
from wagtail_ward.procedures.models import Agency, ProcedureSector  # noqa: E402


def test_the_snippets_in_the_language_asked(client, vi, en):
    category = NewsCategoryFactory(name="Thông báo", slug="thong-bao", locale=vi)
    NewsCategoryFactory(name="Notices", slug="notices", locale=en)
    leader = LeaderFactory(name="Nguyễn Văn A", position="Chủ tịch UBND phường", locale=vi)
    sector = ProcedureSector.objects.create(name="Hộ tịch", slug="ho-tich", locale=vi)
    agency = Agency.objects.create(
        name="UBND phường", address="2 Lạch Tray", phone="0225 3551 206", locale=vi
    )
    query = """{
      ward_news_categories { id name slug }
      en: ward_news_categories(locale: "en") { name }
      ward_leaders { id name position }
      ward_procedure_sectors { id name slug }
      ward_agencies { id name address phone }
    }"""
    data, errors = ask(client, query)
    assert errors is None, errors
    assert data == {
        "ward_news_categories": [{"id": category.pk, "name": "Thông báo", "slug": "thong-bao"}],
        "en": [{"name": "Notices"}],
        "ward_leaders": [leader.api_representation()],
        "ward_procedure_sectors": [sector.api_representation()],
        "ward_agencies": [
            {
                "id": agency.pk,
                "name": "UBND phường",
                "address": "2 Lạch Tray",
                "phone": "0225 3551 206",
            }
        ],
    }
    assert leader.api_representation()["position"] == "Chủ tịch UBND phường"


@pytest.fixture
def poll(home, vi):
    return create_poll_from_preset(
        "dossier_timeliness",
        vi,
        results_visibility=ResultsVisibility.ALWAYS,
        public_for_headless=True,
    )


def test_a_public_poll_as_rest_gives_it(client, poll, vi):
    hidden = create_poll_from_preset("dossier_timeliness", vi)  # shown nowhere public
    fields = selection(schema, "WardPoll")
    query = f"{{ ward_poll(id: {poll.pk}) {fields} hidden: ward_poll(id: {hidden.pk}) {{ id }} "
    query += "ward_polls { id question choices { key label } } }"
    data, errors = ask(client, query)
    assert errors is None, errors
    rest = client.get(f"/api/ward/polls/{poll.pk}/").json()
    answer = data["ward_poll"]
    assert set(answer) == set(rest)
    assert answer == as_rest_keeps(rest, answer)
    assert answer["has_voted"] is False
    assert answer["results"]["total"] == 0
    assert answer["choices"][0] == {
        "key": poll.choices.first().key,
        "label": poll.choices.first().label,
    }
    assert data["hidden"] is None
    assert data["ward_polls"] == [
        {"id": poll.pk, "question": poll.question, "choices": answer["choices"]}
    ]


def test_the_polls_listing_costs_the_same_queries_for_one_poll_and_four(client, home, vi):
    query = "{ ward_polls { id question status choices { key label } results } }"

    def count():
        with CaptureQueriesContext(connection) as queries:
            data, errors = ask(client, query)
        assert errors is None, errors
        return len(queries), len(data["ward_polls"])

    def add(number):
        for _ in range(number):
            create_poll_from_preset(
                "dossier_timeliness", vi, results_visibility="always", public_for_headless=True
            )

    add(1)
    small = count()
    add(3)
    assert count() == (small[0], 4)


def test_the_site_info_as_rest_gives_it(client, ward_site):
    fields = selection(schema, "WardSiteInfo")
    data, errors = ask(client, f'{{ ward_site_info(locale: "en") {fields} }}')
    assert errors is None, errors
    rest = client.get("/api/ward/site-info/?locale=en").json()
    answer = data["ward_site_info"]
    assert set(answer) == set(rest)
    assert answer == as_rest_keeps(rest, answer)
    assert answer["site"] == {"id": ward_site.pk, "hostname": "testserver", "name": "Lạc Viên"}
    assert answer["locale"] == "en"
    assert answer["unit"]["phone"] == "0225 3551 206"
    assert answer["navigation"][0]["kind"] == "home"


def test_refused_arguments_are_errors_with_the_rest_message(client, home):
    rest = client.get(f"/api/v2/pages/?type={NewsPage._meta.label}&locale=xx").json()
    news = f"ward_{field_stem(NewsPage)}"
    data, errors = ask(client, f'{{ {news}s(locale: "xx") {{ items {{ id }} }} }}')
    assert data == {f"{news}s": None}
    # The REST message, in the site's default language as REST answers an unknown ?locale=.
    assert errors[0]["message"] == rest["message"] == "Không tìm thấy ngôn ngữ: xx."
    assert errors[0]["extensions"] == {"status": 404, "parameter": "locale"}
    data, errors = ask(client, f'{{ {news}s(locale: "en", offset: -1) {{ items {{ id }} }} }}')
    assert errors[0]["extensions"] == {"status": 400, "parameter": "offset"}
    assert "offset" in errors[0]["message"]
    data, errors = ask(client, '{ ward_leaders(locale: "xx") { id } }')
    assert errors[0]["extensions"] == {"parameter": "locale"}
    data, errors = ask(client, f"{{ {news}(id: 999999) {{ id }} ward_poll(id: -3) {{ id }} }}")
    assert errors is None
    assert data == {news: None, "ward_poll": None}
