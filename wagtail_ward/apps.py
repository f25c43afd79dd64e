from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailWardConfig(AppConfig):
    name = "wagtail_ward"
    label = "wagtail_ward"
    verbose_name = _("Ward website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        # checks registers the system checks, registry connects the item index's signals.
        from . import checks, privacy, registry  # noqa: F401

        post_migrate.connect(_fill_item_index, sender=self)
        _watch_content()
        privacy.connect()


def _watch_content():
    """What the kept page parts (``wagtail_ward.fragments``) show from the core and Wagtail."""
    from taggit.models import ItemBase, Tag
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Locale, Page, PageViewRestriction, Site

    from .fragments import watch_models, watch_pages
    from .models import UnitProfile

    watch_models(
        Page,
        PageViewRestriction,
        Site,
        Locale,
        BaseSiteSetting,
        BaseGenericSetting,
        UnitProfile,
        AbstractImage,
        AbstractDocument,
        Tag,
        ItemBase,
    )
    watch_pages()


def _fill_item_index(using, **kwargs):
    """After a migration, index the family pages that exist but are not indexed yet.

    An existing site that upgrades gets its latest-items index filled; later saves keep it.
    """
    from .models import IndexedItem
    from .registry import item_types, rebuild_item_index

    if IndexedItem.objects.using(using).exists():
        return
    if any(item_type.model.objects.using(using).live().exists() for item_type in item_types()):
        rebuild_item_index()
