"""``GET /api/ward/polls/<id>/results/?locale=``: just the results of a public poll.

The same poll, language rule and answers as the detail (``api_views.poll_endpoint``): any
poll id of a translation group gives the translation in the language asked for (``fallback``
when there is none), an unknown ``?locale=`` is a 404 naming it, a poll that is not public a
404. The counts and percentages are those of the detail's ``results``, ``null`` while the
poll's results are not public to this voter (shown after voting, or after the poll closes).
"""

from django.utils.cache import patch_vary_headers

from . import voting
from .api_views import _api_token, _json, poll_endpoint
from .results import poll_results


def results_representation(poll, language, has_voted):
    """The poll's results as ``results/`` gives them, in the active language."""
    visible = poll.results_are_public(has_voted=has_voted)
    choices = list(poll.choices.all())
    return {
        "id": poll.pk,
        "translation_key": str(poll.translation_key),
        "locale": poll.locale.language_code,
        "fallback": poll.locale.language_code != language,
        "question": poll.question,
        "status": str(poll.status()),
        "results_visibility": poll.results_visibility,
        "has_voted": has_voted,
        "results": poll_results(poll, choices).as_dict() if visible else None,
    }


@poll_endpoint("GET")
def api_results(request, poll, language):
    """``GET /api/ward/polls/<id>/results/?locale=``: the counts and percentages of a poll."""
    voted = voting.has_voted(poll, _api_token(request), voting.client_address(request))
    response = _json(request, results_representation(poll, language, voted))
    # Results shown "after voting" depend on this voter: no shared cache may mix them.
    patch_vary_headers(response, ("Cookie", voting.VOTER_HEADER))
    return response
