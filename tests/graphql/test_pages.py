"""GraphQL (wagtail-ward[graphql]): every ward page type with its REST fields and values, only
live public pages, and a listing's query count fixed as it grows."""

import pytest

pytest.importorskip("grapple", reason="wagtail-grapple is not installed (wagtail-ward[graphql])")

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from grapple.schema import schema  # noqa: E402

from tests.api.builders import add_pages, make_indexes  # noqa: E402
from tests.factories import (  # noqa: E402
    CitizenQuestionsPageFactory,
    ContentPageFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    make_draft,
    make_private,
    unpublish,
)
from tests.families import (  # noqa: E402
    NewsIndexPage,
    NewsPage,
    ProcedureIndexPage,
    ProcedurePage,
    ScheduleIndexPage,
    TrainingIndexPage,
    TrainingProgrammePage,
    WeeklySchedulePage,
)
from tests.graphql.helpers import as_rest_keeps, ask, selection  # noqa: E402
from wagtail_ward.graphql.schema import field_stem  # noqa: E402
from wagtail_ward.graphql.types import page_type  # noqa: E402
from wagtail_ward.models import (  # noqa: E402
    CitizenQuestionsPage,
    ContentPage,
    OrganisationPage,
    SitemapPage,
    WardHomePage,
)

FAMILY_TYPES = [NewsPage, WeeklySchedulePage, TrainingProgrammePage, ProcedurePage]


@pytest.fixture
def indexes(home, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 500
    return make_indexes(home)


def _pages(home, indexes):
    """A live page of every ward page type, with its own fields filled."""
    add_pages(indexes, 1)
    pages = {
        WardHomePage: home,
        SitemapPage: SitemapPage.objects.get(),
        ContentPage: ContentPageFactory(parent=home, title="Giới thiệu", slug="gioi-thieu"),
        OrganisationPage: OrganisationPageFactory(parent=home),
        CitizenQuestionsPage: CitizenQuestionsPageFactory(parent=home),
        NewsIndexPage: indexes["news"],
        ScheduleIndexPage: indexes["schedule"],
        TrainingIndexPage: indexes["training"],
        ProcedureIndexPage: indexes["procedures"],
    }
    for model in FAMILY_TYPES:
        pages[model] = model.objects.get()
    return pages


# (page type, a field of its own and the value the demo-like page gives it)
OWN_VALUES = [
    (WardHomePage, "title", "Trang thông tin điện tử phường Lạc Viên"),
    (SitemapPage, "title", "Sơ đồ site"),
    (ContentPage, "intro", "Giới thiệu ngắn."),
    (OrganisationPage, "intro", "Lãnh đạo và các bộ phận của Ủy ban nhân dân phường."),
    (CitizenQuestionsPage, "per_page", 10),
    (NewsIndexPage, "per_page", 10),
    (ScheduleIndexPage, "title", "Lịch công tác"),
    (TrainingIndexPage, "meta.type", TrainingIndexPage._meta.label),
    (ProcedureIndexPage, "meta.type", ProcedureIndexPage._meta.label),
    (NewsPage, "category.slug", "thong-bao"),
    (WeeklySchedulePage, "days.0.entries.0.content", "Công việc số 1"),
    (TrainingProgrammePage, "courses.0.name", "Khóa 1"),
    (ProcedurePage, "sector.name", "Hộ tịch"),
]


def _dig(value, path):
    for part in path.split("."):
        value = value[int(part)] if part.isdigit() else value[part]
    return value


@pytest.mark.parametrize(
    ("model", "path", "expected"), OWN_VALUES, ids=[row[0].__name__ for row in OWN_VALUES]
)
def test_every_page_type_has_the_rest_fields_and_values(
    client, home, indexes, model, path, expected
):
    page = _pages(home, indexes)[model]
    stem = field_stem(model)
    fields = selection(schema, page_type(model)._meta.name)
    query = f"{{ ward_{stem}(id: {page.pk}) {fields} ward_{stem}s {{ items {{ id title }} }} }}"
    data, errors = ask(client, query)
    assert errors is None, errors
    answer = data[f"ward_{stem}"]
    rest = client.get(f"/api/v2/pages/{page.pk}/").json()
    # The same field names as the REST detail, and the same values.
    assert set(answer) == set(rest), set(answer) ^ set(rest)
    assert answer == as_rest_keeps(rest, answer)
    assert answer["title"] == page.title
    assert _dig(answer, path) == expected
    assert {"id": page.pk, "title": page.title} in data[f"ward_{stem}s"]["items"]


def test_draft_private_and_unpublished_pages_are_absent(client, admin_user, home, indexes):
    index = indexes["news"]
    live = NewsPageFactory(parent=index, title="Tin công khai")
    draft = make_draft(index, title="Tin nháp")
    private = NewsPageFactory(parent=index, title="Tin riêng tư")
    make_private(private)
    gone = unpublish(NewsPageFactory(parent=index, title="Tin đã gỡ"))
    stem = field_stem(NewsPage)
    details = " ".join(
        f"p{page.pk}: ward_{stem}(id: {page.pk}) {{ id }}" for page in (draft, private, gone)
    )
    query = f"{{ ward_{stem}s {{ meta {{ total_count }} items {{ id title }} }} {details} }}"
    data, errors = ask(client, query)
    assert errors is None, errors
    assert data[f"ward_{stem}s"]["items"] == [{"id": live.pk, "title": "Tin công khai"}]
    assert data[f"ward_{stem}s"]["meta"]["total_count"] == 1
    assert [data[f"p{page.pk}"] for page in (draft, private, gone)] == [None, None, None]
    # As REST (Wagtail's pages endpoint): a page for logged-in readers is shown to one, a draft
    # or an unpublished page to nobody.
    client.force_login(admin_user)
    data, errors = ask(client, query)
    titles = {item["title"] for item in data[f"ward_{stem}s"]["items"]}
    assert titles == {"Tin công khai", "Tin riêng tư"}
    assert data[f"p{draft.pk}"] is None and data[f"p{gone.pk}"] is None


def _listings(models):
    return (
        "{ "
        + " ".join(
            f"ward_{field_stem(model)}s(limit: 100) {{ meta {{ total_count }} items "
            f"{selection(schema, page_type(model)._meta.name)} }}"
            for model in models
        )
        + " }"
    )


def _count(client, query):
    ask(client, query)  # renditions are made by the first reader
    with CaptureQueriesContext(connection) as queries:
        data, errors = ask(client, query)
    assert errors is None, errors
    return len(queries), data


def _add_news(indexes, start, stop):
    for n in range(start, stop):
        article = NewsPageFactory(
            parent=indexes["news"],
            title=f"Tin số {n}",
            category=indexes["category"],
            featured_image=indexes["images"][n % len(indexes["images"])],
            # Three pictures and documents shared by the pages (each page's own would make 50
            # renditions: seconds, and nothing the query count does not show already).
            body=[
                ("paragraph", f"<p>Đoạn văn {n}.</p>"),
                ("image", {"image": indexes["images"][n % 3], "alt_text": "", "caption": ""}),
                ("document", {"document": indexes["documents"][n % 3], "title": ""}),
            ],
        )
        article.tags.add("phường")
        article.save()


def test_a_news_listing_with_every_field_costs_the_same_queries_for_5_and_50(client, indexes):
    query = _listings([NewsPage])
    _add_news(indexes, 0, 5)
    small, _data = _count(client, query)
    _add_news(indexes, 5, 50)
    large, data = _count(client, query)
    assert (small, large) == (small, small)
    items = data[f"ward_{field_stem(NewsPage)}s"]["items"]
    assert len(items) == 50
    category = {"id": indexes["category"].pk, "name": "Thông báo", "slug": "thong-bao"}
    assert all(item["category"] == category for item in items)
    assert all(item["tags"] == ["phường"] for item in items)
    assert ".fill-800x450" in items[0]["featured_image_rendition"]["url"]
    assert [block["type"] for block in items[0]["body"]] == ["paragraph", "image", "document"]
    assert {item["body"][1]["value"]["image"]["title"] for item in items} == {
        "Ảnh 0",
        "Ảnh 1",
        "Ảnh 2",
    }
    # No more than REST's listing of the same pages with every field, plus GraphQL's own.
    with CaptureQueriesContext(connection) as queries:
        client.get(f"/api/v2/pages/?type={NewsPage._meta.label}&fields=*&limit=100")
    assert small <= len(queries) + 1, (small, len(queries))


def test_a_listing_of_every_family_type_together_stays_fixed(client, indexes):
    query = _listings(FAMILY_TYPES)
    add_pages(indexes, 1)
    small, _data = _count(client, query)
    add_pages(indexes, 2)
    large, data = _count(client, query)
    assert large == small, (small, large)
    assert [len(data[f"ward_{field_stem(m)}s"]["items"]) for m in FAMILY_TYPES] == [3, 3, 3, 3]
