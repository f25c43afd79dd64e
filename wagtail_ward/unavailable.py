"""503 Service Unavailable with ``Retry-After`` while the database cannot be reached.

Without it, a page, a vote or a visit asked for while PostgreSQL restarts (or a connection drops)
fails with Django's 500: the reader sees a server error, a script or a proxy cannot tell it from
a bug, and monitoring counts it as one. ``DatabaseUnavailableMiddleware`` answers instead
``503`` with ``Retry-After`` (seconds) and ``Cache-Control: no-store``: JSON under ``/api/``
(``{"code": "unavailable", "message": ...}``), a short HTML page elsewhere, which needs neither
the database nor a template. It handles ``django.db.OperationalError`` and ``InterfaceError``
(the server is down, the connection is gone), nothing else, raised by the view, its template or
any middleware after it: put it near the top of ``MIDDLEWARE``, right after
``SecurityMiddleware`` and ``CorsMiddleware`` (which read no database), before every middleware
that may read it (``FragmentCacheMiddleware`` reads the content token before the view).

A view's error reaches ``process_exception``. A middleware's error does not: Django turns it
into a 500 response in the middleware's own wrapper. Django announces it first with the
``got_request_exception`` signal, while the exception is being handled; the receiver here marks
the request, and the middleware replaces that 500 with the 503.

Nothing is half written: the write endpoints (votes, visits, questions) write in one
transaction, which the error rolls back. Django closes the broken connection at the end of the
request, so the next request opens a new one once the database is back (with
``CONN_HEALTH_CHECKS`` the first request does not even see the broken one).
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait: a restart of PostgreSQL takes a few seconds.
RETRY_AFTER_SECONDS = 5
DATABASE_ERRORS = (OperationalError, InterfaceError)
# Set on a request whose handling met a database connection error.
MARK = "_wagtail_ward_database_unavailable"


def unavailable_response(request, seconds=RETRY_AFTER_SECONDS):
    """The 503 answer: JSON for the API, a short HTML page otherwise."""
    message = _("The service is briefly unavailable. Please try again in %(seconds)s seconds.") % {
        "seconds": seconds
    }
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"code": "unavailable", "message": message},
            status=503,
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        title = _("Service unavailable")
        response = HttpResponse(
            f'<!doctype html><html lang="{escape(get_language() or "vi")}"><head>'
            f'<meta charset="utf-8"><title>{escape(title)}</title></head>'
            f"<body><h1>{escape(title)}</h1><p>{escape(message)}</p></body></html>",
            status=503,
            content_type="text/html; charset=utf-8",
        )
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response


def mark_database_error(sender, request=None, **kwargs):
    """Receiver of ``got_request_exception``: marks the request when the exception being
    handled is a database connection error."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        setattr(request, MARK, True)


got_request_exception.connect(mark_database_error, dispatch_uid="wagtail_ward.unavailable")


class DatabaseUnavailableMiddleware:
    """Turns a database connection error met while answering into 503 + ``Retry-After``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, MARK, False):
            return unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.warning(
            "Database unavailable for %s %s: %s", request.method, request.path, exception
        )
        return unavailable_response(request)
