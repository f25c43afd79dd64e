"""200 first visits at the same moment add exactly 200 to the day's count.

These tests commit for real (``transaction=True``), so each request thread sees the others' rows.
The flush that ends a transactional test also empties the tables that Wagtail's migrations fill
(the root page, the default locale); serialised rollback (see tests/conftest.py) gives each
transactional test that data back before it starts.
"""

import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client, override_settings

from tests.factories import make_ward_site
from wagtail_ward.dates import ward_today
from wagtail_ward.models import DailyVisitCount

VISITS = 200
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0"


def _visit_concurrently(site, workers, requests=VISITS):
    def visit(number):
        try:
            # A client of its own: no cookie shared, its own address.
            client = Client(
                HTTP_USER_AGENT=BROWSER,
                REMOTE_ADDR=f"10.{number // 250}.{number % 250}.{number % 7 + 1}",
            )
            response = client.post(
                "/api/ward/visits/",
                data=json.dumps({"site": site.pk}),
                content_type="application/json",
            )
            return response.status_code, response.json()
        finally:
            connection.close()

    with (
        override_settings(WAGTAIL_WARD={"VISIT_RATE": "100000/m"}),
        ThreadPoolExecutor(max_workers=workers) as pool,
    ):
        return list(pool.map(visit, range(requests)))


def _prepare_site():
    # serialized_rollback restored Wagtail's welcome site; this test brings its own.
    from wagtail.models import Site

    Site.objects.all().delete()
    return make_ward_site("lacvien.localhost", port=80, default=True)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_first_visits_count_exactly_on_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip(
            f"needs PostgreSQL for truly concurrent writes; the database is {connection.vendor} "
            "(set DATABASE_URL=postgres://...)"
        )
    site = _prepare_site()
    results = _visit_concurrently(site, workers=40)

    assert [status for status, _body in results] == [200] * VISITS
    assert all(body["counted"] for _status, body in results)
    row = DailyVisitCount.objects.get(site=site)
    assert row.date == ward_today()
    assert row.count == VISITS
    assert max(body["today"] for _status, body in results) == VISITS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_first_visits_count_exactly():
    """On every database, SQLite included: its writes are serialised by its own lock."""
    site = _prepare_site()
    results = _visit_concurrently(site, workers=8)

    assert [status for status, _body in results] == [200] * VISITS
    assert all(body["counted"] for _status, body in results)
    assert DailyVisitCount.objects.get(site=site, date=ward_today()).count == VISITS
