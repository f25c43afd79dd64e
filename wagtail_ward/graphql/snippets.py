"""The snippets as GraphQL listings: news categories, leaders, procedure sectors, agencies,
and the public polls.

Each has the shape the REST API gives it where a page shows it (``api_representation()``, or
the keys of its REST object), and is looked up by its app label and model name, so the core
imports no page family and a site without a family has no field for its snippets.
"""

from collections import defaultdict

import graphene
from django.apps import apps
from graphql import GraphQLError
from wagtail.models import Locale

from ..models import Poll, PollTotal
from ..params import BadParameter, requested_language
from ..polls.results import PollResults, ResultRow, largest_remainder
from .types import object_type

STRING = {"type": "string"}
ID = {"type": "integer"}

# (field name, model, REST keys): the keys of the object REST gives where a page shows it.
SNIPPETS = [
    ("ward_news_categories", "wagtail_ward_news.NewsCategory", ("id", "name", "slug")),
    ("ward_leaders", "wagtail_ward_schedule.Leader", ("id", "name", "position")),
    ("ward_procedure_sectors", "wagtail_ward_procedures.ProcedureSector", ("id", "name", "slug")),
    ("ward_agencies", "wagtail_ward_procedures.Agency", ("id", "name", "address", "phone")),
]


def locale_of(locale):
    """The ``Locale`` of the ``locale`` argument (the site's default without it)."""
    try:
        code = requested_language({"locale": locale} if locale else {})
    except BadParameter as error:
        raise GraphQLError(error.message, extensions={"parameter": "locale"}) from error
    return Locale.objects.filter(language_code=code).first()


def representation(snippet, keys):
    if hasattr(snippet, "api_representation"):
        return snippet.api_representation()
    return {key: snippet.pk if key == "id" else getattr(snippet, key) for key in keys}


def _snippet_field(name, model, keys):
    label = model._meta.label
    schema = {
        "type": "object",
        "required": list(keys),
        "properties": {key: ID if key == "id" else STRING for key in keys},
    }
    item = object_type("Ward" + model.__name__, schema, f"{model._meta.verbose_name} ({label})")

    def resolve(root, info, locale=None):
        found = locale_of(locale)
        return [representation(s, keys) for s in model.objects.filter(locale=found).order_by("pk")]

    return graphene.List(
        item,
        name=name,
        description=f"Every {model._meta.verbose_name} in a language.",
        resolver=resolve,
        locale=graphene.String(),
    )


def snippet_fields():
    """The snippet listings of the families installed."""
    fields = {}
    for name, label, keys in SNIPPETS:
        try:
            model = apps.get_model(label)
        except LookupError:  # the family is not installed
            continue
        fields[name] = _snippet_field(name, model, keys)
    return fields


def resolve_polls(root, info, locale=None):
    """The public polls in a language, each as ``/api/ward/polls/<id>/`` gives it (without
    ``has_voted``, which is the asking voter's); their totals read in one query for all."""
    found = locale_of(locale)
    polls = list(
        Poll.objects.public()
        .filter(locale=found)
        .select_related("locale")
        .prefetch_related("choices")
        .order_by("pk")
    )
    counts = defaultdict(dict)
    totals = PollTotal.objects.filter(poll_key__in={poll.translation_key for poll in polls})
    for key, choice, votes in totals.values_list("poll_key", "choice_key", "votes"):
        counts[key][choice] = votes
    answers = []
    for poll in polls:
        choices = list(poll.choices.all())
        data = poll.api_representation(info.context, choices=choices, results_visible=False)
        if poll.results_are_public(has_voted=False):
            # polls.results.poll_results, with the counts read above for every poll.
            numbers = [counts[poll.translation_key].get(choice.key, 0) for choice in choices]
            rows = [
                ResultRow(choice.key, choice.label, number, percent)
                for choice, number, percent in zip(
                    choices, numbers, largest_remainder(numbers), strict=True
                )
            ]
            data["results"] = PollResults(total=sum(numbers), rows=rows).as_dict()
        answers.append(data)
    return answers
