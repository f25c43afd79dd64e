"""Graphene types made from the JSON schemas of the REST answers (``wagtail_ward.api``).

A ward page type's GraphQL type has the fields of its REST item (``/api/v2/pages/?type=...
&fields=*``) under the same names, built from the same description as the OpenAPI document
(``api.openapi.page_schema``), so the two cannot drift apart: a string, integer, number or
boolean field is that scalar; an object whose schema describes every key it requires is a
type of its own; any other value (a body's blocks, a list of rows) is ``JSON``, the REST value
as it is. Every field is named explicitly, so grapple's ``AUTO_CAMELCASE`` does not rename it.
"""

import functools
import re

import graphene
from graphene.types.generic import GenericScalar

from ..api.openapi import page_schema

SCALARS = {
    "string": graphene.String,
    "integer": graphene.Int,
    "number": graphene.Float,
    "boolean": graphene.Boolean,
}


def _kind(schema):
    """The JSON type of ``schema`` without "null" ("object", "string", ...), or None."""
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = kinds[0] if len(kinds) == 1 else None
    return kind


def _typed_object(schema):
    properties = schema.get("properties") or {}
    return bool(properties) and set(schema.get("required", ())) <= set(properties)


def type_name(*parts):
    """``("news_page", "category")`` -> ``"NewsPageCategory"``."""
    words = re.split(r"[^0-9A-Za-z]+", "_".join(parts))
    return "".join(word[:1].upper() + word[1:] for word in words if word)


def graphql_field(schema, name, owner, description=""):
    """A graphene field for the value described by ``schema`` named ``name`` on ``owner``."""
    kind = _kind(schema)
    description = schema.get("description", description) or None
    if kind in SCALARS:
        return SCALARS[kind](name=name, description=description)
    if kind == "object" and _typed_object(schema):
        return graphene.Field(object_type(owner + type_name(name), schema), name=name)
    if kind == "array":
        items = schema.get("items") or {}
        item_kind = _kind(items)
        if item_kind in SCALARS:
            return graphene.List(SCALARS[item_kind], name=name, description=description)
        if item_kind == "object" and _typed_object(items):
            item = object_type(owner + type_name(name, "item"), items)
            return graphene.List(item, name=name, description=description)
    return GenericScalar(name=name, description=description)


_OBJECT_TYPES = {}


def object_type(name, schema, description=None):
    """The graphene ObjectType ``name`` with a field per property of ``schema`` (made once)."""
    if name not in _OBJECT_TYPES:
        attributes = {
            _attribute(key): graphql_field(value, key, name)
            for key, value in (schema.get("properties") or {}).items()
        }
        meta = type("Meta", (), {"description": description or schema.get("description")})
        _OBJECT_TYPES[name] = type(name, (graphene.ObjectType,), {**attributes, "Meta": meta})
    return _OBJECT_TYPES[name]


def _attribute(key):
    # A Python name for the field (the GraphQL name is given with name=): "type" is fine for
    # graphene, a leading digit or a dash is not.
    return re.sub(r"\W", "_", key) if not key[:1].isdigit() else f"f_{key}"


@functools.cache
def page_type(model):
    """The GraphQL type of the REST item of the page type ``model``."""
    schema = page_schema(model)
    # "WardNewsPage"; a project's own page type over a family's mixins: its app label too.
    name = "Ward" + model.__name__
    if not model.__module__.startswith("wagtail_ward."):
        name = "Ward" + type_name(model._meta.app_label, model.__name__)
    return object_type(name, schema, f"{model._meta.verbose_name} ({model._meta.label})")
