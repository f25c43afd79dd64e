"""The OpenAPI 3.1 document of the ward API, built from the router and the page types' fields.

Its summaries and descriptions are in the active language (the request's), every one of them in
the Vietnamese catalogue.

``openapi_document(request)`` describes every endpoint of ``ward_api_router()`` (the pages
endpoint with each page type's ``api_fields``, the images and documents endpoints, every
family's endpoint and the routes it adds) and the ward endpoints of ``wagtail_ward.urls``
(site info, visits, polls). The schema of a page field comes from what declares it: a
serializer field's ``openapi_schema`` when it has one, Wagtail's own serializer fields, or
else the model field's type. Tests compare it with real answers (tests/api).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.api.v2.serializers import ChildRelationField, RelatedField, StreamField
from wagtail.fields import RichTextField
from wagtail.fields import StreamField as StreamModelField
from wagtail.images.api.fields import ImageRenditionField

from . import schemas
from .paths import family_paths, viewset_paths, ward_paths

OPENAPI_VERSION = "3.1.0"


def nullable(schema):
    """``schema`` that also allows null (OpenAPI 3.1: a type list)."""
    kind = schema.get("type")
    if isinstance(kind, str):
        return {**schema, "type": [kind, "null"]}
    if kind is None and schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return schema


def model_field_schema(field):
    """The JSON schema of a model field as Wagtail's serializer gives it."""
    if isinstance(field, StreamModelField):
        # Blocks as {"type", "value", "id"}, or a block type's own API value (training's items).
        schema = {"type": "array", "description": _("The blocks of a stream field.")}
    elif isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, models.TimeField):
        schema = {"type": "string", "format": "time"}
    elif isinstance(field, (models.IntegerField, models.AutoField)):
        schema = {"type": "integer"}
    elif isinstance(field, (models.FloatField, models.DecimalField)):
        schema = {"type": "number"}
    elif isinstance(field, (models.CharField, models.TextField, RichTextField)):
        schema = {"type": "string"}
    elif isinstance(field, (models.ForeignKey, models.OneToOneField)):
        schema = schemas.RELATED
    elif isinstance(field, (models.ManyToOneRel, ParentalKey)) or field.one_to_many:
        schema = {"type": "array", "items": {"type": "object"}}
    else:
        return {}
    return nullable(schema) if getattr(field, "null", False) else schema


def serializer_schema(serializer):
    """The JSON schema of a DRF serializer field, or None when it says nothing of its shape."""
    declared = getattr(serializer, "openapi_schema", None)
    if declared is not None:
        return declared
    if isinstance(serializer, ImageRenditionField):
        return nullable(schemas.RENDITION)
    if isinstance(serializer, serializers.ListSerializer):
        return {"type": "array", "items": {"type": "object"}}
    if isinstance(serializer, serializers.BooleanField):
        return {"type": "boolean"}
    if isinstance(serializer, serializers.IntegerField):
        return nullable({"type": "integer"})
    if isinstance(serializer, serializers.DateField):
        return nullable({"type": "string", "format": "date"})
    if isinstance(serializer, serializers.CharField):
        return {"type": "string"}
    if isinstance(serializer, StreamField):
        return {"type": "array", "items": {"type": "object"}}
    if isinstance(serializer, RelatedField):
        return schemas.RELATED
    if isinstance(serializer, ChildRelationField):
        return {"type": "array", "items": {"type": "object"}}
    return None


def api_field_schema(model, api_field):
    """The schema of one of ``model``'s ``api_fields``."""
    if api_field.serializer is not None:
        schema = serializer_schema(api_field.serializer)
        if schema is not None:
            return schema
    try:
        field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
        return {}  # a property: any JSON value (its docstring says what)
    return model_field_schema(field)


def page_schema(model):
    """An item of a page listing or a page's detail, with ``model``'s own fields."""
    properties = {
        "id": {"type": "integer"},
        "meta": schemas.PAGE_META,
        "title": {"type": "string"},
    }
    for api_field in getattr(model, "api_fields", ()):
        properties[api_field.name] = api_field_schema(model, api_field)
    return {
        "type": "object",
        "description": f"{model._meta.verbose_name} ({model._meta.label})",
        "required": ["id", "meta"],
        "properties": properties,
    }


def written_out(value):
    """``value`` with every lazy translation in it written out in the active language."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {key: written_out(item) for key, item in value.items()}
    if isinstance(value, list):
        return [written_out(item) for item in value]
    return value


def component_name(model):
    return model._meta.label.replace(".", "_")


def openapi_document(router, request=None):
    """The OpenAPI document of ``router`` (a ``WardAPIRouter``) and the ward endpoints."""
    try:
        prefix = reverse(f"{router.url_namespace}:pages:listing").rsplit("pages/", 1)[0]
    except NoReverseMatch:
        prefix = "/api/v2/"
    components = {"Error": schemas.ERROR, "Poll": schemas.POLL, "Page": schemas.BASE_PAGE}
    page_types = {}
    for model in router.page_models():
        components[component_name(model)] = page_schema(model)
        page_types[model._meta.label] = {"$ref": f"#/components/schemas/{component_name(model)}"}
    paths = {}
    for name, viewset in router.endpoints.items():
        if not getattr(viewset, "openapi_own_paths", False):  # a listing and a detail
            paths.update(viewset_paths(prefix, name, viewset, router))
        paths.update(family_paths(prefix, name, viewset))
    paths.update(ward_paths())
    server = request.build_absolute_uri("/").rstrip("/") if request is not None else "/"
    return written_out(
        {
            "openapi": OPENAPI_VERSION,
            "info": {
                "title": "wagtail-ward API",
                "version": "1",
                "description": _(
                    "The endpoints of a ward site for headless frontends. Answers are in the "
                    "language of ?locale= (vi, en), else in Vietnamese. Page types: %(types)s."
                )
                % {"types": ", ".join(sorted(page_types))},
            },
            "servers": [{"url": server}],
            "paths": paths,
            "components": {"schemas": components},
            "x-page-types": page_types,
        }
    )
