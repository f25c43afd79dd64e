"""Voting and reading polls: the HTML form (no JavaScript needed) and the JSON endpoints.

Answers to a vote, the same in the JSON endpoint and in the in-place (JavaScript) form:

=====  ==================  =====================================================================
201    ``counted``         the vote is counted
400    ``unknown_choice``  no answer, or an answer the poll does not have
400    ``voter_token``     JSON only: no usable ``X-Ward-Voter`` token
400    ``json``            JSON only: the body is not a JSON object (or is nested too deeply)
403    ``not_open``        the poll opens later
403    ``closed``          the poll is closed
404    ``not_found``       no such poll, or it is not shown anywhere public (see below)
409    ``already_voted``   this voter voted already; the current results come with the answer
429    ``rate_limited``    too many votes from one address; ``Retry-After`` says when to retry
=====  ==================  =====================================================================

A closed or not yet open poll answers 403 (the vote is refused at this time, whoever sends it),
not 409, which is kept for the one conflict with stored data: a second vote.

Only public polls answer (``Poll.objects.public()``): a poll shown on a published page that
everyone may read, the side-column poll of a site, or one marked public for other websites and
apps. Any other poll (on a draft, private or expired page only, or on no page) answers 404, in
JSON with the request's language for the JSON endpoints, with the site's 404 page for the form.

The HTML form answers in the poll's language: a vote on the English translation is answered in
English; without JavaScript it always redirects back (303) with the message.

The JSON endpoints answer in the language the request asks for, by the rule of every endpoint
of the API (``params.answer_language``): ``?locale=``, else the language prefix of the address
when a site serves these URLs under ``i18n_patterns``, else the site's default language. Any poll
id of a translation group gives the translation in that language (its ``id`` is the
translation's); a poll with no translation in it gives its own text, with ``"fallback": true``
and ``locale`` naming the language of the text. Messages are always in the language asked for.
A vote counts in the totals of the whole group, whichever translation it names.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from ..conf import ward_setting
from ..dates import ward_timezone
from ..params import BadParameter, answer_language, json_object, requested_language
from ..ratelimit import retry_after, too_many_requests
from . import cors, voting
from .results import poll_results

STATUS = {
    voting.COUNTED: 201,
    voting.UNKNOWN_CHOICE: 400,
    voting.NOT_OPEN: 403,
    voting.CLOSED: 403,
    voting.ALREADY_VOTED: 409,
    "rate_limited": 429,
}
MESSAGE_TAG = "ward-poll"


def _format_time(value):
    return formats.date_format(timezone.localtime(value, ward_timezone()), "DATETIME_FORMAT")


def _message(code, poll, choice=None):
    if code == voting.COUNTED:
        return _("Thank you. Your vote has been counted.")
    if code == voting.NOT_OPEN:
        return _("This poll is not open yet. It opens on %(time)s.") % {
            "time": _format_time(poll.opens_at)
        }
    if code == voting.CLOSED:
        return _("This poll closed on %(time)s. Votes are no longer accepted.") % {
            "time": _format_time(poll.closes_at)
        }
    if code == voting.UNKNOWN_CHOICE:
        if not choice:
            return _("Please choose one of the answers before you vote.")
        return _("“%(choice)s” is not one of the answers of this poll.") % {
            "choice": Truncator(choice).chars(50)
        }
    if code == voting.ALREADY_VOTED:
        return _("You have already voted in this poll. Your first vote is the one counted.")
    if code == "rate_limited":
        return _("Too many votes from your address. Please try again in %(seconds)s seconds.") % {
            "seconds": retry_after(ward_setting("POLL_RATE"))
        }
    raise ValueError(code)


def _attempt(request, poll, choice, token, choices=None):
    """Apply the rate limit and cast the vote. Returns the outcome code."""
    if too_many_requests(request, "wagtail_ward.polls", ward_setting("POLL_RATE")):
        return "rate_limited"
    address = voting.client_address(request)
    return voting.cast_vote(poll, choice, token, address, choices=choices).code


def _public_poll(poll_id):
    """The poll ``poll_id`` when it is public (shown where anyone can see it), else ``None``
    (``voting.public_poll``: cached under the content token)."""
    return voting.public_poll(poll_id)


def _get_poll(poll_id):
    poll = _public_poll(poll_id)
    if poll is None:
        raise Http404("No public poll with this number.")
    return poll


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


def _localized(poll):
    """The translation of ``poll`` in the active language, or ``poll`` itself."""
    active = translation.get_language() or ""
    if poll.locale.language_code == active or not active:
        return poll
    try:
        locale = Locale.objects.get_for_language(active)
    except Locale.DoesNotExist:
        return poll
    translated = poll.get_translation_or_none(locale)
    return translated or poll


def _poll_messages(request):
    """The messages of votes, by poll, read once per request. The other features' messages
    are put back for their own templates."""
    if not hasattr(request, "_ward_poll_messages"):
        by_poll, others = {}, []
        for item in messages.get_messages(request):
            tags = item.extra_tags.split()
            if MESSAGE_TAG in tags:
                for tag in tags:
                    if tag.startswith(f"{MESSAGE_TAG}-"):
                        by_poll.setdefault(tag, []).append(
                            {"text": item.message, "level": item.level_tag}
                        )
            else:
                others.append(item)
        for item in others:
            messages.add_message(request, item.level, item.message, extra_tags=item.extra_tags)
        request._ward_poll_messages = by_poll
    return request._ward_poll_messages


def poll_context(request, poll, message=None, message_level=None):
    """Everything the poll template needs for ``request``: a constant number of queries."""
    poll = _localized(poll)
    choices = list(poll.choices.all())
    token = request.COOKIES.get(voting.VOTER_COOKIE, "") if request else ""
    address = voting.client_address(request) if request else ""
    voted = voting.has_voted(poll, token, address) if request else False
    status = poll.status()
    show_results = poll.results_are_public(has_voted=voted)
    results = poll_results(poll, choices) if show_results else None
    poll_messages = []
    if message:
        poll_messages.append({"text": message, "level": message_level})
    elif request is not None and hasattr(request, "_messages"):
        tag = f"{MESSAGE_TAG}-{poll.translation_key}"
        poll_messages = _poll_messages(request).pop(tag, [])
    renders = getattr(request, "_ward_poll_renders", 0) + 1 if request else 1
    # The link anchor #ward-poll-<pk> is written once per poll and page: a poll in the body
    # and in the side column would otherwise repeat the id.
    anchored = getattr(request, "_ward_poll_anchors", set()) if request else set()
    anchor = poll.pk not in anchored
    if request is not None:
        request._ward_poll_renders = renders
        request._ward_poll_anchors = anchored | {poll.pk}
    return {
        "request": request,
        "poll": poll,
        "choices": choices,
        "status": status,
        "is_open": status == "open",
        "has_voted": voted,
        "results": results,
        "poll_messages": poll_messages,
        "dom_id": f"ward-poll-{poll.pk}-{renders}",
        "anchor": anchor,
        "next_url": request.get_full_path() if request else "/",
    }


def render_poll(request, poll, **kwargs):
    return render_to_string(
        "wagtail_ward/polls/poll.html", poll_context(request, poll, **kwargs), request=request
    )


def _set_voter_cookie(request, response, token):
    if getattr(request, "_ward_new_voter_token", False):
        response.set_cookie(
            voting.VOTER_COOKIE,
            token,
            max_age=voting.VOTER_COOKIE_MAX_AGE,
            httponly=True,
            samesite="Lax",
            secure=request.is_secure(),
        )


@require_POST
def vote(request, poll_id):
    """``POST /polls/<id>/vote/``: the HTML form, protected by Django's CSRF check.

    Without JavaScript: redirects back to the page (``next``) with the message. With the
    progressive-enhancement script (header ``X-Requested-With: fetch``): answers with the
    re-rendered poll and the status code of the table above.
    """
    poll = _get_poll(poll_id)
    token = request.COOKIES.get(voting.VOTER_COOKIE, "")
    if not voting.valid_token(token):
        token = voting.new_voter_token()
        # The fresh token is the visitor's from now on: the re-rendered poll reads it.
        request.COOKIES[voting.VOTER_COOKIE] = token
        request._ward_new_voter_token = True
    choice = request.POST.get("choice", "")
    with translation.override(poll.locale.language_code):
        code = _attempt(request, poll, choice, token)
        text = _message(code, poll, choice)
        level = "success" if code == voting.COUNTED else "error"
        if request.headers.get("X-Requested-With") == "fetch":
            response = HttpResponse(
                render_poll(request, poll, message=text, message_level=level),
                status=STATUS[code],
            )
        else:
            messages.add_message(
                request,
                messages.SUCCESS if code == voting.COUNTED else messages.ERROR,
                text,
                extra_tags=f"{MESSAGE_TAG} {MESSAGE_TAG}-{poll.translation_key}",
            )
            next_url = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                next_url = "/"
            response = HttpResponseRedirect(f"{next_url.split('#')[0]}#ward-poll-{poll.pk}")
            response.status_code = 303
    if code == "rate_limited":
        response["Retry-After"] = str(retry_after(ward_setting("POLL_RATE")))
    _set_voter_cookie(request, response, token)
    return response


# JSON endpoints for headless frontends ------------------------------------------------------


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


@csrf_exempt
def api_poll(request, poll_id):
    """``GET /api/ward/polls/<id>/?locale=``: the poll, whether this voter voted, and public
    results, in the language asked for."""
    try:
        poll, language = _api_poll(request, poll_id)
    except BadParameter as error:
        with translation.override(answer_language(request)):
            return _bad_locale(request, error)
    with translation.override(language):
        if request.method != "GET":
            return _json(request, {"code": "method", "message": _("Use GET.")}, status=405)
        if poll is None:
            return _not_found(request)
        token = _api_token(request)
        voted = voting.has_voted(poll, token, voting.client_address(request))
        response = _json(request, _api_representation(request, poll, language, has_voted=voted))
        # "has_voted" is this voter's: no shared cache may give it to another.
        patch_vary_headers(response, ("Cookie", voting.VOTER_HEADER))
        return response


@csrf_exempt
def api_vote(request, poll_id):
    """``POST /api/ward/polls/<id>/vote/?locale=`` with ``{"choice": "<key>"}``.

    Needs ``Content-Type: application/json`` and a voter token in the ``X-Ward-Voter`` header:
    a cross-site HTML form can send neither, so no CSRF cookie is needed. Browsers on another
    origin may call it when django-cors-headers allows the origin (``CORS_ALLOWED_ORIGINS``,
    see ``cors.py``), which also answers the preflight; any other ``Origin`` is refused.
    """
    try:
        poll, language = _api_poll(request, poll_id)
    except BadParameter as error:
        with translation.override(answer_language(request)):
            return _bad_locale(request, error)
    with translation.override(language):
        if poll is None:
            return _not_found(request)
        if request.method != "POST":
            return _json(request, {"code": "method", "message": _("Use POST.")}, status=405)
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
