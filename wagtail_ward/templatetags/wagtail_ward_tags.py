from django import template
from django.core.cache.utils import make_template_fragment_key
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Site
from wagtail.templatetags.wagtail_cache import WagtailCacheNode

from ..blocks import body_keeps
from ..conf import ward_setting
from ..dates import long_date, ward_today
from ..fragment_reads import read_part
from ..fragments import fragment_cache, request_key
from ..navigation import language_links, top_navigation
from ..public import settings_for
from ..registry import latest_items
from ..visits import group_digits, visitor_total

register = template.Library()


def _site(context):
    request = context.get("request")
    if request is None:
        return None
    return Site.find_for_request(request)


def _locale(context):
    page = context.get("page")
    if page is not None and getattr(page, "locale_id", None):
        return page.locale
    return Locale.get_active()


@register.simple_tag
def ward_long_date(value=None):
    """``{% ward_long_date %}`` → "Thứ ba, 09/02/2016" (today, in the active language)."""
    return long_date(value)


@register.simple_tag(name="ward_today")
def ward_today_tag():
    """``{% ward_today as today %}``: today's date in the office's time zone."""
    return ward_today()


@register.filter
def ward_digits(number):
    """``{{ 12345|ward_digits }}`` → "12.345" in Vietnamese, "12,345" in English."""
    return group_digits(number or 0, translation.get_language() or "vi")


@register.simple_tag(takes_context=True)
def ward_visitor_total(context):
    """``{% ward_visitor_total as total %}``: all visits counted for the current site."""
    return visitor_total(_site(context))


@register.simple_tag(takes_context=True)
def ward_visit_beacon(context):
    """``{% ward_visit_beacon as beacon %}``: where the page reports its visit (``url`` for the
    script, ``pixel_url`` without JavaScript), or None (counter off, a preview, no request)."""
    request = context.get("request")
    if (
        request is None
        or getattr(request, "is_preview", False)
        or not ward_setting("VISIT_COUNTER")
    ):
        return None
    return {
        "url": reverse("wagtail_ward:record_visit"),
        "pixel_url": reverse("wagtail_ward:visit_pixel"),
        "language": (translation.get_language() or "vi")[:2],
    }


@register.simple_tag(takes_context=True)
def ward_settings(context):
    """``{% ward_settings as ward %}``: the WardSettings of the current site."""
    site = _site(context)
    if site is None:
        return None
    return settings_for(site, context.get("request"))


@register.simple_tag(takes_context=True)
def ward_profile(context):
    """``{% ward_profile as unit %}``: the unit profile in the page's language."""
    settings_ = ward_settings(context)
    profile = settings_.profile if settings_ else None
    if profile is None:
        return None
    locale = _locale(context)
    if profile.locale_id == locale.pk:
        return profile
    return profile.get_translation_or_none(locale) or profile


@register.simple_tag(takes_context=True)
def ward_navigation(context):
    """``{% ward_navigation as items %}``: Trang chủ · menu pages · Sơ đồ site · parent unit."""
    return top_navigation(context.get("request"), _site(context), _locale(context))


@register.simple_tag(takes_context=True)
def ward_language_links(context):
    """``{% ward_language_links as links %}``: the current page in every content language."""
    return language_links(context.get("request"), context.get("page"), _site(context))


@register.simple_tag(takes_context=True)
def ward_latest_items(context, limit=None):
    """``{% ward_latest_items 10 as items %}``: newest items of every installed page family."""
    return latest_items(
        _site(context), _locale(context), limit, request=context.get("request"), links_only=True
    )


class _Setting:
    """A ``WAGTAIL_WARD`` setting where Django's cache tag expects a template variable."""

    def __init__(self, name):
        self.name = name

    def resolve(self, context):
        return ward_setting(self.name)


class _RequestKey:
    """The request's part of the key, where Django's cache tag expects a vary-on variable."""

    def __init__(self, kind="content"):
        self.kind = kind

    def resolve(self, context):
        # The page's own template: a child template may fill the fragment's blocks differently.
        template_name = getattr(getattr(context, "template", None), "name", None) or ""
        return request_key(
            context.get("request"),
            template_name,
            structure=self.kind == "structure",
            page=context.get("page") if self.kind == "page" else None,
        )


class WardCacheNode(WagtailCacheNode):
    """Wagtail's ``{% wagtailcache %}`` (no cache in previews) with the ward's key and cache."""

    def __init__(self, nodelist, name, vary_on, kind="content", when=None):
        self.when = when
        super().__init__(
            nodelist,
            _Setting("FRAGMENT_CACHE_SECONDS"),
            f"wagtail_ward.{name}",
            [*vary_on, _RequestKey(kind)],
            _Setting("FRAGMENT_CACHE"),
        )

    def render(self, context):
        if self.when is not None and not self.when.resolve(context):
            return self.nodelist.render(context)
        vary_on = [var.resolve(context) for var in self.vary_on]
        if vary_on[-1] is None:  # the request's key: None renders afresh (previews, POST ...)
            return self.nodelist.render(context)
        # Every part of the page in one trip to the cache (``wagtail_ward.fragment_reads``),
        # grouped under the page's content key (a chrome part's or a page part's own key holds
        # the structure token or the page's token instead).
        own = self.vary_on[-1].kind == "content"
        group = vary_on[-1] if own else _RequestKey().resolve(context)
        return read_part(
            context.get("request"),
            group,
            make_template_fragment_key(self.fragment_name, vary_on),
            lambda: self.nodelist.render(context),
            fragment_cache(),
            ward_setting("FRAGMENT_CACHE_SECONDS"),
        )


@register.filter
def ward_body_keeps(body):
    """Whether a page's rendered ``body`` may be kept for every visitor (``blocks.body_keeps``):
    for ``{% ward_page_cache ... when=page.body|ward_body_keeps %}``."""
    return body is None or body_keeps(body)


@register.tag("ward_cache")
def ward_cache(parser, token):
    """``{% ward_cache "name" [value ...] %}…{% endward_cache %}``: cache the enclosed fragment
    until published content changes (see ``wagtail_ward.fragments``).

    The key already holds the site, language, path, date and the template being rendered; give
    the tag any other value the fragment depends on.
    """
    return _cache_tag(parser, token, "endward_cache", "content")


@register.tag("ward_site_cache")
def ward_site_cache(parser, token):
    """``{% ward_site_cache "name" [value ...] %}…{% endward_site_cache %}``: cache the enclosed
    part of the site's chrome (header, menu, footer) until the site's structure changes: its
    settings, unit profile, languages, images, home page or the pages just below it (the menu);
    an article's publish leaves it alone (see ``wagtail_ward.content_scopes.chrome_sites``).

    Nothing inside may depend on the page's own content or on pages deeper in the site. It may
    lie inside a ``{% ward_cache %}`` part: what retires the structure retires the content too.
    """
    return _cache_tag(parser, token, "endward_site_cache", "structure")


@register.tag("ward_page_cache")
def ward_page_cache(parser, token):
    """``{% ward_page_cache "name" [value ...] %}…{% endward_page_cache %}``: cache the enclosed
    part of the page's own content (its fields, its picture, its category, its language links,
    the site's structure) until the page or one of its translations changes, or the site's
    structure or shared content (settings, images, snippets) does: another article's publish
    leaves it alone. For a page loaded without its token (``fragments.page_token``), the same
    as ``{% ward_cache %}``.

    Nothing inside may show another page (a list, a parent's or a child's title) except the
    page's translations, the site's chrome and links to pages (a link in the body: a change of
    the linked page, or of a page above it, replaces the token of the page that links to it,
    through Wagtail's reference index).

    ``when=value`` (the last bit) keeps the part only when ``value`` is true: a body is kept
    only when none of its blocks renders per visitor (``wagtail_ward.blocks.body_keeps``).
    """
    return _cache_tag(parser, token, "endward_page_cache", "page")


def _cache_tag(parser, token, end, kind):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs the name of the fragment.")
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    when = None
    if bits[-1].startswith("when=") and len(bits) > 2:
        when = parser.compile_filter(bits.pop()[len("when=") :])
    name, vary_on = bits[1], [parser.compile_filter(bit) for bit in bits[2:]]
    if name[:1] in "\"'" and name[-1:] == name[:1] and len(name) > 1:
        name = name[1:-1]
    else:  # a variable: its value goes into the key
        vary_on.insert(0, parser.compile_filter(name))
        name = "named"
    return WardCacheNode(nodelist, name, vary_on, kind, when)
