"""Where page families announce their dated items to the core.

A page family (news, schedules, procedures, training) calls ``register_item_type`` from its
``AppConfig.ready()``. The core then lists the latest items of every installed family and keeps
single items out of the HTML sitemap, without importing any family::

    from wagtail_ward.registry import register_item_type

    class NewsConfig(AppConfig):
        def ready(self):
            from .models import NewsPage
            register_item_type(NewsPage, date_field="date", summary_field="lead")

The list of types lives in ``wagtail_ward.item_types`` and the index with its queries in
``wagtail_ward.models.items`` (both below the core's pages, which use them); this module keeps
the index in step with the pages and is where families find every name.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .item_types import ItemType, add_item_type, is_item_type, item_types, remove_item_type
from .models import IndexedItem
from .models.items import LatestItem, index_item, latest_items, rebuild_item_index

__all__ = [
    "ItemType",
    "LatestItem",
    "fill_item_index",
    "index_item",
    "is_item_type",
    "item_types",
    "latest_items",
    "rebuild_item_index",
    "register_item_type",
    "unregister_item_type",
]


def register_item_type(model, *, date_field, summary_field=None):
    """Announce ``model`` (a concrete page type) as an item with a date and a summary."""
    add_item_type(model, date_field, summary_field)
    post_save.connect(_index_saved_item, sender=model, dispatch_uid=f"ward-item-{model._meta}")


def unregister_item_type(model):
    remove_item_type(model)
    post_save.disconnect(sender=model, dispatch_uid=f"ward-item-{model._meta}")


def fill_item_index(using, **kwargs):
    """After a migration, index the family pages that are live but not indexed yet.

    An existing site that upgrades gets its index filled (and, from the version that indexes
    undated items for the site-wide search, its procedures not announced as news); later saves
    keep it.
    """
    indexed = IndexedItem.objects.using(using).values("page_id")
    for item_type in item_types():
        missing = item_type.model.objects.using(using).live().exclude(pk__in=indexed)
        for page in missing.only("pk"):
            index_item(page)


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
