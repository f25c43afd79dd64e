"""System checks: each installation mistake gives its message, the test settings give none."""

import io
from unittest import mock

import pytest
from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Warning, run_checks
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from wagtail.models import Locale

from wagtail_ward import checks

ENGLISH_ONLY = [("en", "English")]
# The test settings' middleware, which passes the checks; the tests take pieces out of it.
MIDDLEWARE = list(settings.MIDDLEWARE)


@pytest.fixture(autouse=True)
def _english_messages():
    # The messages are translated; the assertions read the English ones.
    with translation.override("en"):
        yield


def ids(messages):
    return [message.id for message in messages]


def ward_ids(messages):
    return sorted(message.id for message in messages if message.id.startswith("wagtail_ward."))


def all_static_checks():
    return [
        *checks.check_installed_apps(None),
        *checks.check_languages(None),
        *checks.check_middleware(None),
        *checks.check_family_requirements(None),
    ]


# Installed apps


def test_a_family_without_routable_page_is_an_error_naming_each():
    configs = [c for c in apps.get_app_configs() if c.name != "wagtail.contrib.routable_page"]
    with mock.patch.object(checks.apps, "get_app_configs", return_value=configs):
        messages = checks.check_family_requirements(None)
    assert ids(messages) == ["wagtail_ward.E005"] * 4
    assert [m.msg for m in messages] == [
        f"The page family “wagtail_ward.{family}” needs “wagtail.contrib.routable_page” in "
        "INSTALLED_APPS."
        for family in ("news", "schedule", "training", "procedures")
    ]


def test_a_family_package_that_cannot_be_imported_is_an_error_naming_it():
    real_find_spec = checks.find_spec
    with mock.patch.object(
        checks, "find_spec", lambda name: None if name == "icalendar" else real_find_spec(name)
    ):
        messages = checks.check_family_requirements(None)
    assert ids(messages) == ["wagtail_ward.E006"]
    assert messages[0].msg == (
        "The page family “wagtail_ward.schedule” needs the Python package “icalendar”, "
        "which is not installed."
    )
    assert messages[0].hint == "Install it: pip install “icalendar”."


def test_missing_app_is_an_error_naming_it():
    configs = [c for c in apps.get_app_configs() if c.name != "wagtail_localize"]
    assert len(configs) == len(list(apps.get_app_configs())) - 1
    with mock.patch.object(checks.apps, "get_app_configs", return_value=configs):
        messages = checks.check_installed_apps(None)
    assert ids(messages) == ["wagtail_ward.E001"]
    (error,) = messages
    assert isinstance(error, Error)
    assert "wagtail_localize" in error.msg
    assert "wagtail_localize" in error.hint
    assert "INSTALLED_APPS" in error.hint


def test_each_missing_app_is_named():
    missing = {"wagtail.contrib.settings", "rest_framework"}
    configs = [c for c in apps.get_app_configs() if c.name not in missing]
    with mock.patch.object(checks.apps, "get_app_configs", return_value=configs):
        messages = checks.check_installed_apps(None)
    assert ids(messages) == ["wagtail_ward.E001", "wagtail_ward.E001"]
    assert {app for app in missing if any(app in m.hint for m in messages)} == missing


def test_all_required_apps_installed():
    assert checks.check_installed_apps(None) == []


# Languages


@override_settings(
    LANGUAGES=ENGLISH_ONLY, WAGTAIL_CONTENT_LANGUAGES=ENGLISH_ONLY, LANGUAGE_CODE="en"
)
def test_no_vietnamese_language_is_an_error():
    messages = checks.check_languages(None)
    assert ids(messages) == ["wagtail_ward.E002"]
    assert isinstance(messages[0], Error)
    assert '("vi", "Tiếng Việt")' in messages[0].hint
    assert "WAGTAIL_CONTENT_LANGUAGES" in messages[0].hint


@override_settings(
    LANGUAGES=[("vi", "Tiếng Việt"), ("en", "English")], WAGTAIL_CONTENT_LANGUAGES=ENGLISH_ONLY
)
def test_content_languages_decide_over_languages():
    assert "wagtail_ward.E002" in ids(checks.check_languages(None))


@override_settings(
    LANGUAGES=[("vi-vn", "Tiếng Việt"), ("en", "English")],
    WAGTAIL_CONTENT_LANGUAGES=[("vi-vn", "Tiếng Việt"), ("en", "English")],
    LANGUAGE_CODE="vi-vn",
)
def test_regional_vietnamese_is_vietnamese():
    assert checks.check_languages(None) == []


@override_settings(WAGTAIL_I18N_ENABLED=False)
def test_i18n_off_is_a_warning():
    messages = checks.check_languages(None)
    assert ids(messages) == ["wagtail_ward.W001"]
    assert isinstance(messages[0], Warning)
    assert "WAGTAIL_I18N_ENABLED = True" in messages[0].hint


@override_settings(LANGUAGE_CODE="en")
def test_vietnamese_not_default_is_a_warning():
    messages = checks.check_languages(None)
    assert ids(messages) == ["wagtail_ward.W002"]
    assert isinstance(messages[0], Warning)
    assert 'LANGUAGE_CODE = "vi"' in messages[0].hint


# Middleware


@override_settings(
    MIDDLEWARE=[m for m in MIDDLEWARE if "VisitCounter" not in m],
    WAGTAIL_WARD={"VISIT_COUNT_ON_PAGES": True},
)
def test_missing_visit_middleware_is_a_warning():
    messages = checks.check_middleware(None)
    assert ids(messages) == ["wagtail_ward.W003"]
    assert "wagtail_ward.middleware.VisitCounterMiddleware" in messages[0].hint


@override_settings(
    MIDDLEWARE=[m for m in MIDDLEWARE if "VisitCounter" not in m],
    WAGTAIL_WARD={"VISIT_COUNTER": False},
)
def test_no_visit_middleware_needed_when_counter_is_off():
    assert checks.check_middleware(None) == []


@override_settings(MIDDLEWARE=[m for m in MIDDLEWARE if "LocaleMiddleware" not in m])
def test_missing_locale_middleware_is_a_warning():
    messages = checks.check_middleware(None)
    assert ids(messages) == ["wagtail_ward.W004"]
    assert "django.middleware.locale.LocaleMiddleware" in messages[0].hint


@override_settings(MIDDLEWARE=[m for m in MIDDLEWARE if "VisitCounter" not in m])
def test_no_visit_middleware_needed_when_pages_report_their_visits():
    assert checks.check_middleware(None) == []


@override_settings(
    MIDDLEWARE=[m for m in MIDDLEWARE if "VisitCounter" not in m and "LocaleMiddleware" not in m],
    WAGTAIL_WARD={"VISIT_COUNT_ON_PAGES": True},
)
def test_both_middleware_missing():
    assert ids(checks.check_middleware(None)) == ["wagtail_ward.W003", "wagtail_ward.W004"]


# The cache of page parts


@override_settings(WAGTAIL_WARD={"FRAGMENT_CACHE": "pages"})
def test_a_fragment_cache_missing_from_caches_is_an_error():
    messages = checks.check_fragment_cache(None)
    assert ids(messages) == ["wagtail_ward.E004"]
    assert "“pages”" in messages[0].msg


@override_settings(WAGTAIL_WARD={"FRAGMENT_CACHE": "pages", "FRAGMENT_CACHE_SECONDS": 0})
def test_no_fragment_cache_needed_when_switched_off():
    assert checks.check_fragment_cache(None) == []


# The database


def test_no_vietnamese_locale_row_is_an_error(db):
    assert checks.check_vietnamese_locale_exists(None) == []
    Locale.objects.filter(language_code="vi").update(language_code="fr")
    messages = checks.check_vietnamese_locale_exists(None)
    assert ids(messages) == ["wagtail_ward.E003"]
    assert isinstance(messages[0], Error)
    assert "Locales" in messages[0].hint


# The test settings: clean


def test_test_settings_give_no_ward_messages(db):
    assert all_static_checks() == []
    assert checks.check_vietnamese_locale_exists(None) == []
    assert ward_ids(run_checks(databases=["default"])) == []


@override_settings(
    LANGUAGES=ENGLISH_ONLY, WAGTAIL_CONTENT_LANGUAGES=ENGLISH_ONLY, LANGUAGE_CODE="en"
)
def test_checks_are_registered(db):
    Locale.objects.filter(language_code="vi").update(language_code="fr")
    assert ward_ids(run_checks(databases=["default"])) == ["wagtail_ward.E002", "wagtail_ward.E003"]


def test_manage_py_check_passes(db):
    out, err = io.StringIO(), io.StringIO()
    call_command("check", "--database", "default", stdout=out, stderr=err)
    assert "System check identified no issues" in out.getvalue()
    assert "wagtail_ward" not in out.getvalue() + err.getvalue()


@override_settings(WAGTAIL_I18N_ENABLED=False)
def test_manage_py_check_reports_a_ward_warning(db):
    out, err = io.StringIO(), io.StringIO()
    call_command("check", stdout=out, stderr=err)
    assert "wagtail_ward.W001" in out.getvalue() + err.getvalue()
