"""The example site's production settings say which environment variable is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


EXAMPLE_SITE = Path(__file__).resolve().parent.parent / "example_site"
COMPLETE = {
    "SECRET_KEY": "a-long-random-string-for-this-test-only",
    "ALLOWED_HOSTS": "quan.example.gov.vn, phuong.example.gov.vn",
    "DATABASE_URL": "postgres://ward:ward@127.0.0.1:5432/ward",
}


def _load(environment):
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
    env.update(environment, PYTHONPATH=str(EXAMPLE_SITE))
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from district_site.settings import production as s; "
            "print(s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'])",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_complete_environment_loads():
    result = _load(COMPLETE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "False ['quan.example.gov.vn', 'phuong.example.gov.vn'] django.db.backends.postgresql"
    )


@pytest.mark.parametrize("missing", sorted(COMPLETE))
def test_a_missing_variable_stops_with_one_line_naming_it(missing):
    result = _load({k: v for k, v in COMPLETE.items() if k != missing})
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"Production settings: set the environment variable {missing} (")


def test_hosts_that_name_nothing_are_refused():
    result = _load({**COMPLETE, "ALLOWED_HOSTS": " , "})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Production settings: ALLOWED_HOSTS names no host (comma-separated names)."
    )
