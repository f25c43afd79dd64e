"""Settings of the demo district site, as a project that installs wagtail-ward would write them."""

import importlib.util
import os
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "demo",
    "wagtail_ward.news",
    "wagtail_ward.schedule",
    "wagtail_ward.training",
    "wagtail_ward.procedures",
    "wagtail_ward",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
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
# wagtail-ward[graphql] (docs/graphql.md): GraphQL at /graphql/ and GraphiQL at /graphiql/,
# when the extra is installed.
if importlib.util.find_spec("grapple"):
    INSTALLED_APPS += ["grapple", "graphene_django"]
    GRAPPLE = {"APPS": [], "EXPOSE_GRAPHIQL": True}
    GRAPHENE = {"SCHEMA": "grapple.schema.schema"}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # 503 + Retry-After instead of a 500 while the database is unreachable (docs/load.md).
    "wagtail_ward.unavailable.DatabaseUnavailableMiddleware",
    "wagtail_ward.conditional.ConditionalRequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "wagtail_ward.middleware.VisitCounterMiddleware",
    "wagtail_ward.middleware.FragmentCacheMiddleware",
]

ROOT_URLCONF = "district_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
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

WSGI_APPLICATION = "district_site.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English as the translation.
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
MEDIA_ROOT = BASE_DIR / "media"

WAGTAIL_SITE_NAME = "Quận Ngô Quyền"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# A headless frontend on another origin (docs/headless.md): django-cors-headers for the API
# only, the voter token header of the poll vote allowed, the origins from the environment
# (a comma-separated list, e.g. the reference client served on a second port).
CORS_URLS_REGEX = r"^/(api|graphql)/"
CORS_ALLOW_HEADERS = (*default_headers, "x-ward-voter")
CORS_ALLOWED_ORIGINS = [
    origin for origin in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if origin
]

WAGTAIL_WARD = {
    "TIME_ZONE": TIME_ZONE,
}
