"""The ward listing endpoint against Wagtail's stock v2 listing of the same pages, same fields.

``python -m bench api``. Uses the test settings (``DJANGO_SETTINGS_MODULE`` to override) and a
throwaway test database that is removed afterwards. Builds one ward site with ``ARTICLES`` news
articles (category, tags, a featured picture, a body with headings, paragraphs, pictures, a
quote and a table), then asks in the same run, interleaved round by round:

- ``ward``: ``/api/v2/news/?fields=<F>&limit=<n>``, the family's endpoint of
  ``ward_api_router()``, which loads the category, picture, renditions and tags in bulk;
- ``stock``: ``/bench/stock/v2/pages/?type=wagtail_ward_news.NewsPage&fields=<F>&limit=<n>``,
  Wagtail's own ``PagesAPIViewSet`` on its own ``WagtailAPIRouter``, unchanged;

where ``F`` is every listing field of the article (its ``api_fields`` less ``other_news``, which
both endpoints keep to the detail or would pay a query per article for). The answers are
checked to hold the same articles with the same values before anything is timed.

Writes ``bench/results/api.json``: median times, queries of each listing at 10 and at
``ARTICLES`` articles, and the ratios stock/ward of time and queries.
"""

import datetime
import json
import os
import statistics
import time
from pathlib import Path

ARTICLES = 100
SMALL = 10
ROUNDS = 30
RESULTS = Path(__file__).parent / "results" / "api.json"


def _build():
    import wagtail_factories
    from wagtail.models import Locale, Page, Site

    from tests.factories import WardHomePageFactory
    from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage

    vi, _ = Locale.objects.get_or_create(language_code="vi")
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    home = WardHomePageFactory(parent=Page.get_first_root_node(), slug="phuong")
    Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Phường"
    )
    images = [wagtail_factories.ImageFactory(title=f"Ảnh {n}") for n in range(5)]
    categories = [
        NewsCategory.objects.create(name=name, slug=slug, locale=vi)
        for name, slug in [("Hành chính công", "hcc"), ("Thông báo", "thong-bao")]
    ]
    index = NewsIndexPage(title="Tin tức", slug="tin-tuc", per_page=20)
    home.add_child(instance=index)
    paragraph = "<p>Người dân nộp hồ sơ trực tuyến qua <b>Cổng dịch vụ công</b>.</p>" * 3
    for n in range(ARTICLES):
        image = images[n % len(images)]
        article = NewsPage(
            title=f"Tin bài số {n}",
            slug=f"tin-{n}",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            lead="Tóm tắt tin bài.",
            category=categories[n % 2],
            featured_image=image,
            featured_image_caption="Trụ sở phường",
            source_name="HPĐT",
            source_url="https://haiphong.gov.vn/",
            body=[
                ("heading", {"text": "Nội dung", "level": "h2"}),
                ("paragraph", paragraph),
                ("image", {"image": image, "alt_text": "Lớp học", "caption": "Khai giảng"}),
                ("quote", {"text": "Phục vụ nhân dân.", "attribution": "Chủ tịch"}),
                (
                    "table",
                    {
                        "data": [["Khóa", "Thời gian"], ["1", "15 tháng"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                    },
                ),
            ],
        )
        index.add_child(instance=article)
        article.tags.add("2026", "hành chính công")
        article.save_revision().publish()


def _fields():
    from wagtail_ward.news.models import NewsPage

    return ",".join(f.name for f in NewsPage.api_fields if f.name != "other_news")


def _urls(limit):
    fields = _fields()
    return {
        "ward": f"/api/v2/news/?fields={fields}&limit={limit}&order=id",
        "stock": (
            f"/bench/stock/v2/pages/?type=wagtail_ward_news.NewsPage&fields={fields}"
            f"&limit={limit}&order=id"
        ),
    }


def _same_answers(client, urls):
    """Both listings hold the same articles with the same field values."""
    answers = {name: client.get(url) for name, url in urls.items()}
    for name, response in answers.items():
        assert response.status_code == 200, (name, response.content[:300])
    # The same values, but for the address of each router in the links (detail_url).
    ward = answers["ward"].json()["items"]
    stock = json.loads(answers["stock"].content.decode().replace("/bench/stock/v2/", "/api/v2/"))
    stock = stock["items"]
    assert [item["id"] for item in ward] == [item["id"] for item in stock]
    for name in _fields().split(","):
        assert [item[name] for item in ward] == [item[name] for item in stock], name
    return len(ward)


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def _measure(client):
    urls = _urls(ARTICLES)
    items = _same_answers(client, urls)
    queries = {name: _queries(client, url) for name, url in urls.items()}
    small = {name: _queries(client, url) for name, url in _urls(SMALL).items()}
    times = {name: [] for name in urls}
    for _ in range(ROUNDS):  # interleaved, so that machine noise hits both alike
        for name, url in urls.items():
            start = time.perf_counter()
            client.get(url)
            times[name].append(time.perf_counter() - start)
    return items, {n: statistics.median(v) for n, v in times.items()}, queries, small


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        # Wagtail's default maximum is 20 per request; both endpoints read the same setting.
        with override_settings(
            ROOT_URLCONF="bench.api_urls", WAGTAILAPI_LIMIT_MAX=ARTICLES, DEBUG=False
        ):
            _build()
            items, medians, queries, small = _measure(Client())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()

    result = {
        "articles": items,
        "fields": _fields().split(","),
        "rounds": ROUNDS,
        "median_ms": {name: round(value * 1000, 2) for name, value in medians.items()},
        "queries": queries,
        f"queries_at_{SMALL}_articles": small,
        "ratio_time_stock_to_ward": round(medians["stock"] / medians["ward"], 2),
        "ratio_queries_stock_to_ward": round(queries["stock"] / queries["ward"], 2),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
