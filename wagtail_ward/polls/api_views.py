"""The JSON endpoints of polls: ``GET /api/ward/polls/<id>/`` and ``POST …/vote/``.

Their answers and the language rule are described in ``views`` (the HTML form's module), which
also keeps what both share (``_attempt``, ``_message``, ``STATUS``).
"""

import functools

from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from ..conf import ward_setting
from ..params import BadParameter, answer_language, json_object, requested_language
from ..ratelimit import retry_after
from . import cors, voting
from .views import STATUS, _attempt, _localized, _message, _public_poll


def _not_found(request):
    """The JSON 404 of a poll that does not exist or is not shown anywhere public, in the
    request's language (the poll's own is not told)."""
    message = _("There is no public poll with this number.")
    return _json(request, {"code": "not_found", "message": message}, status=404)


def _api_language(request):
    """The language the JSON endpoints answer in: ``?locale=`` (the API's one rule,
    ``params.answer_language``), else the address's language prefix, else the site's default."""
    if "locale" not in request.GET:
        prefix = translation.get_language_from_path(request.path_info)
        if prefix:
            return prefix
    return requested_language(request.GET)  # what answer_language() gives, or BadParameter


def _api_poll(request, poll_id):
    """``(poll, language)``: the public poll ``poll_id`` in the language the request asks for
    (its translation, or itself when it has none), and that language; the poll is None when
    there is no public poll with this number. An unknown ``?locale=`` raises ``BadParameter``."""
    language = _api_language(request)
    poll = _public_poll(poll_id)
    if poll is None:
        return None, language
    with translation.override(language):
        return _localized(poll), language


def _origin_refused(request):
    """A vote sent by a browser from another website that the CORS settings do not allow."""
    origin = request.headers.get("Origin")
    if not origin or origin == f"{request.scheme}://{request.get_host()}":
        return False
    return not cors.origin_allowed(request, origin)


def _json(request, data, status=200):
    # The Access-Control-* headers (and Vary: Origin) come from django-cors-headers' middleware.
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _api_token(request):
    return request.headers.get(voting.VOTER_HEADER) or request.COOKIES.get(voting.VOTER_COOKIE, "")


def _api_representation(request, poll, language, **kwargs):
    data = poll.api_representation(request, **kwargs)
    # The poll's own text when it has no translation in the language asked for.
    data["fallback"] = poll.locale.language_code != language
    if "locale" in request.GET:  # a vote sent to vote_url is answered in the same language
        data["vote_url"] = f"{data['vote_url']}?{urlencode({'locale': language})}"
    return data


def _bad_locale(request, error):
    return _json(request, {"code": "locale", **error.as_dict()}, status=error.status)


def poll_endpoint(method):
    """A JSON endpoint of one public poll, answered with ``method`` only: the view is called as
    ``view(request, poll, language)`` inside the language asked for, with the poll in that
    language. An unknown ``?locale=`` (404 naming it), another method (405) and a poll that is
    not public (404) are answered here, in that order."""

    def decorate(view):
        @csrf_exempt
        @functools.wraps(view)
        def endpoint(request, poll_id):
            try:
                poll, language = _api_poll(request, poll_id)
            except BadParameter as error:
                with translation.override(answer_language(request)):
                    return _bad_locale(request, error)
            with translation.override(language):
                if request.method != method:
                    message = _("Use GET.") if method == "GET" else _("Use POST.")
                    return _json(request, {"code": "method", "message": message}, status=405)
                if poll is None:
                    return _not_found(request)
                return view(request, poll, language)

        return endpoint

    return decorate


@poll_endpoint("GET")
def api_poll(request, poll, language):
    """``GET /api/ward/polls/<id>/?locale=``: the poll, whether this voter voted, and public
    results, in the language asked for."""
    token = _api_token(request)
    voted = voting.has_voted(poll, token, voting.client_address(request))
    response = _json(request, _api_representation(request, poll, language, has_voted=voted))
    # "has_voted" is this voter's: no shared cache may give it to another.
    patch_vary_headers(response, ("Cookie", voting.VOTER_HEADER))
    return response


@poll_endpoint("POST")
def api_vote(request, poll, language):
    """``POST /api/ward/polls/<id>/vote/?locale=`` with ``{"choice": "<key>"}``.

    Needs ``Content-Type: application/json`` and a voter token in the ``X-Ward-Voter`` header:
    a cross-site HTML form can send neither, so no CSRF cookie is needed. Browsers on another
    origin may call it when django-cors-headers allows the origin (``CORS_ALLOWED_ORIGINS``,
    see ``cors.py``), which also answers the preflight; any other ``Origin`` is refused.
    """
    if _origin_refused(request):
        message = _("Votes from this website are not accepted.")
        return _json(request, {"code": "origin", "message": message}, status=403)
    if request.content_type != "application/json":
        message = _("Send the vote as JSON (Content-Type: application/json).")
        return _json(request, {"code": "content_type", "message": message}, status=415)
    token = _api_token(request)
    if not voting.valid_token(token):
        message = _(
            "Send a voter token of %(min)s to %(max)s characters in the %(header)s header."
        ) % {
            "min": voting.VOTER_TOKEN_MIN_LENGTH,
            "max": voting.VOTER_TOKEN_MAX_LENGTH,
            "header": voting.VOTER_HEADER,
        }
        return _json(request, {"code": "voter_token", "message": message}, status=400)
    try:
        body = json_object(request)
    except BadParameter as error:
        return _json(request, {"code": "json", **error.as_dict()}, status=400)
    choice = body.get("choice", "")
    if not isinstance(choice, str):
        choice = ""
    choices = list(poll.choices.all())
    code = _attempt(request, poll, choice, token, choices=choices)
    voted = code in (voting.COUNTED, voting.ALREADY_VOTED)
    data = {
        "code": code,
        "message": _message(code, poll, choice),
        "poll": _api_representation(request, poll, language, has_voted=voted, choices=choices),
    }
    response = _json(request, data, status=STATUS[code])
    if code == "rate_limited":
        response["Retry-After"] = str(retry_after(ward_setting("POLL_RATE")))
    return response
