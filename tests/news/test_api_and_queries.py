"""The news API for headless frontends, and query counts that do not grow with the content."""

import datetime

import pytest
import wagtail_factories

from tests.factories import NewsCategoryFactory, NewsPageFactory
from tests.queries import count_page_queries


def make_articles(index, count, categories, with_images=True, start=0):
    articles = []
    for n in range(start, start + count):
        article = NewsPageFactory(
            parent=index,
            title=f"Tin số {n}",
            slug=f"tin-so-{n}",
            date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
            category=categories[n % len(categories)],
            featured=n % 7 == 0,
            featured_image=wagtail_factories.ImageFactory(title=f"Ảnh {n}")
            if with_images
            else None,
            source_name="HPĐT",
            body=[
                ("paragraph", f"<p>Đoạn văn {n}.</p>"),
                ("heading", {"text": f"Mục {n}", "level": "h2"}),
                ("quote", {"text": "Phục vụ nhân dân.", "attribution": "Chủ tịch"}),
            ],
        )
        article.tags.add("phường", f"chủ đề {n % 3}")
        article.save_revision().publish()
        articles.append(article)
    return articles


def count_queries(client, url):
    """Queries of the first reader after a change (cold) and of the next one (warm)."""
    counts, _ = count_page_queries(client, url)
    return counts


@pytest.fixture
def categories(vi):
    return [
        NewsCategoryFactory(name=name, slug=slug, locale=vi)
        for name, slug in [("Hành chính công", "hanh-chinh-cong"), ("Thông báo", "thong-bao")]
    ]


# API ---------------------------------------------------------------------------------------


def test_api_detail_gives_every_field_as_objects(client, news_index, categories):
    first, second = make_articles(news_index, 2, categories[:1])
    first.body = [
        ("paragraph", "<p>Kế hoạch đã được phê duyệt.</p>"),
        (
            "image",
            {"image": first.featured_image, "alt_text": "Lớp học", "caption": "Khai giảng"},
        ),
    ]
    first.source_url = "https://haiphong.example.vn/tin"
    first.save_revision().publish()

    data = client.get(f"/api/v2/news/{first.pk}/").json()

    assert data["title"] == "Tin số 0"
    assert data["date"] == "2024-01-01"
    assert data["lead"] == first.lead
    assert data["category"] == {
        "id": categories[0].pk,
        "name": "Hành chính công",
        "slug": "hanh-chinh-cong",
    }
    assert sorted(data["tags"]) == ["chủ đề 0", "phường"]
    assert data["featured_image"]["id"] == first.featured_image.pk
    rendition = data["featured_image_rendition"]
    assert ".fill-800x450" in rendition["url"]
    assert rendition["width"] / rendition["height"] == pytest.approx(16 / 9, rel=0.05)
    assert ".fill-320x180" in data["featured_image_thumbnail"]["url"]
    assert data["source_name"] == "HPĐT"
    assert data["source_url"] == "https://haiphong.example.vn/tin"
    blocks = {block["type"]: block["value"] for block in data["body"]}
    assert blocks["image"]["image"]["url"]
    assert blocks["image"]["caption"] == "Khai giảng"
    assert data["other_news"] == [
        {
            "id": second.pk,
            "title": second.title,
            "date": "2024-01-02",
            "lead": second.lead,
            "html_url": "http://testserver" + second.url,
        }
    ]
    assert data["meta"]["locale"] == "vi"


def test_api_listing_filters_by_type_and_locale(client, news_index, categories, translate):
    make_articles(news_index, 2, categories, with_images=False)
    english_index = translate(news_index, {"Tin tức": "News"})
    first = news_index.get_children().first().specific
    translate(first, {first.title: "Article zero"})
    english = client.get("/api/v2/news/?locale=en&fields=title,category").json()
    assert [item["title"] for item in english["items"]] == ["Article zero"]
    assert english["items"][0]["category"]["slug"] == "hanh-chinh-cong"
    assert english["items"][0]["category"]["id"] != categories[0].pk  # the English copy
    assert (
        client.get(f"/api/v2/news/?child_of={english_index.pk}").json()["meta"]["total_count"] == 1
    )
    listing = client.get("/api/v2/news/?fields=*").json()
    assert "other_news" not in listing["items"][0]  # detail only: it costs a query per item


def test_api_listing_with_every_field_has_a_fixed_query_count(client, news_index, categories):
    # 3 articles, then 15: a query per article would show as 12 more (a 100 took half a minute).
    url = "/api/v2/news/?fields=*&limit=20"
    make_articles(news_index, 3, categories)
    small = count_queries(client, url)
    make_articles(news_index, 12, categories, start=3)
    large = count_queries(client, url)
    data = client.get(url).json()
    assert len(data["items"]) == 15
    assert all(item["featured_image_rendition"]["url"] for item in data["items"])
    assert large == small, (small, large)


# Pages -------------------------------------------------------------------------------------


def test_index_page_has_a_fixed_query_count(client, news_index, categories):
    news_index.per_page = 40
    news_index.save_revision().publish()
    make_articles(news_index, 3, categories)
    small = {
        "list": count_queries(client, news_index.url),
        "category": count_queries(client, news_index.url + "category/thong-bao/"),
        "search": count_queries(client, news_index.url + "?q=tin"),
        "rss": count_queries(client, news_index.url + "rss/"),
    }
    make_articles(news_index, 12, categories, start=3)  # 15: more than the latest items' 10
    large = {
        "list": count_queries(client, news_index.url),
        "category": count_queries(client, news_index.url + "category/thong-bao/"),
        "search": count_queries(client, news_index.url + "?q=tin"),
        "rss": count_queries(client, news_index.url + "rss/"),
    }
    assert large == small


def test_article_page_has_a_fixed_query_count(client, news_index, categories):
    article = make_articles(news_index, 1, categories[:1])[0]
    make_articles(news_index, 2, categories[:1], start=1)
    small = count_queries(client, article.url)
    make_articles(news_index, 12, categories[:1], start=3)  # more than the lists show
    large = count_queries(client, article.url)
    assert large == small
    # Cached fragments (header, footer, category, picture, tags, "other news", "latest news") cost
    # nothing for the next reader: only routing, the content token and the body remain.
    assert small.warm < small.cold, small


def test_poll_in_an_article_body_is_an_object_in_the_api_and_shown_on_the_page(
    client, news_index, vi
):
    from wagtail_ward.models import ResultsVisibility
    from wagtail_ward.polls.presets import create_poll_from_preset

    poll = create_poll_from_preset(
        "dossier_timeliness", vi, results_visibility=ResultsVisibility.ALWAYS
    )
    article = NewsPageFactory(
        parent=news_index,
        body=[("paragraph", "<p>Mời quý vị cho ý kiến.</p>"), ("poll", {"poll": poll})],
    )
    data = client.get(f"/api/v2/news/{article.pk}/").json()
    poll_block = next(block for block in data["body"] if block["type"] == "poll")
    assert poll_block["value"]["poll"]["question"] == poll.question
    assert len(poll_block["value"]["poll"]["choices"]) == 4
    html = client.get(article.url).content.decode()
    assert poll.question in html
