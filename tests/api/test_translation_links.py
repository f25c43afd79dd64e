"""Every ward page's ``meta.translations`` links its live, public translations.

In listings and details, on ``/api/v2/pages/`` and every family's endpoint; in one query for a
whole listing; never naming a draft, private or unpublished translation; as the OpenAPI
document describes it.
"""

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.api.builders import add_pages, make_indexes
from tests.api.test_openapi import check
from tests.factories import make_private, unpublish
from tests.families import NewsPage, ProcedurePage, TrainingProgrammePage, WeeklySchedulePage

FAMILIES = {  # endpoint: the index of make_indexes() its pages are under, and their type
    "news": ("news", NewsPage),
    "schedules": ("schedule", WeeklySchedulePage),
    "training": ("training", TrainingProgrammePage),
    "procedures": ("procedures", ProcedurePage),
}


def english(page, en, publish=True):
    """The English translation of ``page`` (and of its parents), published unless told."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        copy = page.copy_for_translation(en, copy_parents=True)
        if publish:
            copy.save_revision().publish()
    return Page.objects.get(pk=copy.pk).specific  # as published


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return response.json()


@pytest.fixture
def indexes(home, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 200
    indexes = make_indexes(home)
    add_pages(indexes, 2)
    return indexes


def pages_of(index, model=NewsPage):
    return list(index.get_descendants().live().type(model).order_by("path").specific())


def test_every_endpoint_links_the_live_public_translations(client, indexes, en, settings):
    firsts = {name: pages_of(indexes[key], model)[0] for name, (key, model) in FAMILIES.items()}
    translations = {name: english(page, en) for name, page in firsts.items()}
    news = pages_of(indexes["news"])
    draft = english(news[1], en, publish=False)
    assert not draft.live

    for name, page in firsts.items():
        translation = translations[name]
        listing = {item["id"]: item for item in get(client, f"/api/v2/{name}/?limit=50")["items"]}
        expected = {
            "en": {
                "id": translation.pk,
                # The address the endpoint gives the English page itself.
                "detail_url": listing[translation.pk]["meta"]["detail_url"],
                "html_url": translation.full_url,
            }
        }
        assert expected["en"]["html_url"].startswith("http://testserver/en/"), expected
        assert expected["en"]["detail_url"].endswith(f"/{translation.pk}/"), expected
        assert listing[page.pk]["meta"]["translations"] == expected, name
        # And back: the English page links the Vietnamese one.
        back = listing[translation.pk]["meta"]["translations"]
        assert back["vi"]["id"] == page.pk, name
        assert back["vi"]["detail_url"] == listing[page.pk]["meta"]["detail_url"], name
        detail = get(client, f"/api/v2/{name}/{page.pk}/")
        assert detail["meta"]["translations"] == expected, name
        # The generic endpoint, with and without ?type=: the pages endpoint's addresses.
        generic = get(client, f"/api/v2/pages/{page.pk}/")["meta"]["translations"]
        assert generic["en"]["detail_url"] == f"http://testserver/api/v2/pages/{translation.pk}/"
        label = type(page)._meta.label
        typed = get(client, f"/api/v2/pages/?type={label}&locale=vi&limit=50")["items"]
        assert {
            item["id"]: item["meta"]["translations"]["en"]["id"]
            for item in typed
            if item["meta"]["translations"]
        } == {page.pk: translation.pk}, name

    # A page without a live translation: an empty object (the draft is never named).
    listing = get(client, "/api/v2/news/?locale=vi")["items"]
    assert {item["id"]: item["meta"]["translations"] for item in listing}[news[1].pk] == {}
    assert get(client, f"/api/v2/pages/{news[1].pk}/")["meta"]["translations"] == {}
    everything = get(client, "/api/v2/pages/?limit=200&fields=*")["items"]
    named = {link["id"] for item in everything for link in item["meta"]["translations"].values()}
    assert {translations[name].pk for name in FAMILIES} <= named
    assert draft.pk not in named

    # A private and an unpublished translation are not named either, listing or detail. (By
    # default privacy follows translations: a project may keep it per language.)
    settings.WAGTAIL_WARD = {
        **getattr(settings, "WAGTAIL_WARD", {}),
        "PRIVACY_FOLLOWS_TRANSLATIONS": False,
    }
    make_private(translations["news"])
    unpublish(translations["schedules"])
    for name in ["news", "schedules"]:
        page = firsts[name]
        assert get(client, f"/api/v2/{name}/{page.pk}/")["meta"]["translations"] == {}, name
        listing = get(client, f"/api/v2/pages/?type={type(page)._meta.label}")["items"]
        assert {item["id"]: item["meta"]["translations"] for item in listing}[page.pk] == {}
    assert get(client, f"/api/v2/training/{firsts['training'].pk}/")["meta"]["translations"]


def test_the_translations_of_a_listing_cost_one_query_however_many_pages(client, indexes, en):
    label = NewsPage._meta.label
    urls = ["/api/v2/news/?limit=200", f"/api/v2/pages/?type={label}&limit=200&fields=*"]

    def counts():
        result = []
        for url in urls:
            client.get(url)  # renditions and caches made by the first reader
            with CaptureQueriesContext(connection) as queries:
                data = get(client, url)
            result.append(len(queries))
        return result, data

    for article in pages_of(indexes["news"]):
        english(article, en)
    add_pages(indexes, 3)
    for article in pages_of(indexes["news"])[2:]:
        english(article, en)
    small, _data = counts()
    add_pages(indexes, 10)  # 5 articles, then 15: a query per page would show as 10 more
    for article in pages_of(indexes["news"])[5:]:
        english(article, en)
    large, data = counts()
    assert large == small, (small, large)
    linked = [item for item in data["items"] if item["meta"].get("translations")]
    assert len(linked) >= 30  # the 15 articles and their 15 translations, linked both ways

    # Without meta.translations a listing costs one query less: the one query they cost.
    without = "/api/v2/news/?limit=200&fields=_,id,title"
    client.get(without)
    with CaptureQueriesContext(connection) as queries:
        items = get(client, without)["items"]
    assert "meta" not in items[0]
    assert len(queries) == small[0] - 1, (len(queries), small)


def test_the_openapi_document_describes_the_translations(client, indexes, en):
    english(pages_of(indexes["news"])[0], en)
    document = get(client, "/api/ward/openapi.json")
    meta = document["components"]["schemas"]
    for path in ["/api/v2/pages/", "/api/v2/news/"]:
        schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ]
        data = get(client, path + "?fields=*")
        assert any(item["meta"]["translations"] for item in data["items"]), path
        check(document, data, schema, path)
    news = meta[NewsPage._meta.label.replace(".", "_")]["properties"]["meta"]["properties"]
    link = news["translations"]["additionalProperties"]
    assert set(link["required"]) == {"id", "detail_url", "html_url"}
