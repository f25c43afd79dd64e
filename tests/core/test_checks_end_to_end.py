"""A misconfigured project gets system check messages with hints, never a traceback."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_check(tmp_path, body):
    (tmp_path / "bad_settings.py").write_text(textwrap.dedent(body))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)]),
        "DJANGO_SETTINGS_MODULE": "bad_settings",
    }
    env.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-m", "django", "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_missing_apps_and_no_vietnamese_give_messages_with_hints(tmp_path):
    result = run_check(
        tmp_path,
        """
        from tests.settings import *  # noqa: F403

        INSTALLED_APPS = [
            app for app in INSTALLED_APPS
            if not app.startswith("wagtail_localize") and app != "wagtail.contrib.sitemaps"
        ]
        LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("en", "English")]
        LANGUAGE_CODE = "en"
        """,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert "(wagtail_ward.E001) wagtail-ward needs “wagtail_localize” in INSTALLED_APPS." in output
    assert "(wagtail_ward.E001) wagtail-ward needs “wagtail.contrib.sitemaps”" in output
    assert "(wagtail_ward.E002) No Vietnamese locale is configured." in output
    assert output.count("HINT:") == 3


def test_the_test_settings_pass_the_checks(tmp_path):
    result = run_check(tmp_path, "from tests.settings import *  # noqa: F403\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wagtail_ward." not in result.stdout + result.stderr
