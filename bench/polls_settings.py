"""Settings of the polls benchmark: the test settings on the benchmark's own PostgreSQL, with
the rate limit opened wide (every client is on 127.0.0.1) and the bare baseline view added."""

from tests.settings import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.polls_urls"
WAGTAIL_WARD = {"POLL_RATE": "10000000/m", "VISIT_COUNTER": False}
# The benchmark measures voting, not visit counting.
MIDDLEWARE = [m for m in MIDDLEWARE if "VisitCounter" not in m]  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405
