"""The REST answers the GraphQL fields are made of: the same views, asked from inside.

A GraphQL field asks the view that serves the same data over REST (the pages endpoint of the
project's ``ward_api_router()``, the site info, a poll) with a copy of the GraphQL request
whose query string holds the field's arguments. The answer is the REST answer itself: the same
field names and values, the same language rule, the same filtering of draft, private and
unpublished pages, the same bulk loading (a family's ``load_related()``) and so the same fixed
query count; a refused parameter is a GraphQL error with the REST message.
"""

import copy
import json

from django.http import QueryDict
from django.urls import NoReverseMatch, resolve, reverse
from django.utils.translation import gettext as _
from graphql import GraphQLError

#: The URL namespace of the project's ``ward_api_router()`` (its default name).
API_NAMESPACE = "wagtailapi"


def _query(arguments):
    query = QueryDict(mutable=True)
    for name, value in arguments.items():
        if value is not None:
            query[name] = str(value).lower() if isinstance(value, bool) else str(value)
    return query


def ask(request, url_name, arguments, args=()):
    """The JSON answer of the view named ``url_name`` to a GET with ``arguments``.

    Raises ``GraphQLError`` with the view's message when it refuses them (400, 404).
    """
    try:
        path = reverse(url_name, args=args)
    except NoReverseMatch as error:
        raise GraphQLError(
            _("The endpoint %(name)s is not mounted in the project's URLs.") % {"name": url_name}
        ) from error
    match = resolve(path)
    query = _query(arguments)
    inner = copy.copy(request)
    inner.method = "GET"
    inner.GET = query
    inner.POST = QueryDict()
    inner.path = inner.path_info = path
    inner.META = {**request.META, "REQUEST_METHOD": "GET", "QUERY_STRING": query.urlencode()}
    response = match.func(inner, *match.args, **match.kwargs)
    data = getattr(response, "data", None)
    if data is None:
        data = json.loads(response.content or b"null")
    if response.status_code == 404 and url_name.endswith(":detail"):
        return None  # an id that names no public page: null, as GraphQL does for "not found"
    if response.status_code >= 400:
        message = data.get("message") if isinstance(data, dict) else None
        extensions = {"status": response.status_code}
        if isinstance(data, dict) and data.get("parameter"):
            extensions["parameter"] = data["parameter"]
        raise GraphQLError(message or _("The request was refused."), extensions=extensions)
    return data


def pages(request, model, arguments):
    """The REST listing ``/api/v2/pages/?type=<model>&fields=*`` with ``arguments``."""
    arguments = {"type": model._meta.label, "fields": "*", **arguments}
    return ask(request, f"{API_NAMESPACE}:pages:listing", arguments)


def page(request, model, page_id, arguments):
    """The REST detail of the page ``page_id`` when it is a ``model``, else None."""
    if page_id < 1:
        return None
    data = ask(request, f"{API_NAMESPACE}:pages:detail", arguments, args=(page_id,))
    if data is None or data.get("meta", {}).get("type") != model._meta.label:
        return None
    return data
