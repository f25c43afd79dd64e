"""Where page families announce their dated items to the core.

A page family (news, schedules, procedures, training) calls ``register_item_type`` from its
``AppConfig.ready()``. The core then lists the latest items of every installed family and keeps
single items out of the HTML sitemap, without importing any family::

    from wagtail_ward.registry import register_item_type

    class NewsConfig(AppConfig):
        def ready(self):
            from .models import NewsPage
            register_item_type(NewsPage, date_field="date", summary_field="lead")
"""

import datetime
import heapq
from dataclasses import dataclass

from .conf import ward_setting
from .dates import ward_timezone


@dataclass(frozen=True)
class ItemType:
    model: type
    date_field: str
    summary_field: str | None = None

    @property
    def label(self):
        return self.model._meta.verbose_name


_item_types = {}


def register_item_type(model, *, date_field, summary_field=None):
    """Announce ``model`` (a concrete page type) as an item with a date and a summary."""
    for name in filter(None, (date_field, summary_field)):
        model._meta.get_field(name)  # fail early, at start-up, on a misspelt field
    _item_types[model._meta.label_lower] = ItemType(model, date_field, summary_field)


def unregister_item_type(model):
    _item_types.pop(model._meta.label_lower, None)


def item_types():
    """The registered item types, in registration order."""
    return list(_item_types.values())


def is_item_type(model):
    return model._meta.label_lower in _item_types


@dataclass(frozen=True)
class LatestItem:
    page: object
    date: object
    summary: str
    item_type: ItemType


def latest_items(site, locale, limit=None, request=None):
    """The newest live, public items of ``site`` in ``locale`` across every registered family.

    One query per registered item type, whatever the amount of content (plus one for the view
    restrictions, once per request when ``request`` is given).
    """
    from .public import public_q

    limit = limit or ward_setting("LATEST_ITEMS")
    if site is None:
        return []
    root = site.root_page.get_translation_or_none(locale) or site.root_page
    streams = []
    for item_type in item_types():
        model = item_type.model
        queryset = (
            model.objects.live()
            .filter(public_q(request))
            .descendant_of(root)
            .filter(locale=locale)
            .order_by(f"-{item_type.date_field}", "-pk")
            # Only what a list of links shows: a narrow SELECT is much quicker to build.
            .only(*_LISTED_FIELDS, *filter(None, (item_type.date_field, item_type.summary_field)))[
                :limit
            ]
        )
        streams.append(
            [
                LatestItem(
                    page=page,
                    date=getattr(page, item_type.date_field),
                    summary=getattr(page, item_type.summary_field)
                    if item_type.summary_field
                    else "",
                    item_type=item_type,
                )
                for page in queryset
            ]
        )
    merged = heapq.merge(*streams, key=lambda item: _sortable(item.date), reverse=True)
    return list(merged)[:limit]


_LISTED_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "locale_id", "live")


def _sortable(value):
    """Dates and datetimes sort together: a date counts as its midnight in the ward's time zone."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(ward_timezone())
        return value.replace(tzinfo=None)
    return datetime.datetime.combine(value, datetime.time.min)
