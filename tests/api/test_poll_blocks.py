"""Poll blocks in page bodies cost a fixed number of queries in API listings: the polls, their
answers and their totals are loaded once for the whole listing (``api.streams``)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ContentPageFactory, NewsIndexPageFactory, NewsPageFactory
from wagtail_ward.models import PollTotal, ResultsVisibility
from wagtail_ward.polls.presets import create_poll_from_preset

URLS = {
    "pages": "/api/v2/pages/?type=wagtail_ward.ContentPage&fields=*&limit=100",
    "news": "/api/v2/news/?fields=*&limit=100",
}


def _add(home, news_index, vi, start, count):
    for n in range(start, start + count):
        # Each page its own poll, its results public and counted: an N+1 would show.
        poll = create_poll_from_preset(
            "satisfaction", vi, results_visibility=ResultsVisibility.ALWAYS
        )
        PollTotal.objects.create(poll_key=poll.translation_key, choice_key="hai-long", votes=n)
        ContentPageFactory(
            parent=home, title=f"Trang {n}", slug=f"trang-{n}", body=[("poll", {"poll": poll})]
        )
        NewsPageFactory(
            parent=news_index,
            title=f"Tin {n}",
            slug=f"tin-{n}",
            body=[("paragraph", "<p>Ý kiến</p>"), ("poll", {"poll": poll})],
        )


def _count(client, url):
    client.get(url)  # the site's caches are filled by the first reader
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries), response.json()["items"]


@pytest.mark.slow
def test_poll_blocks_cost_the_same_for_3_and_15_pages(client, home, vi, settings):
    settings.WAGTAILAPI_LIMIT_MAX = 100
    news_index = NewsIndexPageFactory(parent=home)
    _add(home, news_index, vi, 0, 3)
    small = {name: _count(client, url)[0] for name, url in URLS.items()}
    _add(home, news_index, vi, 3, 12)  # a query per page or poll would show as 12 more
    large, items = {}, {}
    for name, url in URLS.items():
        large[name], items[name] = _count(client, url)
    assert large == small, (small, large)
    assert len(items["pages"]) == 15 and len(items["news"]) == 15

    # What the listing gives is the poll itself, with its answers and counted results.
    by_title = {item["title"]: item for item in items["pages"]}
    poll = by_title["Trang 7"]["body"][0]["value"]["poll"]
    assert poll["question"].startswith("Quý vị có hài lòng")
    assert [choice["key"] for choice in poll["choices"]][:2] == ["rat-hai-long", "hai-long"]
    assert poll["results"]["total"] == 7
    assert poll["results"]["choices"][1] == {
        "key": "hai-long",
        "label": "Hài lòng",
        "count": 7,
        "percent": 100,
    }
    news = {item["title"]: item for item in items["news"]}["Tin 0"]
    assert news["body"][1]["value"]["poll"]["results"]["total"] == 0
