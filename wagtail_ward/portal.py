"""What the portal's home page blocks and side boxes read: stories with their pictures, the
newest items of a section, this week's schedule, the side boxes of a site.

Every function goes through the item index (``wagtail_ward.registry``): no page family is
imported. A family page is read by duck typing (``featured_image``, ``items_of_category``).
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from .memo import public_q
from .models import IndexedItem, SideBox
from .registry import latest_items


def _in_locale(page, locale):
    if page is None or page.locale_id == locale.pk:
        return page
    return page.get_translation_or_none(locale) or page


def featured_stories(site, locale, chosen=(), count=4, request=None):
    """The stories of a "Featured news" block: the chosen pages (live and public, in
    ``locale``) or else the newest items; specific pages, one query per page type."""
    if chosen:
        pks = [page.pk for page in chosen if page is not None]
        translated = {p.translation_key: p for p in _translations(pks, locale)}
        ids = [translated[p.translation_key].pk for p in chosen if p.translation_key in translated]
    else:  # the newest items, those with a picture first
        ids = [item.page.pk for item in latest_items(site, locale, count * 4, request=request)]
    pages = Page.objects.live().filter(public_q(request)).filter(pk__in=ids).specific()
    by_id = {page.pk: page for page in pages}
    stories = [by_id[pk] for pk in ids if pk in by_id]
    if not chosen:
        pictured = [page for page in stories if getattr(page, "featured_image_id", None)]
        stories = (pictured or stories)[:count]
    return stories


def _translations(pks, locale):
    keys = Page.objects.filter(pk__in=pks).values("translation_key")
    return Page.objects.filter(translation_key__in=keys, locale=locale).only(
        "pk", "translation_key"
    )


def section_items(site, locale, section=None, category="", count=5, request=None):
    """The newest items below ``section`` (all of the site without one); with ``category``,
    the articles of that category when the section offers ``items_of_category``."""
    section = _in_locale(section, locale)
    if section is not None and category:
        specific = section.specific_deferred
        if callable(getattr(specific, "items_of_category", None)):
            return specific.items_of_category(category, count, request=request)
    return [item.page for item in latest_items(site, locale, count, request, section=section)]


def current_item(locale, section, request=None):
    """The newest item below ``section`` that has started (this week's schedule)."""
    section = _in_locale(section, locale)
    if section is None:
        return None
    row = (
        IndexedItem.objects.filter(path__startswith=section.path, locale=locale)
        .exclude(path=section.path)
        .filter(page__live=True, listed=True, sort_at__lte=timezone.now())
        .filter(public_q(request, field="page__path"))
        .select_related("page")
        .order_by("-sort_at", "-page_id")
        .first()
    )
    return row.page if row else None


def side_boxes(site, locale, ids=None):
    """The side boxes of ``site`` in ``locale``, in the editor's order (of ``ids`` only, when
    given)."""
    if site is None:
        return []
    boxes = SideBox.objects.filter(Q(site=site) | Q(site__isnull=True), locale=locale)
    if ids is not None:
        boxes = boxes.filter(pk__in=ids)
    return list(boxes.order_by("sort_order", "pk"))
