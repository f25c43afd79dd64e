"""Generated bad input against the procedure routes and API: never a server error."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.families import ProcedurePage

pytestmark = pytest.mark.django_db

SETTINGS = {
    "deadline": None,
    "database": None,
    "max_examples": 60,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
NAMES = ["q", "page", "sector", "level", "online", "online_level", "code", "fields", "offset"]
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["xa", "tinh", "huyen", "full", "none", "ho-tich", "\x00", "١٢", "%", "_"]),
)
QUERY = st.dictionaries(st.sampled_from(NAMES), VALUES, max_size=4)


@settings(**SETTINGS)
@given(query=QUERY, suffix=st.sampled_from(["", "sector/ho-tich/", "sector/x%00/"]))
def test_the_index_never_fails(client, sample_index, query, suffix):
    response = client.get(f"{sample_index.url}{suffix}?{urlencode(query)}")
    assert response.status_code < 500


@settings(**SETTINGS)
@given(query=QUERY, detail=st.booleans())
def test_the_api_never_fails(client, sample_index, query, detail):
    pk = ProcedurePage.objects.values_list("pk", flat=True).first() if detail else ""
    path = f"/api/v2/procedures/{pk}/" if detail else "/api/v2/procedures/"
    response = client.get(f"{path}?{urlencode(query)}")
    assert response.status_code < 500
