"""Procedure tests: the sample imported once for tests/procedures (builders in builders.py)."""

import pytest
from django.db import transaction

from wagtail_ward.procedures.importers import import_procedures

from .builders import build_site, make_procedure_index, sample_bytes


@pytest.fixture(scope="package")
def imported(django_db_setup, django_db_blocker):
    """The sample imported into a new site, once for tests/procedures (rolled back at the
    end): ``{"home", "index"}``. Each test runs in a savepoint inside it."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = build_site()
        index = make_procedure_index(home)
        import_procedures(index, "procedures-vi.json", sample_bytes())
        yield {"home": home, "index": index}
        transaction.set_rollback(True)


@pytest.fixture
def procedure_index(home):
    return make_procedure_index(home, title="Thủ tục (mới)", slug="thu-tuc-moi")


@pytest.fixture
def sample_index(imported, db):
    return imported["index"]


@pytest.fixture
def home(imported, db):
    return imported["home"]
