"""A bounded schemathesis run: every operation of the OpenAPI document, called in-process
through the WSGI app with generated parameters and bodies, answers without a server error and
with a body that matches the document."""

import time

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.api.builders import add_pages, make_indexes
from tests.factories import ContentPageFactory
from tests.html import BROWSER
from wagtail_ward.models import ResultsVisibility
from wagtail_ward.polls.presets import create_poll_from_preset

EXAMPLES = 8  # per operation: enough for odd values of each parameter, in seconds
BUDGET = 120  # seconds for the whole run; operations left then are reported, not skipped


def fuzz(operation, failures):
    """Calls ``operation`` with ``EXAMPLES`` generated cases; adds what fails to ``failures``."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        response = case.call()
        try:
            case.validate_response(
                response, checks=[not_a_server_error, response_schema_conformance]
            )
        except Exception as error:  # noqa: BLE001 (each failure is reported by the test)
            failures.append(f"{operation.label} {case.path_parameters} {case.query}: {error}")

    run()


@pytest.fixture
def wsgi_app():
    """Django's WSGI app, keeping the test's database connection open between requests (as
    Django's test client does)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    django_app = get_wsgi_application()

    def app(environ, start_response):
        environ.setdefault("REMOTE_ADDR", "10.1.2.3")  # as every WSGI server sets it
        environ.setdefault("HTTP_USER_AGENT", BROWSER)
        return django_app(environ, start_response)

    try:
        yield app
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.slow
def test_generated_requests_get_no_server_error_and_match_the_schema(home, vi, wsgi_app):
    indexes = make_indexes(home)
    add_pages(indexes, 2)
    poll = create_poll_from_preset(
        "dossier_timeliness", vi, results_visibility=ResultsVisibility.ALWAYS
    )
    ContentPageFactory(parent=home, slug="tham-do", body=[("poll", {"poll": poll})])
    schema = schemathesis.openapi.from_wsgi("/api/ward/openapi.json", wsgi_app)
    started = time.monotonic()
    called = []
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if time.monotonic() - started > BUDGET:
            break

        fuzz(operation, failures)
        called.append(operation.label)
    assert not failures, "\n".join(failures[:10])
    assert len(called) >= 18, called
