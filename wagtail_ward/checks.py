"""System checks for the mistakes a developer is likely to make when installing wagtail-ward.

Imported from ``WagtailWardConfig.ready()`` only, once the models are loaded: so the checks may
import models at the top like any other module.
"""

from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from .conf import ward_setting
from .ratelimit import rate_limit_cache_alias

REQUIRED_APPS = [
    ("wagtail", "wagtail"),
    ("wagtail.contrib.settings", "wagtail.contrib.settings"),
    ("wagtail.contrib.sitemaps", "wagtail.contrib.sitemaps"),
    ("wagtail.contrib.table_block", "wagtail.contrib.table_block"),
    ("wagtail.embeds", "wagtail.embeds"),
    ("wagtail.images", "wagtail.images"),
    ("wagtail.documents", "wagtail.documents"),
    ("wagtail.api.v2", "wagtail.api.v2"),
    ("rest_framework", "rest_framework"),
    ("django.contrib.sitemaps", "django.contrib.sitemaps"),
    ("modelcluster", "modelcluster"),
    ("taggit", "taggit"),
    ("wagtail_localize", "wagtail_localize"),
]


@register(Tags.compatibility)
def check_installed_apps(app_configs, **kwargs):
    errors = []
    for name, module in REQUIRED_APPS:
        if not any(config.name == module for config in apps.get_app_configs()):
            errors.append(
                Error(
                    _("wagtail-ward needs “%(app)s” in INSTALLED_APPS.") % {"app": name},
                    hint=_("Add “%(app)s” to INSTALLED_APPS (see the installation docs).")
                    % {"app": name},
                    id="wagtail_ward.E001",
                )
            )
    return errors


@register(Tags.compatibility)
def check_family_requirements(app_configs, **kwargs):
    """What each installed page family says it needs: apps (``ward_requires_apps``) and Python
    packages (``ward_requires_modules``) on its AppConfig. The core names no family."""
    installed = {config.name for config in apps.get_app_configs()}
    errors = []
    for config in apps.get_app_configs():
        for app in getattr(config, "ward_requires_apps", ()):
            if app not in installed:
                errors.append(
                    Error(
                        _("The page family “%(family)s” needs “%(app)s” in INSTALLED_APPS.")
                        % {"family": config.name, "app": app},
                        hint=_("Add “%(app)s” to INSTALLED_APPS (see the installation docs).")
                        % {"app": app},
                        id="wagtail_ward.E005",
                    )
                )
        for module, package in getattr(config, "ward_requires_modules", ()):
            if find_spec(module) is None:
                errors.append(
                    Error(
                        _(
                            "The page family “%(family)s” needs the Python package "
                            "“%(package)s”, which is not installed."
                        )
                        % {"family": config.name, "package": package},
                        hint=_("Install it: pip install “%(package)s”.") % {"package": package},
                        id="wagtail_ward.E006",
                    )
                )
    return errors


@register(Tags.translation)
def check_languages(app_configs, **kwargs):
    errors = []
    languages = getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", None) or settings.LANGUAGES
    codes = [code for code, _name in languages]
    if not any(code == "vi" or code.startswith("vi-") for code in codes):
        errors.append(
            Error(
                _("No Vietnamese locale is configured."),
                hint=_(
                    'Add ("vi", "Tiếng Việt") to WAGTAIL_CONTENT_LANGUAGES and LANGUAGES, and set '
                    'LANGUAGE_CODE = "vi" to make it the default.'
                ),
                id="wagtail_ward.E002",
            )
        )
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        errors.append(
            Warning(
                _("WAGTAIL_I18N_ENABLED is not True: pages cannot be translated into English."),
                hint=_("Set WAGTAIL_I18N_ENABLED = True in the settings."),
                id="wagtail_ward.W001",
            )
        )
    if codes and not settings.LANGUAGE_CODE.startswith("vi") and "vi" in codes:
        errors.append(
            Warning(
                _("Vietnamese is configured but is not the default language."),
                hint=_('Set LANGUAGE_CODE = "vi" so that new content is Vietnamese first.'),
                id="wagtail_ward.W002",
            )
        )
    return errors


@register(Tags.compatibility)
def check_middleware(app_configs, **kwargs):
    middleware = settings.MIDDLEWARE
    warnings = []
    # Pages report their visits with their script: the middleware counts only when asked to.
    if (
        ward_setting("VISIT_COUNTER")
        and ward_setting("VISIT_COUNT_ON_PAGES")
        and "wagtail_ward.middleware.VisitCounterMiddleware" not in middleware
    ):
        warnings.append(
            Warning(
                _("The visitor counter is on but its middleware is not installed."),
                hint=_(
                    "Add “wagtail_ward.middleware.VisitCounterMiddleware” to MIDDLEWARE, or set "
                    'WAGTAIL_WARD = {"VISIT_COUNTER": False}.'
                ),
                id="wagtail_ward.W003",
            )
        )
    if ward_setting("FRAGMENT_CACHE_SECONDS") and (
        "wagtail_ward.middleware.FragmentCacheMiddleware" not in middleware
    ):
        warnings.append(
            Warning(
                _(
                    "The fragment cache is on but its middleware is not installed: every page "
                    "is rendered afresh."
                ),
                hint=_(
                    "Add “wagtail_ward.middleware.FragmentCacheMiddleware” to MIDDLEWARE, or set "
                    'WAGTAIL_WARD = {"FRAGMENT_CACHE_SECONDS": 0}.'
                ),
                id="wagtail_ward.W005",
            )
        )
    if "django.middleware.locale.LocaleMiddleware" not in middleware:
        warnings.append(
            Warning(
                _("LocaleMiddleware is not installed: English pages will show Vietnamese labels."),
                hint=_(
                    "Add “django.middleware.locale.LocaleMiddleware” to MIDDLEWARE after "
                    "SessionMiddleware."
                ),
                id="wagtail_ward.W004",
            )
        )
    return warnings


@register(Tags.caches)
def check_fragment_cache(app_configs, **kwargs):
    """The cache that keeps page parts (``WAGTAIL_WARD["FRAGMENT_CACHE"]``) is configured."""
    alias = ward_setting("FRAGMENT_CACHE")
    if not ward_setting("FRAGMENT_CACHE_SECONDS") or alias in settings.CACHES:
        return []
    return [
        Error(
            _("WAGTAIL_WARD[“FRAGMENT_CACHE”] names the cache “%(alias)s”, which is not in CACHES.")
            % {"alias": alias},
            hint=_(
                "Add that cache to CACHES, name one that is there, or set "
                "WAGTAIL_WARD[“FRAGMENT_CACHE_SECONDS”] = 0 to render every page afresh."
            ),
            id="wagtail_ward.E004",
        )
    ]


# Cache backends that keep what they count in each process (or not at all), and one that is
# shared but not atomic: rate limits counted there do not hold across processes.
_PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache": gettext_lazy(
        "keeps its counts in each process's memory"
    ),
    "django.core.cache.backends.dummy.DummyCache": gettext_lazy(
        "keeps nothing, so nothing is limited"
    ),
    "django.core.cache.backends.filebased.FileBasedCache": gettext_lazy(
        "is shared by the processes of one host only, and its counts are not atomic"
    ),
}


@register(Tags.caches, deploy=True)
def check_rate_limit_cache(app_configs, **kwargs):
    """``manage.py check --deploy``: the rate limits (``wagtail_ward.ratelimit``) count in a
    cache that every application process shares."""
    alias = rate_limit_cache_alias()
    backend = settings.CACHES.get(alias, {}).get("BACKEND", "")
    reason = _PER_PROCESS_CACHES.get(backend)
    if reason is None:
        return []
    return [
        Warning(
            _(
                "The rate limits of votes, visits, questions and applications count in the cache "
                "“%(alias)s” (%(backend)s), which %(reason)s: with several processes, or after a "
                "restart, they do not hold."
            )
            % {"alias": alias, "backend": backend.rsplit(".", 1)[-1], "reason": reason},
            hint=_(
                "Use a cache shared by every process, such as Redis "
                "(wagtail_ward.cache.ResilientRedisCache), for “%(alias)s”, or name one with "
                "RATELIMIT_USE_CACHE (see the production docs)."
            )
            % {"alias": alias},
            id="wagtail_ward.W009",
        )
    ]


@register(Tags.database)
def check_vietnamese_locale_exists(app_configs, **kwargs):
    """Run by ``manage.py check --database default``: the Vietnamese Locale row exists."""
    try:
        exists = Locale.objects.filter(language_code__startswith="vi").exists()
    except DatabaseError:
        return []  # not migrated yet: migrate creates the default locale
    if exists:
        return []
    return [
        Error(
            _("The database has no Vietnamese locale."),
            hint=_(
                "Add it in Settings → Locales, or run “manage.py migrate” with LANGUAGE_CODE = "
                '"vi" on a new database.'
            ),
            id="wagtail_ward.E003",
        )
    ]
