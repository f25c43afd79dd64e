"""Build ward sites for the province benchmark, fast: ``python -m bench.province_build FIRST LAST``
builds wards FIRST..LAST (numbered from 1) in the database of ``DATABASE_URL`` (migrated first
when it is empty) and prints what it did as JSON on its last line.

Each ward is what an editor's work would leave: a home page, its Site, a sitemap page and a news
index, created and published the ordinary way (revisions, signals), and ``ARTICLES`` published
articles created in bulk: their tree paths are set directly (treebeard's own path function) and
inserted with ``bulk_create`` (the page rows) and one insert per ward (the article rows), each
with a revision of its content as its live and latest revision; then the search index
(the backend's bulk add) and the item index ("Tin mới", the site-wide search:
``wagtail_ward.registry.fill_item_index``) are filled, and ``Page.find_problems()`` must find
nothing. Ward N's content depends on N only, so ward 1 is the same in every install.
"""

import datetime
import json
import sys
import time
import uuid

ARTICLES = 400
ADMIN = "bench-admin"  # the editor who opens the admin's explorer and search
HOST = "phuong-{n:02d}.localhost"
SEARCH_WORD = "chuyển đổi số"
PARAGRAPH = (
    "<p>Ủy ban nhân dân phường triển khai {topic}: người dân nộp hồ sơ trực tuyến qua Cổng "
    "dịch vụ công, cán bộ một cửa hướng dẫn tận nơi và trả kết quả đúng hẹn. Kế hoạch năm nay "
    "tập trung vào {topic} trong từng tổ dân phố.</p>"
)
TOPICS = ["chuyển đổi số", "cải cách hành chính", "vệ sinh môi trường", "an ninh trật tự"]


def _article_fields(n, category):
    """Article ``n`` of a ward: every ward has the same texts (its search index entries are
    then the same too, see ``_copy_search_entries``), in its own place in the tree."""
    topic = TOPICS[n % len(TOPICS)]
    return {
        "title": f"Tin bài số {n} về {topic}",
        "slug": f"tin-{n}",
        "date": datetime.date(2024, 1, 1) + datetime.timedelta(days=n * 2),
        "lead": f"Tóm tắt tin bài số {n}.",
        "body": [
            ("heading", {"text": "Nội dung", "level": "h2"}),
            ("paragraph", PARAGRAPH.format(topic=topic) * 2),
            ("quote", {"text": "Phục vụ nhân dân là trên hết.", "attribution": "Chủ tịch"}),
        ],
        "category": category,
        "source_name": "Văn phòng HĐND-UBND phường",
    }


def _skeleton(ward, vi):
    """Home, Site, settings, sitemap page and news index: as an editor makes them."""
    from wagtail.models import Page, Site

    from wagtail_ward.models import SitemapPage, WardHomePage, WardSettings
    from wagtail_ward.news.models import NewsIndexPage

    root = Page.get_first_root_node()
    home = WardHomePage(title=f"Trang thông tin điện tử phường {ward}", slug=f"phuong-{ward:02d}")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.create(
        hostname=HOST.format(n=ward),
        port=80,
        root_page=home,
        is_default_site=ward == 1,
        site_name=f"Phường {ward}",
    )
    sitemap = SitemapPage(title="Sơ đồ site", slug="so-do-site")
    home.add_child(instance=sitemap)
    sitemap.save_revision().publish()
    index = NewsIndexPage(title="Tin tức", slug="tin-tuc", per_page=20)
    home.add_child(instance=index)
    index.save_revision().publish()
    settings = WardSettings.for_site(site)
    settings.sitemap_page = sitemap
    settings.save()
    return index


def _copy_search_entries(template_ids, ids):
    """The search index entries of ``ids``, copied in one statement from those of
    ``template_ids`` (the same articles of ward 1, same texts): what the backend's ``add_bulk``
    would write for them (``check_search_entries`` compares a sample), without computing the
    same text again for every ward."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from wagtail_ward.news.models import NewsPage

    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title_norm, "
            "autocomplete, title, body, title_text, body_text) SELECT e.content_type_id, m.new, "
            "e.title_norm, e.autocomplete, e.title, e.body, e.title_text, e.body_text "
            "FROM wagtailsearch_indexentry e JOIN unnest(%s::text[], %s::text[]) AS m (old, new) "
            "ON e.object_id = m.old AND e.content_type_id = %s",
            [
                [str(pk) for pk in template_ids],
                [str(pk) for pk in ids],
                ContentType.objects.get_for_model(NewsPage).pk,
            ],
        )


def check_search_entries(ids):
    """Copied entries are what the backend writes: a sample is indexed again by it."""
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from wagtail_ward.news.models import NewsPage

    fields = ["title_norm", "autocomplete", "title", "body", "title_text", "body_text"]
    backend, differ = get_search_backend(), []
    for pk in ids:
        entries = IndexEntry.objects.filter(object_id=str(pk))
        before = list(entries.values(*fields))
        backend.add(NewsPage.objects.get(pk=pk))
        if list(entries.values(*fields)) != before:
            differ.append(pk)
    return differ


def _bulk_articles(index, category, now, template_ids=None):
    """``ARTICLES`` published articles under ``index``, inserted in bulk, with their revisions,
    search index entries (the backend's ``add_bulk``, or copied from ``template_ids``: ward 1's)
    and item index rows; returns their ids."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from wagtail.models import Page, Revision
    from wagtail.search.backends import get_search_backend

    from wagtail_ward.models import IndexedItem
    from wagtail_ward.models.items import _sort_at
    from wagtail_ward.news.models import NewsPage
    from wagtail_ward.text import searchable_text

    content_type = ContentType.objects.get_for_model(NewsPage)
    page_type = ContentType.objects.get_for_model(Page)
    articles = []
    for n in range(ARTICLES):
        article = NewsPage(**_article_fields(n, category))
        step = index.numchild + n + 1
        published = now - datetime.timedelta(hours=ARTICLES - n)
        article.path = NewsPage._get_path(index.path, index.depth + 1, step)
        article.depth = index.depth + 1
        article.numchild = 0
        article.url_path = f"{index.url_path}{article.slug}/"
        article.locale_id = index.locale_id
        article.translation_key = uuid.uuid4()
        article.content_type = content_type
        article.draft_title = article.title
        article.live = True
        article.has_unpublished_changes = False
        article.first_published_at = article.last_published_at = published
        article.latest_revision_created_at = published
        # A new article has no tags and no comments: said in memory, so that its revision's
        # content is written without asking the database.
        article.tagged_items = []
        article.wagtail_admin_comments = []
        articles.append(article)
    base_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    with transaction.atomic():
        rows = [Page(**{name: getattr(a, name) for name in base_fields}) for a in articles]
        Page.objects.bulk_create(rows)
        for article, row in zip(articles, rows, strict=True):
            article.id = article.page_ptr_id = row.id
        # Django's bulk_create refuses a model with a parent table: the article rows are
        # inserted as bulk_create inserts the page rows, after them.
        NewsPage._base_manager._insert(
            articles, fields=NewsPage._meta.local_concrete_fields, using="default"
        )
        revisions = [
            Revision(
                content_type=content_type,
                base_content_type=page_type,
                object_id=str(article.pk),
                created_at=article.last_published_at,
                object_str=article.title,
                content=article.serializable_data(),
            )
            for article in articles
        ]
        Revision.objects.bulk_create(revisions)
        for row, revision in zip(rows, revisions, strict=True):
            row.latest_revision_id = row.live_revision_id = revision.pk
        Page.objects.bulk_update(rows, ["latest_revision", "live_revision"], batch_size=500)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + ARTICLES)
        # The rows wagtail_ward.models.items.index_item writes for a published article
        # (check_item_index below compares a sample with it).
        IndexedItem.objects.bulk_create(
            IndexedItem(
                page_id=article.pk,
                path=article.path,
                locale_id=article.locale_id,
                sort_at=_sort_at(article.date),
                summary=article.lead,
                search_text=searchable_text(article),
                listed=True,
            )
            for article in articles
        )
        if template_ids:
            _copy_search_entries(template_ids, [a.pk for a in articles])
    if not template_ids:
        get_search_backend().add_bulk(NewsPage, articles)
    return [a.pk for a in articles]


def check_item_index(ids):
    """Rows written in bulk are those ``index_item`` writes: a sample is indexed again by it."""
    from wagtail_ward.models import IndexedItem
    from wagtail_ward.news.models import NewsPage
    from wagtail_ward.registry import index_item

    differ = []
    for pk in ids:
        before = IndexedItem.objects.filter(page_id=pk).values().get()
        index_item(NewsPage.objects.get(pk=pk))
        if IndexedItem.objects.filter(page_id=pk).values().get() != before:
            differ.append(pk)
    return differ


TREE_CHECKS = {
    # Page.find_problems() asks two queries per page; the same five checks over the whole tree
    # in one query each.
    "evil_chars": "SELECT count(*) FROM wagtailcore_page WHERE path !~ '^[0-9A-Z]+$'",
    "bad_steplen": "SELECT count(*) FROM wagtailcore_page WHERE length(path) % 4 <> 0",
    "orphans": "SELECT count(*) FROM wagtailcore_page p WHERE depth > 1 AND NOT EXISTS "
    "(SELECT 1 FROM wagtailcore_page q WHERE q.path = left(p.path, length(p.path) - 4))",
    "wrong_depth": "SELECT count(*) FROM wagtailcore_page WHERE depth * 4 <> length(path)",
    "wrong_numchild": "SELECT count(*) FROM wagtailcore_page p LEFT JOIN (SELECT "
    "left(path, length(path) - 4) AS parent, count(*) AS n FROM wagtailcore_page "
    "WHERE depth > 1 GROUP BY 1) c ON c.parent = p.path WHERE p.numchild <> coalesce(c.n, 0)",
}


def check_tree(sample_parent):
    """Tree problems: treebeard's own check below ``sample_parent`` (a ward), and the same
    checks in SQL over the whole tree; every count must be 0."""
    from django.db import connection
    from wagtail.models import Page

    found = {"find_problems": [len(f) for f in Page.find_problems(parent=sample_parent)]}
    with connection.cursor() as cursor:
        for name, sql in TREE_CHECKS.items():
            cursor.execute(sql)
            found[name] = cursor.fetchone()[0]
    return found


def build(first, last):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Locale, Page
    from wagtail.search.models import IndexEntry

    from wagtail_ward.models import IndexedItem
    from wagtail_ward.news.models import NewsCategory, NewsPage

    timings = {}
    start = time.perf_counter()
    if "wagtailcore_page" not in connection.introspection.table_names():
        call_command("migrate", verbosity=0)
        timings["migrate_s"] = round(time.perf_counter() - start, 1)
    vi = Locale.objects.get_or_create(language_code="vi")[0]
    if first == 1:
        # An install begins with Wagtail's welcome page; the wards replace it.
        Page.objects.filter(depth__gt=1).delete()
        get_user_model().objects.create_superuser(ADMIN, password=ADMIN)
    category = NewsCategory.objects.get_or_create(
        slug="hcc", locale=vi, defaults={"name": "Hành chính công"}
    )[0]
    now = datetime.datetime(2026, 11, 1, 8, tzinfo=datetime.UTC)
    step = time.perf_counter()
    created, indexes, template_ids = [], [], None
    if first > 1:  # ward 1's articles, in order: their search entries are copied
        ward_one = NewsPage.objects.filter(url_path__startswith="/phuong-01/")
        by_slug = dict(ward_one.values_list("slug", "pk"))
        template_ids = [by_slug[f"tin-{n}"] for n in range(ARTICLES)]
    for ward in range(first, last + 1):
        indexes.append(_skeleton(ward, vi))
        created += _bulk_articles(indexes[-1], category, now, template_ids)
    timings["pages_s"] = round(time.perf_counter() - step, 1)
    step = time.perf_counter()
    checks = {
        "tree_problems": check_tree(Page.objects.get(pk=indexes[-1].pk).get_parent()),
        "item_rows_unlike_index_item": check_item_index(created[:: ARTICLES // 2]),
        "search_entries_unlike_backend": check_search_entries(created[:: ARTICLES // 2]),
        "live_articles_without_live_revision": NewsPage.objects.live()
        .filter(live_revision__isnull=True)
        .count(),
        "live_articles_without_item_row": NewsPage.objects.live()
        .exclude(pk__in=IndexedItem.objects.values("page_id"))
        .count(),
        "live_articles_without_search_entry": len(
            {str(pk) for pk in NewsPage.objects.live().values_list("pk", flat=True)}
            - set(IndexEntry.objects.values_list("object_id", flat=True))
        ),
    }
    timings["checks_s"] = round(time.perf_counter() - step, 1)
    timings["total_s"] = round(time.perf_counter() - start, 1)
    return {
        "wards": last - first + 1,
        "first_index_id": indexes[0].pk,
        "articles": len(created),
        "pages_in_install": Page.objects.count(),
        "sites_in_install": len({i.path[:8] for i in Page.objects.filter(depth=2)}),
        **checks,
        "timings": timings,
    }


def main(argv):
    import django

    django.setup()
    first, last = int(argv[0]), int(argv[1])
    print(json.dumps(build(first, last)))


if __name__ == "__main__":
    main(sys.argv[1:])
