"""``WardQuery``: the ward fields of the GraphQL schema (added to grapple's by ``register()``).

For every page type the REST API lists with its own fields, two fields named after it:
``ward_news_pages`` (a listing: ``meta { total_count }`` and ``items``, as REST) and
``ward_news_page(id:)``; then the snippets (``snippets.py``), the public polls and the site
info. Every name is the REST one, in snake_case whatever grapple's ``AUTO_CAMELCASE`` says.
"""

import re

import graphene
from wagtail.models import Page, get_page_models

from ..api import schemas
from . import rest, snippets
from .types import object_type, page_type

# The listing arguments of the REST pages endpoint that a GraphQL listing passes on.
LISTING_ARGUMENTS = {
    "locale": graphene.String(description="A language code (vi, en); the site's default else."),
    "limit": graphene.Int(description="At most this many items (REST's limit)."),
    "offset": graphene.Int(description="Skip this many items."),
    "order": graphene.String(description="A field to order by, '-' first for descending."),
    "child_of": graphene.Int(description="Only the children of this page."),
    "descendant_of": graphene.Int(description="Only the descendants of this page."),
    "search": graphene.String(description="Words to search for."),
    "site": graphene.String(description="A site's host name (REST's ?site=)."),
}
LISTING_META = object_type(
    "WardListingMeta",
    {"type": "object", "properties": {"total_count": {"type": "integer"}}},
    "What REST's listing says of itself: the number of items of every page.",
)

# The site info as /api/ward/site-info/ answers, with every key of its unit described.
UNIT = {
    "type": "object",
    "properties": {
        **{
            key: {"type": "string"}
            for key in [
                "name",
                "governing_body",
                "level",
                "parent_unit_name",
                "parent_level",
                "parent_line",
                "parent_unit_url",
                "parent_link_label",
                "managing_agency",
                "licence",
                "address",
                "office_hours",
                "phone",
                "email",
            ]
        },
        "responsible_person": {
            "type": ["object", "null"],
            "properties": {"name": {"type": "string"}, "post": {"type": "string"}},
        },
        "logo": {**schemas.RENDITION, "type": ["object", "null"]},
    },
}
SITE_INFO = {
    **schemas.SITE_INFO,
    "properties": {**schemas.SITE_INFO["properties"], "unit": UNIT},
}
SiteInfo = object_type("WardSiteInfo", SITE_INFO, "The site info of /api/ward/site-info/.")
PollType = object_type("WardPoll", schemas.POLL, "A public poll, as /api/ward/polls/<id>/.")


def field_stem(model):
    """``NewsPage`` -> ``"news_page"``; a project's own page type: its app label first."""
    stem = re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()
    if not model.__module__.startswith("wagtail_ward."):
        stem = f"{model._meta.app_label}_{stem}"
    return stem.removeprefix("ward_")  # WardHomePage: ward_home_page, not ward_ward_home_page


def page_models():
    """The page types REST lists with their own fields (``WardAPIRouter.page_models``)."""
    return [m for m in get_page_models() if m is not Page and getattr(m, "api_fields", None)]


def _listing_field(model):
    item = page_type(model)
    listing = type(
        item._meta.name + "Listing",
        (graphene.ObjectType,),
        {
            "meta": graphene.Field(LISTING_META, name="meta"),
            "items": graphene.List(item, name="items"),
        },
    )

    def resolve(root, info, **arguments):
        return rest.pages(info.context, model, arguments)

    return graphene.Field(
        listing,
        name=f"ward_{field_stem(model)}s",
        description=f"The live public pages of type {model._meta.label}, as REST lists them.",
        resolver=resolve,
        **LISTING_ARGUMENTS,
    )


def _detail_field(model):
    def resolve(root, info, id, locale=None):
        return rest.page(info.context, model, id, {"locale": locale})

    return graphene.Field(
        page_type(model),
        name=f"ward_{field_stem(model)}",
        description=f"A live public page of type {model._meta.label}, or null.",
        resolver=resolve,
        id=graphene.Int(required=True),
        locale=graphene.String(),
    )


def resolve_site_info(root, info, site=None, locale=None):
    return rest.ask(info.context, "wagtail_ward:site_info", {"site": site, "locale": locale})


def resolve_poll(root, info, id, locale=None):
    if id < 1:
        return None
    try:
        return rest.ask(info.context, "wagtail_ward:poll_api", {"locale": locale}, args=(id,))
    except rest.GraphQLError as error:
        if error.extensions.get("status") == 404:
            return None
        raise


def ward_query():
    """The ``WardQuery`` ObjectType with the fields of the page types installed now."""
    fields = {}
    for model in page_models():
        fields[f"ward_{field_stem(model)}s"] = _listing_field(model)
        fields[f"ward_{field_stem(model)}"] = _detail_field(model)
    fields.update(snippets.snippet_fields())
    fields["ward_site_info"] = graphene.Field(
        SiteInfo,
        name="ward_site_info",
        description="The unit, contacts, date, visitors and menu of a site (REST site-info).",
        resolver=resolve_site_info,
        site=graphene.Int(description="A site's id; the site of the request's host else."),
        locale=graphene.String(),
    )
    fields["ward_poll"] = graphene.Field(
        PollType,
        name="ward_poll",
        description="A public poll, its answers and public results, or null.",
        resolver=resolve_poll,
        id=graphene.Int(required=True),
        locale=graphene.String(),
    )
    fields["ward_polls"] = graphene.List(
        PollType,
        name="ward_polls",
        description="The public polls in a language.",
        resolver=snippets.resolve_polls,
        locale=graphene.String(),
    )
    return type("WardQuery", (graphene.ObjectType,), fields)


def add_ward_query(query_mixins):
    """grapple's ``register_schema_query`` hook."""
    query_mixins.append(ward_query())
