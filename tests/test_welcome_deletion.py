"""The ``ward_site`` fixture's shortcut for deleting Wagtail's welcome page (tests/conftest.py)
leaves the database as Django's deletion does."""

from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from tests import conftest


def rows():
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_models()
    }


def test_replayed_deletion_leaves_the_same_rows_as_djangos(db, vi, en):
    Site.objects.all().delete()
    assert Page.objects.filter(depth__gt=1).count() == 1  # the migrations' welcome page
    conftest._WELCOME_DELETIONS.clear()
    with transaction.atomic():
        conftest._delete_welcome_page()  # Django's deletion, its statements kept
        expected = rows()
        transaction.set_rollback(True)
    assert len(conftest._WELCOME_DELETIONS) == 1
    assert Page.objects.filter(depth__gt=1).count() == 1
    with CaptureQueriesContext(connection) as queries:
        conftest._delete_welcome_page()  # the kept statements
    assert len(queries) < 30, len(queries)  # Django's deletion runs over sixty
    assert rows() == expected
    assert Page.objects.get().numchild == 0
