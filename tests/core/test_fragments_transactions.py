"""The content token in real transactions: written at commit, never locked while one runs.

These tests commit for real (``transaction=True``); see tests/core/test_visits_concurrency.py
for why they restore the migrated data first (serialised rollback).
"""

import threading

import pytest
from django.db import connection, transaction
from wagtail.models import Page, Site

from tests.factories import ContentPageFactory, make_ward_site
from wagtail_ward.models import ContentVersion


def token():
    return ContentVersion.objects.filter(pk=1).values_list("token", flat=True).first()


@pytest.fixture
def home(transactional_db):
    Site.objects.all().delete()
    site = make_ward_site("lacvien.localhost", port=80, default=True)
    return site.root_page.specific


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_token_changes_when_the_transaction_commits(home):
    before = token()
    with transaction.atomic():
        ContentPageFactory(parent=home, title="Thông báo mới")
        assert token() == before  # readers still see the old content: the old token is right
    assert token() != before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_rolled_back_transaction_leaves_the_token(home):
    before = token()
    with pytest.raises(RuntimeError), transaction.atomic():
        ContentPageFactory(parent=home, title="Sẽ bị hủy")
        raise RuntimeError("rolled back")
    assert token() == before
    assert not Page.objects.filter(title="Sẽ bị hủy").exists()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_editors_publishing_at_once_do_not_deadlock_on_postgresql(home):
    """Editor A saves page 1, then page 2, in one transaction; meanwhile editor B saves page 2.

    Were the token row updated inside each transaction, A would hold it while waiting for
    page 2, and B would hold page 2 while waiting for it: PostgreSQL would abort one of them
    as a deadlock. Written at commit, B finishes and A goes on.
    """
    if connection.vendor != "postgresql":
        pytest.skip(
            f"needs PostgreSQL for row locks between connections; the database is "
            f"{connection.vendor} (set DATABASE_URL=postgres://...)"
        )
    first = ContentPageFactory(parent=home, title="Trang 1")
    second = ContentPageFactory(parent=home, title="Trang 2")
    before = token()
    a_saved_first = threading.Event()
    errors = []

    def editor_a():
        try:
            with transaction.atomic():
                page = Page.objects.get(pk=first.pk).specific
                page.title = "Trang 1 (A)"
                page.save()
                a_saved_first.set()
                b_done.wait(timeout=5)  # B has saved page 2 (or is waiting on A)
                page = Page.objects.get(pk=second.pk).specific
                page.title = "Trang 2 (A)"
                page.save()
        except Exception as error:  # noqa: BLE001  (the test reports any failure)
            errors.append(error)
        finally:
            connection.close()

    def editor_b():
        try:
            a_saved_first.wait(timeout=5)
            with transaction.atomic():
                page = Page.objects.get(pk=second.pk).specific
                page.title = "Trang 2 (B)"
                page.save()
        except Exception as error:  # noqa: BLE001
            errors.append(error)
        finally:
            b_done.set()
            connection.close()

    b_done = threading.Event()
    threads = [threading.Thread(target=editor_a), threading.Thread(target=editor_b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert Page.objects.get(pk=first.pk).title == "Trang 1 (A)"
    assert Page.objects.get(pk=second.pk).title == "Trang 2 (A)"  # A saved it after B
    assert token() != before
