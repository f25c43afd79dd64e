# --- wagtail-ward ------------------------------------------------------------------------------
# The core app, the page families you want, and the apps they build on. Optional families:
# leave out a line to leave the family out; each works alone.
WARD_APPS = [
    "wagtail_ward.news",  # news: articles, categories, feeds (needs routable_page)
    "wagtail_ward.schedule",  # weekly work schedules, iCal, spreadsheet import
    "wagtail_ward.training",  # training programmes, online applications (needs routable_page)

    "wagtail_ward.procedures",  # administrative procedures, filters, JSON/.xlsx import
    "wagtail_ward",  # the core: settings, header and footer, polls, sitemaps
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces "wagtail.locales"
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.api.v2",
    "rest_framework",
    "django.contrib.sitemaps",
]
INSTALLED_APPS = WARD_APPS + [
    app for app in INSTALLED_APPS if app not in WARD_APPS and app != "wagtail.locales"
]

# English pages show English labels: LocaleMiddleware right after the sessions.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
    "django.middleware.locale.LocaleMiddleware",
)
# The visitor counter (leave it out and set WAGTAIL_WARD = {"VISIT_COUNTER": False} to go without).
MIDDLEWARE.append("wagtail_ward.middleware.VisitCounterMiddleware")
# Reads the content token before the page is loaded; without it, fragments are not cached.
MIDDLEWARE.append("wagtail_ward.middleware.FragmentCacheMiddleware")
# Cache-Control, ETag and Last-Modified, and 304 answers (outside the session and CSRF middleware).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "wagtail_ward.conditional.ConditionalRequestMiddleware",
)
# 503 with Retry-After (not a 500) while the database cannot be reached: before every
# middleware that reads it, so right after SecurityMiddleware (docs/load.md).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "wagtail_ward.unavailable.DatabaseUnavailableMiddleware",
)

# Vietnamese first, English as the translation (served under /en/).
LANGUAGE_CODE = "vi"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# Dates in the admin as the office writes them (07/12/2026, 07/12/2026 08:30), calendars that
# start on Monday and numbers grouped as 1.234: wagtail_ward.formats, and Wagtail's date pickers.
FORMAT_MODULE_PATH = ["wagtail_ward.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
