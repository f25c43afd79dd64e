"""What search engines and sharing (Facebook, Zalo) read: the description, the picture, the
structured data (JSON-LD) and ``robots.txt``.

The picture shared is a Wagtail rendition of 1200×630 pixels, the size Facebook and Zalo show
in full (both refuse pictures under 200 pixels wide).
"""

import datetime
import json

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_GET

SHARE_IMAGE_SPEC = "fill-1200x630"
DESCRIPTION_LENGTH = 160
OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def description_of(page, fallback=""):
    """The page's description: its search description, else its lead, summary or intro."""
    for name in ("search_description", "lead", "intro", "summary"):
        value = getattr(page, name, None) if page is not None else None
        if value:
            text = " ".join(strip_tags(str(getattr(value, "source", value))).split())
            if text:
                return Truncator(text).chars(DESCRIPTION_LENGTH)
    return fallback


def share_image(page, ward_settings=None):
    """The rendition shared with a link: the page's featured picture, else the unit's emblem."""
    image = getattr(page, "featured_image", None) if page is not None else None
    if image is None and ward_settings is not None:
        image = ward_settings.logo
    if image is None:
        return None
    return image.get_rendition(SHARE_IMAGE_SPEC)


def og_locale(language_code):
    return OG_LOCALES.get(language_code, (language_code or "vi").replace("-", "_"))


def json_ld(data):
    """A ``<script type="application/ld+json">`` element, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def organization_data(unit, ward_settings, url, logo_url=None):
    """``GovernmentOrganization``: the unit with its address and contact."""
    data = {"@context": "https://schema.org", "@type": "GovernmentOrganization", "url": url}
    data["name"] = getattr(unit, "governing_body", "") or getattr(unit, "name", "")
    if getattr(unit, "address", ""):
        data["address"] = {"@type": "PostalAddress", "streetAddress": unit.address}
    if ward_settings is not None and ward_settings.phone:
        data["telephone"] = ward_settings.phone
    if ward_settings is not None and ward_settings.email:
        data["email"] = ward_settings.email
    if logo_url:
        data["logo"] = logo_url
    parent = getattr(unit, "parent_line", "") or getattr(unit, "parent_unit_name", "")
    if parent:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": parent}
    return data


def article_data(page, url, image_url, publisher):
    """``NewsArticle`` of an article page."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": page.locale.language_code,
        "description": description_of(page),
        "publisher": publisher,
        "author": publisher,
    }
    date = getattr(page, "date", None)
    if date:
        data["datePublished"] = date.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if image_url:
        data["image"] = [image_url]
    return data


def event_data(entry, page_url, organizer):
    """``Event`` of a schedule entry: its day, times, place and content."""
    start = entry.date.isoformat()
    if entry.start_time:
        start = datetime.datetime.combine(entry.date, entry.start_time).isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": Truncator(" ".join(entry.content.split())).chars(110),
        "startDate": start,
        "url": page_url,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": organizer,
    }
    if entry.end_time:
        data["endDate"] = datetime.datetime.combine(entry.date, entry.end_time).isoformat()
    if entry.location:
        data["location"] = {"@type": "Place", "name": entry.location, "address": entry.location}
    return data


@require_GET
def robots_txt(request):
    """Every crawler may read the public pages, not the admin or the API; the sitemap is named."""
    sitemap = request.build_absolute_uri(reverse("wagtail_ward:sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /api/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
