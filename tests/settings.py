"""Settings of the test suite. DATABASE_URL picks the database (SQLite in memory by default)."""

import importlib.util
import os
import tempfile
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = "tests-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "tests.testapp",
    # A project's own pages over the families' mixins (tests/families.py switches to them).
    "tests.subclassed_news",
    "tests.subclassed_schedule",
    "tests.subclassed_training",
    "tests.subclassed_procedures",
    "wagtail_ward.news",
    "wagtail_ward.schedule",
    "wagtail_ward.training",
    "wagtail_ward.procedures",
    "wagtail_ward",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "corsheaders",
]
# wagtail-ward[headless]: the headless preview, when the extra is installed (tests/api).
if importlib.util.find_spec("wagtail_headless_preview"):
    INSTALLED_APPS.append("wagtail_headless_preview")
# wagtail-ward[graphql]: wagtail-grapple's schema with the ward types (tests/graphql).
if importlib.util.find_spec("grapple"):
    INSTALLED_APPS += ["grapple", "graphene_django"]
    GRAPPLE = {"APPS": []}
    GRAPHENE = {"SCHEMA": "grapple.schema.schema"}
# Wagtail 8's v3 API (django-ninja), absent from Wagtail 7: tests/api/test_v3.py.
if importlib.util.find_spec("wagtail.api.v3"):
    INSTALLED_APPS.append("wagtail.api.v3")
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": "https://frontend.example/preview"}}

MIDDLEWARE = [
    "tests.commits.CommitBeforeEachRequest",  # see there: the test's on_commit callbacks
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "wagtail_ward.conditional.ConditionalRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail_ward.middleware.VisitCounterMiddleware",
    "wagtail_ward.middleware.FragmentCacheMiddleware",
]

ROOT_URLCONF = "tests.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": dj_database_url.config(default="sqlite://:memory:")}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, so that the threads of the concurrency tests share one database.
    # A file, one per test process, so that parallel runs never share it; removed afterwards.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"wagtail-ward-tests-{os.getpid()}.sqlite3")
    }
    # A throwaway database: no flush to disk at each commit (14 ms each on this machine's disk,
    # paid by every migration, transactional test and demo load).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "vi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# As docs/snippets/settings.py: dd/mm/yyyy dates, weeks from Monday, numbers grouped as 1.234.
FORMAT_MODULE_PATH = ["wagtail_ward.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_root"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("WAGTAIL_WARD_TEST_MEDIA", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail updates the search index in a background task. With Wagtail 7's django-tasks the
# immediate backend waits for the commit, which a test's transaction never reaches: run it at
# once. (Newer django-tasks run immediate tasks at once and ignore the option.)
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "ENQUEUE_ON_COMMIT": False,
    }
}

# As docs/headless.md: django-cors-headers for the API only; the tests list the origins.
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_HEADERS = (*default_headers, "x-ward-voter")

WAGTAIL_SITE_NAME = "wagtail-ward tests"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
