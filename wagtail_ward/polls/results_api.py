"""``GET /api/ward/polls/<id>/results/?locale=``: just the results of a public poll.

The same poll, language rule and answers as the detail (``views.api_poll``): any poll id of a
translation group gives the translation in the language asked for (``fallback`` when there is
none), an unknown ``?locale=`` is a 404 naming it, a poll that is not public a 404. The counts
and percentages are those of the detail's ``results``, ``null`` while the poll's results are
not public to this voter (shown after voting, or after the poll closes).
"""

from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from ..params import BadParameter, answer_language
from . import voting
from .api_views import _api_poll, _api_token, _bad_locale, _json, _not_found
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


@csrf_exempt
def api_results(request, poll_id):
    """``GET /api/ward/polls/<id>/results/?locale=``: the counts and percentages of a poll."""
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
        voted = voting.has_voted(poll, _api_token(request), voting.client_address(request))
        response = _json(request, results_representation(poll, language, voted))
        # Results shown "after voting" depend on this voter: no shared cache may mix them.
        patch_vary_headers(response, ("Cookie", voting.VOTER_HEADER))
        return response
