"""``{% load wagtail_ward_portal %}``: the portal's home page blocks, side boxes, sharing tags
and structured data (see docs/portal.md)."""

import base64
import json
from urllib.parse import quote

from django import template
from django.utils import translation

from .. import portal, seo
from ..fragments import cached_fragment
from .wagtail_ward_tags import _locale, _site, ward_profile, ward_settings

register = template.Library()


@register.simple_tag(takes_context=True)
def ward_featured_stories(context, chosen=(), count=4):
    """``{% ward_featured_stories value.stories value.count as stories %}``"""
    return portal.featured_stories(
        _site(context), _locale(context), chosen, count, context.get("request")
    )


@register.simple_tag(takes_context=True)
def ward_section_items(context, section=None, category="", count=5):
    """``{% ward_section_items value.section value.category value.count as items %}``"""
    return portal.section_items(
        _site(context), _locale(context), section, category, count, context.get("request")
    )


@register.simple_tag(takes_context=True)
def ward_current_item(context, section):
    """``{% ward_current_item value.section as schedule %}``: this week's schedule."""
    return portal.current_item(_locale(context), section, context.get("request"))


@register.simple_tag(takes_context=True)
def ward_side_boxes(context):
    """``{% ward_side_boxes as boxes %}``: the side boxes of the site, in the editor's order.

    Which boxes (their ids) is kept under the site's structure token (a side box's change
    retires it): a site without boxes, as most are, then reads none, even after a publish."""
    site = _site(context)
    # The page's language by its id: a kept list of ids then costs no query for the locale.
    locale = getattr(context.get("page"), "locale_id", None) or getattr(_locale(context), "pk", "")
    ids = cached_fragment(
        context.get("request"),
        "side-box-ids",
        lambda: [box.pk for box in portal.side_boxes(site, locale)],
        vary=(locale,),
        structure=True,
    )
    return portal.side_boxes(site, locale, ids) if ids else []


@register.simple_tag(takes_context=True)
def ward_description(context, page=None):
    """``{% ward_description page %}``: the meta description of the page."""
    unit = ward_profile(context)
    return seo.description_of(page, getattr(unit, "governing_body", "") or "")


@register.simple_tag(takes_context=True)
def ward_share_image(context, page=None):
    """``{% ward_share_image page as image %}``: the picture shared with a link (1200×630)."""
    return seo.share_image(page, ward_settings(context))


@register.simple_tag
def ward_og_locale(language_code):
    return seo.og_locale(language_code)


@register.simple_tag(takes_context=True)
def ward_organization_json_ld(context):
    """``{% ward_organization_json_ld %}``: the unit as a ``GovernmentOrganization``."""
    request = context.get("request")
    unit = ward_profile(context)
    if request is None or unit is None:
        return ""
    return seo.json_ld(_organization(context, request, unit))


def _organization(context, request, unit):
    settings_ = ward_settings(context)
    logo = settings_.logo.get_rendition("fill-240x240") if settings_ and settings_.logo else None
    return seo.organization_data(
        unit,
        settings_,
        request.build_absolute_uri("/"),
        request.build_absolute_uri(logo.url) if logo else None,
    )


@register.simple_tag(takes_context=True)
def ward_article_json_ld(context, page, image=None):
    """``{% ward_article_json_ld page image %}``: an article as a ``NewsArticle``."""
    request = context.get("request")
    unit = ward_profile(context)
    if request is None:
        return ""
    publisher = _organization(context, request, unit) if unit else {}
    publisher.pop("@context", None)
    image_url = request.build_absolute_uri(image.url) if image else None
    return seo.json_ld(
        seo.article_data(
            page, request.build_absolute_uri(page.get_url(request)), image_url, publisher or None
        )
    )


@register.simple_tag(takes_context=True)
def ward_events_json_ld(context, page, entries):
    """``{% ward_events_json_ld page entries %}``: schedule entries as ``Event`` items."""
    request = context.get("request")
    unit = ward_profile(context)
    if request is None or not entries:
        return ""
    organizer = {"@type": "GovernmentOrganization", "name": getattr(unit, "name", "")}
    url = request.build_absolute_uri(page.get_url(request))
    return seo.json_ld([seo.event_data(entry, url, organizer) for entry in entries])


@register.simple_tag
def ward_share_links(url, title=""):
    """``{% ward_share_links full_url page.title as share %}``: Facebook and Zalo share links,
    plain links that need no script of theirs.

    Zalo's share plugin draws its button as a frame on ``button-share.zalo.me/share_inline``
    (the button itself, not a share window); the button opens
    ``button-share.zalo.me/share_external``, which takes the address to share as ``d``: the
    JSON ``{"url": address}`` in base64, percent-encoded (see docs/portal.md).
    """
    encoded = quote(url or "", safe="")
    return {
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={encoded}",
        "zalo": f"https://button-share.zalo.me/share_external?d={zalo_share_data(url)}",
        "email": f"mailto:?subject={quote(title or '', safe='')}&body={encoded}",
        "language": translation.get_language(),
    }


def zalo_share_data(url):
    """The ``d`` of Zalo's share window for ``url``: ``{"url": url}`` as compact JSON, in base64,
    percent-encoded for a query string."""
    data = json.dumps({"url": url or ""}, ensure_ascii=False, separators=(",", ":"))
    return quote(base64.b64encode(data.encode()).decode(), safe="")
