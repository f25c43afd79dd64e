"""The ward page types and endpoints on Wagtail 8's v3 API (django-ninja), opt-in.

Wagtail 7 has no v3 API: nothing in wagtail-ward imports this module unless the project has
``"wagtail.api.v3"`` in ``INSTALLED_APPS`` (``WagtailWardConfig.ready()`` checks it).

Two things, each through an extension point v3 offers:

- ``register_read_schemas()`` (run from ``ready()``) registers a read schema for every ward page
  type in v3's content type registry (``wagtail.api.v3.registry.registry.register``). v3's own
  generator types a field given by a DRF serializer as ``Any`` and calls the serializer without
  the request; here such a field keeps the JSON schema of the ward OpenAPI document
  (``openapi.api_field_schema``: snippets and chosen objects as objects, dates ISO 8601) and is
  given the request, as in v2. Registered before v3's pages router is imported, the schemas
  are also the members of ``/api/v3/pages/<id>/``'s response union.
- ``ward_v3_router()`` gives a ninja router to add to v3's ``api`` (``api.add_router``) with
  ``pages/?type=`` (a ward page type with its fields, loaded in bulk by its family's loader)
  and ``site-info/``.
"""

import copy
import functools
from typing import Annotated, Any

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router
from pydantic import WithJsonSchema
from rest_framework.fields import SkipField
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3.registry import ContentTypeRegistration, registry
from wagtail.api.v3.schemas import PageMetaSchema, PageSchema, read_generator
from wagtail.models import Page, get_page_models

from ..params import (
    BadParameter,
    answer_language,
    bad_request,
    check_query,
    non_negative_int,
    requested_language,
    text,
)
from .openapi import api_field_schema
from .router import ward_api_router
from .streams import load_stream_fields
from .views import site_info

#: The most pages one ``pages/`` answer gives (``?limit=``).
MAX_LIMIT = 100
DEFAULT_LIMIT = 20

_read_schemas = {}
_listing_schemas = {}


class ListingPageMetaSchema(PageMetaSchema):
    """v3's detail ``meta``, with the parents of a listing's pages read in one query."""

    @staticmethod
    def resolve_parent(obj, context):
        return context["parents"].get(obj.path[: -Page.steplen])


def is_ward_page_type(model):
    """True for a page type of wagtail-ward or one built on its mixins (a project's own)."""
    return (
        model is not Page
        and bool(getattr(model, "api_fields", None))
        and any(klass.__module__.startswith("wagtail_ward.") for klass in model.__mro__)
    )


def ward_page_models():
    return [model for model in get_page_models() if is_ward_page_type(model)]


def _serializer_resolver(api_field):
    """A v3 resolver calling ``api_field``'s DRF serializer with the request in its context."""
    bound = copy.deepcopy(api_field.serializer)
    bound.bind(field_name=api_field.name, parent=None)

    def resolve(obj, context):
        serializer = copy.copy(bound)  # its own context: requests may run in parallel
        serializer._context = {"request": context.get("request")}
        try:
            value = serializer.get_attribute(obj)
        except SkipField:
            return None
        return None if value is None else serializer.to_representation(value)

    return staticmethod(resolve)


def read_schema(model):
    """The v3 read schema of the ward page type ``model`` (made once per type)."""
    if model not in _read_schemas:
        base = read_generator.generate_schema(model, base_class=PageSchema)
        fields = {}
        for api_field in model.api_fields:
            name = api_field.name
            if api_field.serializer is None and name in base.model_fields:
                annotation = base.model_fields[name].annotation
                if annotation is not Any and annotation != Any | None:
                    continue  # v3 typed it from the model field: keep its schema
            schema = api_field_schema(model, api_field) or {"description": name}
            annotation = Annotated[Any, WithJsonSchema(schema)]
            resolver = _serializer_resolver(api_field) if api_field.serializer else None
            fields[name] = (annotation, None, resolver)
        name = f"Ward{model._meta.object_name}Schema"
        _read_schemas[model] = read_generator.extend_schema(base, name, fields) if fields else base
    return _read_schemas[model]


def _not_read(obj):
    return None


def listing_schema(model, detail_only):
    """``read_schema(model)`` without the fields the family gives on a detail only (a query
    each) and with the listing's parents loaded together (``ListingPageMetaSchema``)."""
    key = (model, detail_only)
    if key not in _listing_schemas:
        schema = read_schema(model)
        skipped = [name for name in detail_only if name in schema.model_fields]
        fields = {name: (Any, None, staticmethod(_not_read)) for name in skipped}
        fields["meta"] = (ListingPageMetaSchema, ..., None)
        listing = read_generator.extend_schema(
            schema, f"Ward{model._meta.object_name}ListingSchema", fields
        )
        listing.ward_detail_only = frozenset(skipped)  # left out of the listing's items
        _listing_schemas[key] = listing
    return _listing_schemas[key]


def register_read_schemas():
    """Register the read schema of every ward page type in v3's content type registry."""
    for model in ward_page_models():
        current = registry.get(model._meta.label)
        registry.register(
            ContentTypeRegistration(
                name=model._meta.label,
                label=str(model._meta.verbose_name),
                read_schema=read_schema(model),
                create_schema=current.create_schema if current else None,
                patch_schema=current.patch_schema if current else None,
            )
        )


@functools.cache
def _v2_router():
    """A ward v2 router, made once: it knows which family endpoint loads which page type."""
    return ward_api_router()


def _page_type(query):
    label = text(query, "type")
    if not label:
        raise BadParameter("type", _("Give a page type: ?type=app_label.ModelName."))
    for model in ward_page_models():
        if model._meta.label.lower() == label.lower():
            return model
    raise BadParameter("type", _("%(type)s is not a ward page type.") % {"type": label})


def _listing(request):
    query = request.GET
    check_query(query)
    model = _page_type(query)
    language = requested_language(query)
    limit = non_negative_int(query, "limit", default=DEFAULT_LIMIT, maximum=MAX_LIMIT)
    offset = non_negative_int(query, "offset")
    queryset = get_public_pages_queryset(request, model).select_related("locale")
    queryset = queryset.filter(locale__language_code=language)
    loader = _v2_router().loader_for(model)
    detail_only = ()
    if loader is not None:
        queryset = loader.load_related(queryset)
        detail_only = tuple(loader.detail_only_fields)
    total = queryset.count()
    pages = list(queryset.order_by("pk")[offset : offset + limit])
    load_stream_fields(pages)  # every StreamField of the listing converted together
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    parents = {parent.path: parent for parent in Page.objects.filter(path__in=parent_paths)}
    schema = listing_schema(model, detail_only)
    context = {"request": request, "parents": parents}
    exclude = set(getattr(schema, "ward_detail_only", ()))
    items = [
        schema.model_validate(page, context=context).model_dump(mode="json", exclude=exclude)
        for page in pages
    ]
    return {"meta": {"total_count": total}, "items": items}


def ward_v3_router():
    """A django-ninja router of the ward endpoints for v3's ``api``::

        from wagtail.api.v3.urls import api
        from wagtail_ward.api.v3 import ward_v3_router

        api.add_router("/ward/", ward_v3_router())   # before api.urls is read
        urlpatterns = [path("api/v3/", api.urls), ...]

    gives ``/api/v3/ward/pages/?type=<app.Model>`` and ``/api/v3/ward/site-info/``.
    """
    router = Router(tags=["ward"])

    @router.get("/pages/", url_name="ward_pages", summary="Ward pages of one type, all fields")
    def ward_pages(request):
        with translation.override(answer_language(request)):
            try:
                return JsonResponse(_listing(request))
            except BadParameter as error:
                return bad_request(error)  # 400, or 404 for a language the site lacks

    @router.get("/site-info/", url_name="ward_site_info", summary="Site info (as /api/ward/)")
    def ward_site_info(request):
        return site_info(request)

    return router
