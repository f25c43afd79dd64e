"""A content token per site: a publish in one ward keeps the kept parts of every other ward,
and retires those of the sites that show its items (the district's lists).

Three sites under the tree's root: ward A (the ``ward_site`` fixture, at testserver), ward B,
and a district whose home page lists the newest items of ward A's news section.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Site

from tests.factories import (
    ContentPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    WardHomePageFactory,
    make_private,
)
from tests.html import texts
from wagtail_ward.content_scopes import sites_of_pages
from wagtail_ward.fragments import bump_content_version, content_version
from wagtail_ward.models import SideBox, SideBoxKind, SiteContentVersion, WardSettings

WARD_B = "maychai.localhost"
DISTRICT = "quan.localhost"


def site_tokens():
    return dict(SiteContentVersion.objects.values_list("site_id", "token"))


def path(page):
    return page.get_url_parts()[2]


def get(client, page, host):
    response = client.get(path(page), HTTP_HOST=host)
    assert response.status_code == 200
    return response


def queries_of(client, page, host):
    with CaptureQueriesContext(connection) as captured:
        get(client, page, host)
    return len(captured)


@pytest.fixture
def wards(ward_site, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        news_a = NewsIndexPageFactory(parent=home)
        article_a = NewsPageFactory(parent=news_a, title="Họp tổ dân phố số 3")
        root = Page.get_first_root_node()
        home_b = WardHomePageFactory(parent=root, slug="phuong-may-chai", title="Phường Máy Chai")
        site_b = Site.objects.create(hostname=WARD_B, port=80, root_page=home_b, site_name="B")
        article_b = NewsPageFactory(parent=NewsIndexPageFactory(parent=home_b), title="Tin B")
        district_home = WardHomePageFactory(parent=root, slug="quan-ngo-quyen", title="Quận")
        district_home.layout = [
            ("latest_items", {"title": "Tin các phường", "section": news_a, "count": 5})
        ]
        district_home.save_revision().publish()
        district = Site.objects.create(
            hostname=DISTRICT, port=80, root_page=district_home, site_name="Quận"
        )
    return {
        "a": (ward_site, article_a, "testserver"),
        "b": (site_b, article_b, WARD_B),
        "district": (district, district_home, DISTRICT),
        "news_a": news_a,
    }


def test_a_publish_in_one_ward_keeps_the_other_wards_parts(
    client, wards, django_capture_on_commit_callbacks
):
    site_a, article_a, host_a = wards["a"]
    site_b, article_b, host_b = wards["b"]
    district, district_home, host_d = wards["district"]
    for page, host in ((article_a, host_a), (article_b, host_b), (district_home, host_d)) * 2:
        get(client, page, host)  # parts kept (and the visit counted)
    warm_a = queries_of(client, article_a, host_a)
    warm_b = queries_of(client, article_b, host_b)
    before = site_tokens()
    assert set(before) == {site_a.pk, site_b.pk, district.pk}

    with django_capture_on_commit_callbacks(execute=True):
        NewsPageFactory(parent=wards["news_a"], title="Phát động Tết trồng cây")

    after = site_tokens()
    assert after[site_b.pk] == before[site_b.pk]  # ward B's kept parts stay...
    assert queries_of(client, article_b, host_b) == warm_b  # ...and serve its next reader
    assert after[site_a.pk] != before[site_a.pk]  # ward A's are retired...
    assert queries_of(client, article_a, host_a) > warm_a
    latest = texts(get(client, article_a, host_a), ".ward-latest li")
    assert any("Phát động Tết trồng cây" in text for text in latest)
    # ...and so are the district's, whose home page lists ward A's news.
    assert after[district.pk] != before[district.pk]
    listed = texts(get(client, district_home, host_d), ".ward-home__blocks li")
    assert any("Phát động Tết trồng cây" in text for text in listed)


def test_each_request_reads_its_tokens_in_one_query(client, wards):
    _, article_b, host_b = wards["b"]
    get(client, article_b, host_b)
    with CaptureQueriesContext(connection) as captured:
        get(client, article_b, host_b)
    # The article's own token (pagecontentversion) comes with the article's row, not here.
    reads = [q["sql"] for q in captured if "sitecontentversion" in q["sql"]]
    assert len(reads) == 1
    assert "wagtail_ward_sitecontentversion" in reads[0]
    assert "wagtail_ward_contentversion" in reads[0]  # the install-wide one, for no site


def test_a_site_above_a_ward_is_retired_with_it(wards, django_capture_on_commit_callbacks):
    site_b, _, _ = wards["b"]
    with django_capture_on_commit_callbacks(execute=True):
        city_home = WardHomePageFactory(parent=Page.get_first_root_node(), slug="thanh-pho")
        city = Site.objects.create(hostname="tp.localhost", port=80, root_page=city_home)
        ward_home = WardHomePageFactory(parent=city_home, slug="phuong-con")
        ward = Site.objects.create(hostname="con.localhost", port=80, root_page=ward_home)
    before = site_tokens()
    with django_capture_on_commit_callbacks(execute=True):
        ContentPageFactory(parent=ward_home, title="Thông báo")
    after = site_tokens()
    assert after[ward.pk] != before[ward.pk]
    assert after[city.pk] != before[city.pk]  # lists the items of the wards below it
    assert after[site_b.pk] == before[site_b.pk]


def test_a_move_retires_the_old_and_the_new_site(wards, django_capture_on_commit_callbacks):
    site_a, article_a, _ = wards["a"]
    site_b, article_b, _ = wards["b"]
    district = wards["district"][0]
    before = site_tokens()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=article_b.pk).move(article_b.get_parent(), pos="first-child")
    moved = site_tokens()
    assert moved[site_b.pk] != before[site_b.pk]
    assert moved[site_a.pk] == before[site_a.pk]
    assert moved[district.pk] == before[district.pk]
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=article_b.pk).move(wards["news_a"], pos="last-child")
    after = site_tokens()
    assert all(after[pk] != moved[pk] for pk in (site_a.pk, site_b.pk, district.pk))


def test_a_deletion_and_a_view_restriction_retire_their_sites(
    wards, django_capture_on_commit_callbacks
):
    site_a, article_a, _ = wards["a"]
    site_b, article_b, _ = wards["b"]
    before = site_tokens()
    with django_capture_on_commit_callbacks(execute=True):
        make_private(article_b)
    restricted = site_tokens()
    assert restricted[site_b.pk] != before[site_b.pk]
    assert restricted[site_a.pk] == before[site_a.pk]
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=article_a.pk).delete()
    deleted = site_tokens()
    assert deleted[site_a.pk] != restricted[site_a.pk]
    assert deleted[wards["district"][0].pk] != restricted[wards["district"][0].pk]
    assert deleted[site_b.pk] == restricted[site_b.pk]


def test_shared_content_retires_every_site_and_a_new_image_none(
    wards, django_capture_on_commit_callbacks
):
    from wagtail.images.models import Image

    before, shared = site_tokens(), content_version()
    with django_capture_on_commit_callbacks(execute=True):
        image = Image.objects.create(title="Ảnh", file=get_test_image_file())
    assert (site_tokens(), content_version()) == (before, shared)  # nothing shows it yet
    for change in (
        lambda: image.save(),  # an image that pages may show: every site
        lambda: WardSettings.for_site(wards["b"][0]).save(),
        lambda: Locale.get_default().save(),
        bump_content_version,
    ):
        with django_capture_on_commit_callbacks(execute=True):
            change()
        after = site_tokens()
        assert all(after[pk] != before[pk] for pk in before)
        assert content_version() != shared
        before, shared = after, content_version()


def test_a_drafts_keeps_every_token(wards, django_capture_on_commit_callbacks):
    _, article_a, _ = wards["a"]
    before, shared = site_tokens(), content_version()
    with django_capture_on_commit_callbacks(execute=True):
        article_a.title = "Bản nháp"
        article_a.save_revision()
    assert (site_tokens(), content_version()) == (before, shared)


def test_side_boxes_are_kept_and_follow_their_changes(
    client, wards, vi, django_capture_on_commit_callbacks
):
    site_a, article_a, host_a = wards["a"]
    site_b, _, _ = wards["b"]

    def side_titles():
        return texts(get(client, article_a, host_a), ".ward-side .ward-box__title")

    assert "Liên kết" not in side_titles()  # no box: the kept part says so, no box query
    before = site_tokens()
    with django_capture_on_commit_callbacks(execute=True):
        box = SideBox.objects.create(
            site=site_a, kind=SideBoxKind.TEXT, title="Liên kết", locale=vi
        )
    assert "Liên kết" in side_titles()
    after = site_tokens()
    assert after[site_a.pk] != before[site_a.pk]
    assert after[site_b.pk] == before[site_b.pk]  # a box of ward A is no business of ward B
    box.title = "Liên kết hữu ích"
    box.save()
    assert "Liên kết hữu ích" in side_titles()
    box.delete()
    assert "Liên kết hữu ích" not in side_titles()


def test_a_transaction_that_changes_thousands_of_pages_finds_their_sites(ward_site):
    """Each changed page is a condition of the query for the sites that refer to it, and SQLite
    refuses an expression deeper than 1,000: a commit of 700 pages of a listing failed so (an
    import publishes thousands in one transaction)."""
    home = ward_site.root_page
    positions = [
        (f"{home.path}{n:04X}", f"{home.url_path}bai-{n}/") for n in range(1, 3001)
    ]  # made-up pages below the ward's home: their own site, and no page refers to them
    # Moved or deleted pages: their places concern the site's content and its chrome.
    assert sites_of_pages([], known=positions) == ({ward_site.pk}, {ward_site.pk})
