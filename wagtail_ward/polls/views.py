"""Voting and reading polls: the HTML form (no JavaScript needed) here, the JSON endpoints in
``api_views``.

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
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponseRedirect,
)
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from ..conf import ward_setting
from ..dates import ward_timezone
from ..params import (
    BadParameter,
    positive_int,
)
from ..ratelimit import retry_after, too_many_requests
from ..sameorigin import refused
from . import voting
from .results import poll_results, remember_counts

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
    outcome = voting.cast_vote(poll, choice, token, address, choices=choices)
    if outcome.counts is not None:
        # The totals as this vote left them: the answer shows them without another query.
        remember_counts(poll, outcome.counts)
    return outcome.code


def _public_poll(poll_id):
    """The poll ``poll_id`` when it is public (shown where anyone can see it), else ``None``
    (``voting.public_poll``: cached under the content token)."""
    return voting.public_poll(poll_id)


def get_poll(poll_id):
    poll = _public_poll(poll_id)
    if poll is None:
        raise Http404("No public poll with this number.")
    return poll


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


def poll_context(request, poll, message=None, message_level=None, personal=False, renders=None):
    """Everything the poll template needs for ``request``: a constant number of queries.

    In a page (``personal`` false) the poll is the same for every reader, so that a shared
    cache can keep the page: the form with no CSRF token and no "you voted"; the script
    (``poll.js``) then asks ``poll_box`` for this reader's state. A page that follows a vote
    sent without JavaScript shows that vote's message and the voter's state: the messages
    cookie it clears makes that answer private. ``personal`` (the vote's answer, ``poll_box``)
    shows the reader's own state."""
    poll = _localized(poll)
    choices = list(poll.choices.all())
    poll_messages = []
    if message:
        poll_messages.append({"text": message, "level": message_level})
    elif request is not None and hasattr(request, "_messages"):
        tag = f"{MESSAGE_TAG}-{poll.translation_key}"
        poll_messages = _poll_messages(request).pop(tag, [])
    voted = False
    if request is not None and (personal or poll_messages):
        token = request.COOKIES.get(voting.VOTER_COOKIE, "")
        voted = voting.has_voted(poll, token, voting.client_address(request))
    status = poll.status()
    show_results = poll.results_are_public(has_voted=voted)
    results = poll_results(poll, choices) if show_results else None
    if renders is None:
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
        "box": renders,
        "anchor": anchor,
        "next_url": request.get_full_path() if request else "/",
        "box_url": reverse("wagtail_ward:poll_box", args=[poll.pk]) + f"?box={renders}",
    }


def render_poll(request, poll, **kwargs):
    return render_to_string(
        "wagtail_ward/polls/poll.html", poll_context(request, poll, **kwargs), request=request
    )


MAX_BOXES = 50  # renderings of polls on one page


def box_number(data):
    """Which rendering of the poll on its page an answer replaces (``box``), so that the ids
    inside it stay those of the page: the same poll may be in the body and the side column.
    The form's own hidden field: anything else falls back to the first."""
    try:
        return positive_int(data, "box", default=1, maximum=MAX_BOXES)
    except BadParameter:
        return 1


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


@csrf_exempt
@require_POST
def vote(request, poll_id):
    """``POST /polls/<id>/vote/``: the HTML form. The page holds no CSRF token (a shared cache
    keeps it for every reader): a vote from another website is refused by its ``Origin`` or
    ``Referer`` (``wagtail_ward.sameorigin``), and votes are rate-limited.

    Without JavaScript: redirects back to the page (``next``) with the message. With the
    progressive-enhancement script (header ``X-Requested-With: fetch``): answers with the
    re-rendered poll and the status code of the table above.
    """
    if refused(request):
        return HttpResponseForbidden(
            _("Votes sent from another website are not accepted."), content_type="text/plain"
        )
    poll = get_poll(poll_id)
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
                render_poll(
                    request,
                    poll,
                    message=text,
                    message_level=level,
                    personal=True,
                    renders=box_number(request.POST),
                ),
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
