"""Pages a shared cache can keep (issue 17): for an anonymous reader the HTML of every public
page type is the same whoever asks for it (no CSRF token, no "you voted", no visit count), and
the answer is public, with no ``Vary: Cookie`` and no cookie set; the visit and the reader's
poll state come afterwards from small calls of the page's scripts."""

import pytest
import time_machine
from django.db import transaction
from django.test import Client

from tests.factories import (
    CitizenQuestionsPageFactory,
    OrganisationPageFactory,
    translate,
)
from tests.formats.conftest import build_ward
from tests.html import BROWSER
from tests.procedures.builders import make_procedure_index, sample_bytes
from tests.training.builders import make_programme, make_training_index
from wagtail_ward.procedures.importers import import_procedures

NOW = "2026-03-11 03:00:00+00:00"


def build_pages():
    ward = build_ward()
    home = ward["vi"]["home"]
    organisation = OrganisationPageFactory(parent=home)
    questions = CitizenQuestionsPageFactory(parent=home)
    procedures = make_procedure_index(home)
    import_procedures(procedures, "procedures-vi.json", sample_bytes())
    procedure = procedures.get_children().live().first()
    training = make_training_index(home)
    programme = make_programme(training)
    pages = {
        "home": home,
        "news_index": ward["vi"]["news_index"],
        "article": ward["vi"]["article"],
        "schedule_index": ward["vi"]["schedule_index"],
        "schedule": ward["vi"]["schedule"],
        "content": ward["vi"]["content"],
        "organisation": organisation,
        "questions": questions,
        "procedures": procedures,
        "procedure": procedure,
        "training": training,
        "programme": programme,
    }
    urls = {f"vi:{name}": page.url for name, page in pages.items()}
    for name, page in pages.items():
        english = ward["en"].get(name) or translate(page)
        urls[f"en:{name}"] = english.url
    urls["vi:search"] = "/search/?q=tin"
    urls["en:search"] = "/search/?q=article&locale=en"
    return urls


@pytest.fixture(scope="module")
def urls(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        time_machine.travel(NOW, tick=False),
    ):
        yield build_pages()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _each_test_rolls_back(db):
    """Every test here is a plain database test: what it changes is undone."""


def visitor(address, **cookies):
    client = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address)
    for name, value in cookies.items():
        client.cookies[name] = value
    return client


def test_probe(urls):
    import time
    with time_machine.travel(NOW, tick=False):
        for key, url in sorted(urls.items()):
            t = time.perf_counter()
            one = visitor("203.0.113.1").get(url)
            print(time.perf_counter() - t)
            two = visitor("198.51.100.2", ward_poll_voter="v" * 40).get(url)
            print(key, url, one.status_code, one.get("Cache-Control"), one.get("Vary"), list(one.cookies), one.content == two.content)
