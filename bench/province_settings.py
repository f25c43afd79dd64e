"""Settings of the province benchmark: the test settings on the benchmark's own PostgreSQL
(``DATABASE_URL``), as a production process runs them: no test-only middleware, no debug."""

from tests.settings import *  # noqa: F403

DEBUG = False
# The test suite's middleware that commits a test's content token before each request has no
# place in a real process: every request here commits as production does.
MIDDLEWARE = [m for m in MIDDLEWARE if not m.startswith("tests.")]  # noqa: F405
DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405
# Every request comes from 127.0.0.1: the visit counter's rate limit must not refuse the load.
WAGTAIL_WARD = {"VISIT_RATE": "10000000/m", "POLL_RATE": "10000000/m"}
