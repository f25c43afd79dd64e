"""Cross-origin calls to the poll endpoints, through django-cors-headers.

The project lists the frontends' origins in ``CORS_ALLOWED_ORIGINS`` (or the other settings of
django-cors-headers) and installs ``corsheaders.middleware.CorsMiddleware``; the middleware
answers the preflight and adds the ``Access-Control-*`` headers. This module only

- tells the vote endpoint whether an ``Origin`` is allowed by those same rules (a vote from
  any other website is refused with 403, whatever a browser would do with the answer);
- keeps the older ``WAGTAIL_WARD["POLL_CORS_ORIGINS"]`` working for the poll endpoints, through
  the ``check_request_enabled`` signal of django-cors-headers, with a deprecation warning;
- checks the settings a frontend on another origin needs (system checks W006 to W008).
"""

from urllib.parse import urlsplit

from corsheaders.conf import conf as cors_conf
from corsheaders.middleware import CorsMiddleware
from corsheaders.signals import check_request_enabled
from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http import HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from ..conf import ward_setting
from .voting import VOTER_HEADER

MIDDLEWARE = "corsheaders.middleware.CorsMiddleware"

# Only its rules are used (which origins, which URLs): it never handles a request here.
_rules = CorsMiddleware(HttpResponse)


def _poll_api_prefix():
    try:
        return reverse("wagtail_ward:poll_api", args=[1])[: -len("1/")]
    except NoReverseMatch:
        return None


def allow_deprecated_poll_origins(sender, request, **kwargs):
    """``check_request_enabled`` receiver: the origins of ``POLL_CORS_ORIGINS`` may call the
    poll endpoints (and only those)."""
    origin = request.headers.get("Origin")
    if not origin or origin not in ward_setting("POLL_CORS_ORIGINS"):
        return False
    prefix = _poll_api_prefix()
    return bool(prefix) and request.path.startswith(prefix)


check_request_enabled.connect(allow_deprecated_poll_origins, dispatch_uid="wagtail_ward.polls")


def origin_allowed(request, origin):
    """Whether django-cors-headers lets ``origin`` call this URL (as its middleware decides)."""
    if not _rules.is_enabled(request):
        return False
    if cors_conf.CORS_ALLOW_ALL_ORIGINS:
        return True
    try:
        url = urlsplit(origin)
    except ValueError:
        return False
    return _rules.origin_found_in_white_lists(origin, url) or _rules.check_signal(request)


def _origins_configured():
    return bool(
        cors_conf.CORS_ALLOW_ALL_ORIGINS
        or cors_conf.CORS_ALLOWED_ORIGINS
        or cors_conf.CORS_ALLOWED_ORIGIN_REGEXES
        or ward_setting("POLL_CORS_ORIGINS")
    )


@register(Tags.security)
def check_cors(app_configs, **kwargs):
    warnings = []
    if ward_setting("POLL_CORS_ORIGINS"):
        warnings.append(
            Warning(
                _('WAGTAIL_WARD["POLL_CORS_ORIGINS"] is deprecated.'),
                hint=_(
                    "List the origins in CORS_ALLOWED_ORIGINS (django-cors-headers) instead; "
                    "see the “Build a headless ward site” page of the documentation."
                ),
                id="wagtail_ward.W006",
            )
        )
    if not _origins_configured():
        return warnings
    if MIDDLEWARE not in settings.MIDDLEWARE:
        warnings.append(
            Warning(
                _(
                    "Origins are allowed to call the API, but the middleware of "
                    "django-cors-headers is not installed: browsers will refuse the answers."
                ),
                hint=_("Add “%(middleware)s” to MIDDLEWARE, before CommonMiddleware.")
                % {"middleware": MIDDLEWARE},
                id="wagtail_ward.W007",
            )
        )
    elif VOTER_HEADER.lower() not in {h.lower() for h in cors_conf.CORS_ALLOW_HEADERS}:
        warnings.append(
            Warning(
                _(
                    "CORS_ALLOW_HEADERS lacks the %(header)s header: a frontend on another "
                    "origin cannot vote in polls."
                )
                % {"header": VOTER_HEADER},
                hint=_(
                    "Set CORS_ALLOW_HEADERS = (*corsheaders.defaults.default_headers, "
                    "“%(header)s”)."
                )
                % {"header": VOTER_HEADER.lower()},
                id="wagtail_ward.W008",
            )
        )
    return warnings
