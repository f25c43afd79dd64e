"""The site-wide search over the procedures and training families: every live procedure is found,
announced as news or not, and only the announced ones join the latest items lists."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests.families import ProcedurePage, TrainingProgrammePage
from tests.html import soup
from tests.procedures.builders import build_site, make_procedure_index, sample_bytes
from tests.training.builders import make_programme, make_training_index
from wagtail_ward.models import IndexedItem
from wagtail_ward.procedures.importers import import_procedures
from wagtail_ward.registry import fill_item_index, latest_items, rebuild_item_index

pytestmark = pytest.mark.django_db

PROCEDURE_GROUP = str(ProcedurePage._meta.verbose_name_plural).lower()


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker):
    """A site with the procedures sample, built once for this module and rolled back after it;
    each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = build_site()
        index = make_procedure_index(home)
        import_procedures(index, "procedures-vi.json", sample_bytes())
        yield {"home": home, "index": index}
        transaction.set_rollback(True)


@pytest.fixture
def home(imported, db):
    return imported["home"]


@pytest.fixture
def procedures(imported, db):
    return imported["index"]


def _results(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return {
        section.h2.get_text(" ", strip=True).split(" (")[0].lower(): [
            a.get_text(strip=True) for a in section.select("li a")
        ]
        for section in soup(response).select(".ward-search__group")
    }


def _latest_titles(home):
    vi = Locale.objects.get(language_code="vi")
    return {item.page.title for item in latest_items(home.get_site(), vi, limit=100)}


def test_procedures_are_found_whether_announced_or_not(client, home, procedures):
    results = _results(client, "khai sinh")
    found = results[PROCEDURE_GROUP]
    assert "Đăng ký khai sinh" in found  # announced in the sample
    assert "Đăng ký lại khai sinh" in found  # not announced: searched all the same
    # Without accents, and on the procedure's code-free title words alike.
    assert "Đăng ký kết hôn" in _results(client, "dang ky ket hon")[PROCEDURE_GROUP]
    # An undated item shows no date (its row sorts by its publishing, not a date of its own).
    dated = {
        a.get_text(strip=True): a.find_next_sibling("time") is not None
        for a in soup(client.get("/search/", {"q": "khai sinh"})).select(".ward-search__group a")
    }
    assert dated["Đăng ký khai sinh"] and not dated["Đăng ký lại khai sinh"]
    latest = _latest_titles(home)
    assert "Đăng ký khai sinh" in latest
    assert "Đăng ký lại khai sinh" not in latest and "Đăng ký kết hôn" not in latest


def test_clearing_the_announcement_keeps_the_procedure_searched(client, home, procedures):
    birth = ProcedurePage.objects.get(code="1.001193")
    birth.announced_on = None
    birth.save_revision().publish()
    birth.refresh_from_db()
    assert "Đăng ký khai sinh" not in _latest_titles(home)
    assert "Đăng ký khai sinh" in _results(client, "khai sinh")[PROCEDURE_GROUP]
    row = IndexedItem.objects.get(page_id=birth.pk)
    assert not row.listed and row.sort_at == birth.last_published_at
    birth.unpublish()
    assert "Đăng ký khai sinh" not in _results(client, "khai sinh").get(PROCEDURE_GROUP, [])
    assert not IndexedItem.objects.filter(page_id=birth.pk).exists()


def test_an_upgraded_site_indexes_its_unannounced_procedures(home, procedures):
    """Sites indexed before undated items were kept: the post-migrate fill adds them."""
    unannounced = ProcedurePage.objects.live().filter(announced_on__isnull=True)
    IndexedItem.objects.filter(page__in=unannounced).delete()
    fill_item_index(using="default")
    assert IndexedItem.objects.filter(page__in=unannounced).count() == unannounced.count() > 0
    assert rebuild_item_index() == IndexedItem.objects.count()


def test_training_programmes_are_searched(client, home, procedures):
    programme = make_programme(make_training_index(home), title="Bồi dưỡng cán bộ nguồn")
    draft = make_programme(make_training_index(home, slug="dao-tao-2"), publish=False)
    found = sum(_results(client, "boi duong can bo").values(), [])
    assert found == [programme.title]
    assert draft.title not in sum(_results(client, draft.title).values(), [])
    assert str(TrainingProgrammePage._meta.verbose_name_plural).lower() in _results(
        client, "boi duong can bo"
    )


def test_query_count_stays_fixed_across_families(
    client, home, procedures, django_assert_num_queries
):
    training = make_training_index(home)
    make_programme(training, title="Đăng ký học bồi dưỡng")
    client.get("/search/", {"q": "dang ky"})  # warm the caches (site, content types)
    with CaptureQueriesContext(connection) as before:
        client.get("/search/", {"q": "dang ky"})
    for n in range(5):
        make_programme(training, slug=f"dang-ky-{n}", title=f"Đăng ký học lớp {n}")
    birth = ProcedurePage.objects.get(code="1.001193")
    birth.announced_on = None
    birth.save_revision().publish()
    with django_assert_num_queries(len(before)):
        response = client.get("/search/", {"q": "dang ky"})
    assert len(soup(response).select(".ward-search__group")) == 2
