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
from dataclasses import dataclass

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

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
    post_save.connect(_index_saved_item, sender=model, dispatch_uid=f"ward-item-{model._meta}")


def unregister_item_type(model):
    _item_types.pop(model._meta.label_lower, None)
    post_save.disconnect(sender=model, dispatch_uid=f"ward-item-{model._meta}")


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

    One query over the item index (plus the view restrictions, once per request when
    ``request`` is given), whatever the number of families or items. The index follows every
    way a page leaves public view; the query checks the page's own ``live`` flag and tree path
    against the view restrictions as well, so a row left behind by a change that sent no signal
    (a ``QuerySet.update()``, raw SQL) never links to a page a visitor cannot open.
    """
    from .models import IndexedItem
    from .public import public_q

    limit = limit or ward_setting("LATEST_ITEMS")
    if site is None or not _item_types:
        return []
    root = site.root_page
    if root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    rows = (
        IndexedItem.objects.filter(path__startswith=root.path, locale=locale)
        .exclude(path=root.path)
        .filter(page__live=True)
        .filter(public_q(request, field="page__path"))
        .select_related("page", "page__locale")
        .order_by("-sort_at", "-page_id")[:limit]
    )
    items = []
    for row in rows:
        item_type = _item_type_of(row.page.content_type_id)
        if item_type is None:  # a family that is no longer installed
            continue
        items.append(
            LatestItem(
                page=row.page,
                date=_display_date(item_type, row.sort_at),
                summary=row.summary,
                item_type=item_type,
            )
        )
    return items


def _item_type_of_page(page):
    """The item type of ``page``, whether it is the specific instance or a plain ``Page`` (the
    admin's bulk actions and ``publish_scheduled`` work on plain pages)."""
    item_type = _item_types.get(type(page)._meta.label_lower)
    if item_type is None and getattr(page, "content_type_id", None):
        item_type = _item_type_of(page.content_type_id)
    return item_type


def _item_type_of(content_type_id):
    from django.contrib.contenttypes.models import ContentType

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return _item_types.get(model._meta.label_lower) if model else None


def _is_datetime(item_type):
    from django.db.models import DateTimeField

    return isinstance(item_type.model._meta.get_field(item_type.date_field), DateTimeField)


def _display_date(item_type, sort_at):
    """The item's own value back: a datetime as stored, a date as that day in the ward."""
    if _is_datetime(item_type):
        return sort_at
    return sort_at.astimezone(ward_timezone()).date()


def _sort_at(value):
    """Dates and datetimes sort together: a date counts as its midnight in the ward's time zone."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=ward_timezone())
        return value
    return datetime.datetime.combine(value, datetime.time.min, tzinfo=ward_timezone())


def index_item(page):
    """Write (or remove) the index row of ``page``, from its live values in the database.

    The instance in memory may hold a draft (``save_revision`` saves the page row with the
    draft's fields in memory only): the values are read again from the database.
    """
    from .models import IndexedItem

    item_type = _item_type_of_page(page)
    if item_type is None:
        return
    fields = ["live", "path", "locale_id", item_type.date_field]
    if item_type.summary_field:
        fields.append(item_type.summary_field)
    values = item_type.model.objects.filter(pk=page.pk).values(*fields).first()
    if values is None or not values["live"] or values[item_type.date_field] is None:
        IndexedItem.objects.filter(page_id=page.pk).delete()
        return
    IndexedItem.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "path": values["path"],
            "locale_id": values["locale_id"],
            "sort_at": _sort_at(values[item_type.date_field]),
            "summary": values.get(item_type.summary_field) or "" if item_type.summary_field else "",
        },
    )


def rebuild_item_index():
    """Index every page of every registered family again; returns the number of live items."""
    from .models import IndexedItem

    IndexedItem.objects.all().delete()
    count = 0
    for item_type in item_types():
        for page in item_type.model.objects.live().only("pk"):
            index_item(page)
            count += 1
    return count


def _index_saved_item(sender, instance, raw=False, **kwargs):
    if not raw:
        index_item(instance)


@receiver(page_published, dispatch_uid="wagtail-ward-item-published")
@receiver(page_unpublished, dispatch_uid="wagtail-ward-item-unpublished")
def _index_published_or_unpublished_item(sender, instance, **kwargs):
    """Wagtail sends these for every way a page is published or unpublished: the editor's
    buttons, the bulk actions, scheduled publishing and expiry (``publish_scheduled``), a parent
    unpublished with its descendants, and the aliases that follow their page. Some of these save
    a plain ``Page``, which the specific model's ``post_save`` never hears of.

    Deleting a page deletes its row with it (the row's foreign key cascades); a view restriction
    is checked when the list is read, so adding or removing one needs no change here.
    """
    index_item(instance)


@receiver(post_page_move, dispatch_uid="wagtail-ward-item-moved")
def _index_moved_items(sender, instance, **kwargs):
    """A move changes the tree path of the page and of everything below it."""
    for item_type in item_types():
        for page in item_type.model.objects.descendant_of(instance, inclusive=True).only("pk"):
            index_item(page)
