"""Asking the GraphQL endpoint, and the selection of every field of a ward type."""

import json

from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType


def ask(client, query, status=200):
    """The ``data`` and ``errors`` of ``query`` posted to /graphql/ as JSON."""
    response = client.post("/graphql/", json.dumps({"query": query}), "application/json")
    assert response.status_code == status, response.content[:500]
    answer = response.json()
    return answer.get("data"), answer.get("errors")


def _unwrap(kind):
    while isinstance(kind, (GraphQLList, GraphQLNonNull)):
        kind = kind.of_type
    return kind


def selection(schema, type_name):
    """``{ a b { c } ... }``: every field of ``type_name``, objects with all their fields."""
    kind = schema.graphql_schema.get_type(type_name)
    parts = []
    for name, field in kind.fields.items():
        inner = _unwrap(field.type)
        if isinstance(inner, GraphQLObjectType):
            parts.append(f"{name} {selection(schema, inner.name)}")
        else:
            parts.append(name)
    return "{ " + " ".join(parts) + " }"


def as_rest_keeps(rest, answer):
    """``rest`` with, in its objects, only the keys the GraphQL ``answer`` has (a typed object
    names the keys its schema describes; JSON values are kept whole)."""
    if isinstance(answer, dict) and isinstance(rest, dict):
        return {key: as_rest_keeps(rest.get(key), value) for key, value in answer.items()}
    if isinstance(answer, list) and isinstance(rest, list):
        return [as_rest_keeps(r, a) for r, a in zip(rest, answer, strict=False)]
    return rest
