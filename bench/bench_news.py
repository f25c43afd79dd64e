"""Render a news article and the news index, each against a plain Wagtail page with the same body.

``python -m bench news``. Uses the test settings (``DJANGO_SETTINGS_MODULE`` to override) and a
throwaway test database that is removed afterwards. Writes ``bench/results/news.json``:
median render times, the ratios to the plain page (and to the core's content page, which has the
same header, menu and side column as the article) and the query count of each page.
Targets (issue 17): every reader but the first after a change within 1.15× of the plain page,
the first reader within 1.5×.

The article and the index keep their header, footer, side lists and the parts around the body
in Django's cache between requests (``wagtail_ward.fragments``); the plain page keeps nothing.
Both figures are written: the steady state (``article``, ``index``: every reader but the first
after a change) and the first reader after a change (``…_first_reader``: another article of the
same news section is published, for real, just before the timed request, which starts after the
publish has committed: the site's content token is retired, its structure token (the header,
menu and footer) is not), ``…_after_cache_emptied``: every kept part retired, the chrome's too
(``bump_content_version()``, as a change of the settings does; no target of its own: the 1.5×
target is shown against it too), and ``article_after_other_ward_publish``: the reader after a
publish in another ward of the same install, which retires that ward's parts only
(``wagtail_ward.content_scopes``).

Both baselines are pages at the article's depth in the tree. The plain page has a bare template
(no header, menu or side column); the content page has the site's own, as every page of a ward
site does: the ratio to it is what the article's own features (category, "Các tin khác",
"Tin mới", print and e-mail links, featured picture, tags) cost.
"""

import datetime
import json
import os
import statistics
import time
from pathlib import Path

ROUNDS = 150
TARGET_RATIO = 1.15
TARGET_FIRST_READER_RATIO = 1.5
RESULTS = Path(__file__).parent / "results" / "news.json"


def _body(image):
    paragraph = (
        "<p>Chương trình đào tạo kéo dài 30 tháng, chia thành hai khóa liên tiếp. Học viên "
        "học lý luận chính trị, quản lý nhà nước, kỹ năng lãnh đạo và đi thực tế tại cơ sở; "
        "thời gian học được tính là thời gian công tác.</p>"
    )
    body = []
    for n in range(4):
        body += [
            ("heading", {"text": f"Phần {n + 1}", "level": "h2"}),
            ("paragraph", paragraph * 3),
            ("image", {"image": image, "alt_text": "Lớp học", "caption": "Buổi khai giảng"}),
            ("quote", {"text": "Phục vụ nhân dân là trên hết.", "attribution": "Chủ tịch"}),
        ]
    body.append(
        (
            "table",
            {
                "data": [["Khóa", "Thời gian"], ["1", "15 tháng"], ["2", "15 tháng"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        )
    )
    return body


def _build():
    import wagtail_factories
    from wagtail.models import Locale, Page, Site

    from tests.factories import SitemapPageFactory, WardHomePageFactory
    from tests.testapp.models import PlainPage
    from wagtail_ward.models import ContentPage, WardSettings
    from wagtail_ward.news.models import NewsCategory, NewsIndexPage, NewsPage

    vi, _ = Locale.objects.get_or_create(language_code="vi")
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    root = Page.get_first_root_node()
    home = WardHomePageFactory(parent=root, slug="phuong")
    site = Site.objects.create(
        hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="Phường"
    )
    settings = WardSettings.for_site(site)
    settings.sitemap_page = SitemapPageFactory(parent=home)
    settings.save()
    image = wagtail_factories.ImageFactory(title="Ảnh")
    body = _body(image)
    category = NewsCategory.objects.create(name="Hành chính công", slug="hcc", locale=vi)
    index = NewsIndexPage(title="Tin tức", slug="tin-tuc", per_page=20)
    home.add_child(instance=index)
    articles = []
    for n in range(40):
        article = NewsPage(
            title=f"Tin bài số {n}",
            slug=f"tin-{n}",
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            lead="Tóm tắt tin bài.",
            body=body,
            category=category,
            featured_image=image,
            source_name="HPĐT",
        )
        index.add_child(instance=article)
        articles.append(article)
    # The baselines sit at the article's depth (home → section → page): Wagtail routes a URL
    # one tree level at a time, so a baseline one level higher would be quicker for reasons
    # that have nothing to do with the article.
    section = ContentPage(title="Chuyên mục", slug="chuyen-muc", body=[])
    home.add_child(instance=section)
    plain = PlainPage(title="Trang thường", slug="trang-thuong", body=body)
    section.add_child(instance=plain)
    # The core's content page: the same body inside the site's header, menu and side column.
    content = ContentPage(title="Trang nội dung", slug="trang-noi-dung", body=body)
    section.add_child(instance=content)
    # Another ward of the same install, whose publishes must leave this ward's parts alone.
    other_home = WardHomePageFactory(parent=root, slug="phuong-khac")
    other = Site.objects.create(hostname="khac.localhost", port=80, root_page=other_home)
    return {
        "other_site": other.pk,
        "publish": articles[0].pk,
        "article": articles[-1].url,
        "index": index.url,
        "plain": plain.url,
        "content": content.url,
    }


def _measure(client, urls):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from wagtail_ward.fragments import bump_content_version
    from wagtail_ward.news.models import NewsPage

    # "…_first_reader": the first request after another article of the site is published,
    # timed apart from the publish itself (which has committed: autocommit, no transaction).
    other_site = urls.pop("other_site")
    published = NewsPage.objects.get(pk=urls.pop("publish"))
    pages = {
        **urls,
        "article_first_reader": urls["article"],
        "index_first_reader": urls["index"],
        "article_after_cache_emptied": urls["article"],
        "index_after_cache_emptied": urls["index"],
        "article_after_other_ward_publish": urls["article"],
    }
    for url in urls.values():  # warm up: renditions, caches, template loading
        assert client.get(url).status_code == 200, url
        client.get(url)
    times = {name: [] for name in pages}
    queries = {}
    for round_ in range(ROUNDS + 1):  # interleaved, so that machine noise hits every page alike
        for name, url in pages.items():
            if name.endswith("_first_reader"):
                client.get(url)  # its parts were kept before the publish
                published.save_revision().publish()
            elif name.endswith("_after_cache_emptied"):
                bump_content_version()  # every site's kept parts, the chrome's too
            elif name == "article_after_other_ward_publish":
                client.get(url)
                bump_content_version(sites=[other_site])  # what a publish there writes
            else:  # the reader before this one: its parts are kept, whatever ran before
                client.get(url)
            if not round_:  # the first round counts the queries, untimed
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
                queries[name] = len(captured)
                continue
            start = time.perf_counter()
            client.get(url)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}, queries


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        urls = _build()
        medians, queries = _measure(Client(), urls)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()

    result = {
        "rounds": ROUNDS,
        "median_ms": {name: round(value * 1000, 3) for name, value in medians.items()},
        "ratio_article_to_plain": round(medians["article"] / medians["plain"], 3),
        "ratio_article_first_reader_to_plain": round(
            medians["article_first_reader"] / medians["plain"], 3
        ),
        "ratio_index_to_plain": round(medians["index"] / medians["plain"], 3),
        "ratio_index_first_reader_to_plain": round(
            medians["index_first_reader"] / medians["plain"], 3
        ),
        "ratio_article_after_cache_emptied_to_plain": round(
            medians["article_after_cache_emptied"] / medians["plain"], 3
        ),
        "ratio_index_after_cache_emptied_to_plain": round(
            medians["index_after_cache_emptied"] / medians["plain"], 3
        ),
        "ratio_article_after_other_ward_publish_to_plain": round(
            medians["article_after_other_ward_publish"] / medians["plain"], 3
        ),
        # What the news feature itself adds over a core page with the same header and side.
        "ratio_article_to_core_content_page": round(medians["article"] / medians["content"], 3),
        "queries": queries,
        "target_article_ratio": TARGET_RATIO,
        "target_first_reader_ratio": TARGET_FIRST_READER_RATIO,
    }
    result["article_within_target"] = result["ratio_article_to_plain"] <= TARGET_RATIO
    result["first_reader_within_target"] = (
        result["ratio_article_first_reader_to_plain"] <= TARGET_FIRST_READER_RATIO
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
