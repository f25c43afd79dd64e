"""Generated bad input against the training routes and API: never a server error."""

import datetime

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.training.builders import make_programme, make_training_index

SETTINGS = {
    "deadline": None,
    "database": None,
    "max_examples": 25,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
NAMES = [
    "status",
    "open_on",
    "page",
    "locale",
    "fields",
    "order",
    "date",
    "organiser",
    "target_trainees",
    "selected_count",
    "applications_open",
    "applications_close",
    "total_duration_months",
    "age_limit",
    "eligibility",
    "courses",
    "x\x00",
]
text = st.text(st.characters(exclude_categories=["Cs"]), max_size=16)
values = st.one_of(
    text,
    st.builds(lambda a, b: f"{a}\x00{b}", text, text),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.dates().map(datetime.date.isoformat),
    st.sampled_from(["0000-01-01", "10000-01-01", "2012-02-30", "open", "*", "courses(x)"]),
)
queries = st.dictionaries(st.sampled_from(NAMES), values, max_size=3)


@pytest.fixture
def urls(home):
    index = make_training_index(home)
    programme = make_programme(index)
    return [
        index.url,
        index.url + "archive/2012/",
        programme.url,
        programme.url + "print/",
        programme.url + "apply/",
        "/api/v2/training/",
        f"/api/v2/training/{programme.pk}/",
    ]


@settings(**SETTINGS)
@given(data=st.data())
def test_no_query_makes_a_server_error(client, urls, data):
    url = data.draw(st.sampled_from(urls))
    query = data.draw(queries)
    cache.clear()
    with transaction.atomic():
        response = client.get(url, query)
    assert response.status_code < 500, (url, query)


# The form's fields are checked one by one whatever the others hold: fewer examples suffice.
@settings(**{**SETTINGS, "max_examples": 12})
@given(form=st.dictionaries(st.sampled_from(NAMES[:6] + ["full_name", "birth_date"]), values))
def test_no_application_makes_a_server_error(client, urls, form):
    cache.clear()
    response = client.post(urls[4], form)
    assert response.status_code < 500, form
