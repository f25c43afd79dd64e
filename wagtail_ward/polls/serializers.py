"""A poll as the API shows it: the poll block's API value and the JSON endpoints.

Works on the poll it is given; it imports no view and no model (``Poll.api_representation``
calls it).
"""

from django.urls import reverse

from .results import poll_results


def poll_representation(poll, request=None, has_voted=None, results_visible=None, choices=None):
    """The poll, its answers and, when they are public, its results.

    ``has_voted`` (when known) says whether the asking voter voted, and makes results shown
    "after voting" visible to them; ``choices`` saves a query when the caller has them already.
    """
    choices = list(poll.choices.all()) if choices is None else choices
    if results_visible is None:
        results_visible = poll.results_are_public(has_voted=bool(has_voted))
    vote_url = reverse("wagtail_ward:poll_api_vote", args=[poll.pk])
    data = {
        "id": poll.pk,
        "translation_key": str(poll.translation_key),
        "locale": poll.locale.language_code,
        "question": poll.question,
        "description": poll.description,
        "status": str(poll.status()),
        "opens_at": poll.opens_at.isoformat() if poll.opens_at else None,
        "closes_at": poll.closes_at.isoformat() if poll.closes_at else None,
        "results_visibility": poll.results_visibility,
        "choices": [{"key": choice.key, "label": choice.label} for choice in choices],
        "vote_url": request.build_absolute_uri(vote_url) if request else vote_url,
        "results": poll_results(poll, choices).as_dict() if results_visible else None,
    }
    if has_voted is not None:
        data["has_voted"] = has_voted
    return data
