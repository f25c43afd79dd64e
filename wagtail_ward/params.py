"""Checking what a request brings, at the edge, before it reaches a query.

Every ward view and API endpoint reads its parameters through these few functions. Each one
raises ``BadParameter`` naming the parameter and saying, in the request's language, what is
wrong with it; ``bad_request`` turns that into a 400 answer (JSON for JSON endpoints). So a NUL
byte, a number beyond the database's range, a year outside the calendar or a JSON body nested
a thousand levels deep gets a clear 400, never a 500::

    from wagtail_ward.params import BadParameter, bad_request, positive_int, text

    def view(request):
        try:
            page = positive_int(request.GET, "page", default=1)
            query = text(request.GET, "q")
        except BadParameter as error:
            return bad_request(error, json=False)
"""

import datetime
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

# The largest value of a signed 64-bit column (bigint on PostgreSQL, INTEGER on SQLite).
MAX_DB_INT = 2**63 - 1
# Dates a ward site can mean: the calendar a query can be built on, on every backend.
MIN_YEAR = 1
MAX_YEAR = 9998
# JSON nesting no endpoint of ours needs more of; deeper bodies are refused before parsing.
MAX_JSON_DEPTH = 32


class BadParameter(ValueError):
    """A request parameter (or body) that cannot be used, with a message for the client."""

    #: The HTTP status of the answer: 400, or 404 when the value names nothing that exists.
    status = 400

    def __init__(self, name, message):
        super().__init__(message)
        self.name = name
        self.message = message

    def as_dict(self):
        return {"message": self.message, "parameter": self.name}


def _raw(source, name):
    value = source.get(name)
    if value is not None and not isinstance(value, str):
        value = str(value)
    return value


def check_text(value, name):
    """``value`` itself when it holds no NUL byte (which no database column accepts)."""
    if value is not None and "\x00" in value:
        raise BadParameter(name, _("“%(name)s” must not contain a NUL character.") % {"name": name})
    return value


def check_query(source):
    """Every name and value of ``source`` (``request.GET``) when none holds a NUL byte."""
    for name in source:
        check_text(name, name)
        for value in source.getlist(name) if hasattr(source, "getlist") else [source[name]]:
            check_text(value, name)
    return source


def text(source, name, default="", max_length=1000):
    """The text parameter ``name`` of ``source`` (``request.GET`` or a dict), stripped."""
    value = _raw(source, name)
    if value is None:
        return default
    check_text(value, name)
    if len(value) > max_length:
        raise BadParameter(
            name,
            _("“%(name)s” is too long (at most %(max)s characters).")
            % {"name": name, "max": max_length},
        )
    return value.strip()


def search_words(value):
    """``value`` as plain search words: double quotes dropped, spaces of any kind made one.

    The SQLite full-text index of Wagtail's database search backend reads a double quote as
    syntax, and a query of spaces only as no query at all: both end in a server error there.
    Neither means anything in a search for words, on any backend.
    """
    return " ".join((value or "").replace('"', " ").split())


def search_text(source, name, default="", max_length=1000):
    """The search parameter ``name`` (``?q=``, ``?search=``) as plain search words."""
    return search_words(text(source, name, default=default, max_length=max_length))


def parse_positive_int(value, name, maximum=MAX_DB_INT):
    """``value`` (text) as a whole number from 1 to ``maximum``, written in ASCII digits."""
    if value is None or not value.isascii() or not value.isdigit() or not value.lstrip("0"):
        raise BadParameter(
            name, _("“%(name)s” must be a whole number from 1 upwards.") % {"name": name}
        )
    number = int(value)
    if number > maximum:
        raise BadParameter(
            name, _("“%(name)s” must be at most %(max)s.") % {"name": name, "max": maximum}
        )
    return number


def positive_int(source, name, default=None, maximum=MAX_DB_INT):
    """The parameter ``name`` as a positive whole number; ``default`` when it is absent."""
    value = _raw(source, name)
    if value is None or value == "":
        return default
    return parse_positive_int(value, name, maximum)


def non_negative_int(source, name, default=0, maximum=MAX_DB_INT):
    """Like ``positive_int``, but 0 is allowed (an offset)."""
    value = _raw(source, name)
    if value is None or value == "":
        return default
    if value.isascii() and value.isdigit() and not value.lstrip("0"):
        return 0
    return parse_positive_int(value, name, maximum)


def check_year(year, name="year"):
    """``year`` (a number already) when a date in it can be built and queried."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BadParameter(
            name,
            _("“%(name)s” must be a year from %(min)s to %(max)s.")
            % {"name": name, "min": MIN_YEAR, "max": MAX_YEAR},
        )
    return year


def parse_date(value, name):
    """``value`` written as YYYY-MM-DD, as a date within ``MIN_YEAR``..``MAX_YEAR``."""
    try:
        if value is None or not value.isascii():
            raise ValueError
        day = datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise BadParameter(
            name, _("“%(name)s” must be a date written as YYYY-MM-DD.") % {"name": name}
        ) from None
    check_year(day.year, name)
    return day


def date(source, name, default=None):
    """The parameter ``name`` as a date (YYYY-MM-DD); ``default`` when it is absent."""
    value = _raw(source, name)
    if value is None or value == "":
        return default
    return parse_date(value, name)


def parse_int(value, name, minimum=-MAX_DB_INT - 1, maximum=MAX_DB_INT):
    """``value`` (text) as a whole number, perhaps negative, written in ASCII digits."""
    digits = value[1:] if value[:1] == "-" else value
    if not digits.isascii() or not digits.isdigit():
        raise BadParameter(name, _("“%(name)s” must be a whole number.") % {"name": name})
    number = int(value)
    if not minimum <= number <= maximum:
        raise BadParameter(
            name,
            _("“%(name)s” must be a whole number from %(min)s to %(max)s.")
            % {"name": name, "min": minimum, "max": maximum},
        )
    return number


def field_value(source, name, field):
    """The parameter ``name`` as a value of the model field ``field`` it filters on.

    For filters such as ``?date=2015-08-03`` or ``?category=3`` of the API: a value the database
    could not compare with the column (a date that is no date, a number beyond the column's
    range) is refused here, with the field's own message, instead of failing in the query.
    """
    value = _raw(source, name)
    if value is None:
        return None
    check_text(value, name)
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, models.BooleanField):
        return choice(source, name, ["true", "false", "1", "0"]) in ("true", "1")
    if isinstance(field, (models.IntegerField, models.AutoField)):
        return parse_int(value, name)
    if isinstance(field, models.DateTimeField):
        moment = _field_python(field, value, name)
        check_year(moment.year, name)
        try:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise BadParameter(
                name, _("“%(name)s” is a moment outside the calendar.") % {"name": name}
            ) from None
        return moment
    if isinstance(field, models.DateField):
        return parse_date(value, name)
    if isinstance(field, (models.CharField, models.TextField)):
        return value
    return _field_python(field, value, name)


def _field_python(field, value, name):
    try:
        return field.to_python(value)
    except (ValidationError, ValueError, TypeError, OverflowError) as error:
        reason = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        raise BadParameter(
            name,
            _("“%(name)s” cannot be used: %(reason)s") % {"name": name, "reason": reason},
        ) from None


def choice(source, name, choices, default=None):
    """The parameter ``name``, which must be one of ``choices``."""
    value = _raw(source, name)
    if value is None or value == "":
        return default
    if value not in choices:
        raise BadParameter(
            name,
            _("“%(name)s” must be one of: %(choices)s.")
            % {"name": name, "choices": ", ".join(choices)},
        )
    return value


def _json_depth_ok(raw, limit):
    """Whether no array or object in ``raw`` nests deeper than ``limit`` (strings skipped)."""
    depth = 0
    in_string = escaped = False
    for char in raw:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return False
        elif char in "]}":
            depth -= 1
    return True


def json_object(request, name="body"):
    """The request's body as a JSON object (a dict); an empty body is ``{}``."""
    try:
        raw = (request.body or b"{}").decode("utf-8")
    except UnicodeDecodeError:
        raise BadParameter(name, _("The request body is not valid UTF-8.")) from None
    if not _json_depth_ok(raw, MAX_JSON_DEPTH):
        raise BadParameter(name, _("The request body is nested too deeply.")) from None
    try:
        body = json.loads(raw)
    except ValueError:
        raise BadParameter(name, _("The request body is not valid JSON.")) from None
    if not isinstance(body, dict):
        raise BadParameter(name, _("The request body must be a JSON object."))
    return body


def bad_request(error, json=True):
    """A 400 answer for ``error`` (a ``BadParameter``): JSON, or plain text for HTML routes."""
    if json:
        return JsonResponse(
            error.as_dict(), status=error.status, json_dumps_params={"ensure_ascii": False}
        )
    return HttpResponseBadRequest(error.message, content_type="text/plain; charset=utf-8")


class UnknownLanguage(BadParameter):
    """``?locale=`` naming no language of the site: there is no such content, a 404."""

    status = 404


def default_language():
    """The site's default language (``LANGUAGE_CODE``: Vietnamese on a ward site)."""
    return translation.get_supported_language_variant(settings.LANGUAGE_CODE)


def requested_language(source, name="locale"):
    """The language code ``?locale=`` asks for, or the site's default language without it.

    Raises ``UnknownLanguage`` (a 404 naming the parameter) for a code that is not one of
    ``LANGUAGES``, ``BadParameter`` for a NUL byte or an overlong value.
    """
    code = text(source, name, max_length=32)
    if not code:
        return default_language()
    if code not in {language for language, _name in settings.LANGUAGES}:
        raise UnknownLanguage(name, _("No such language: %(code)s.") % {"code": code})
    return code


def answer_language(request):
    """The language every JSON endpoint answers in, its data and its messages alike: the one
    ``?locale=`` names, else the site's default language (Vietnamese), whatever the client's
    ``Accept-Language`` or cookie. The API's paths carry no language prefix; one rule for every
    endpoint means that the same address always gives the same answer."""
    try:
        return requested_language(request.GET)
    except BadParameter:
        return default_language()
