"""The item types page families have registered (see ``wagtail_ward.registry``).

Only the list itself, so that the core's models can read it: this module imports none of them.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType


@dataclass(frozen=True)
class ItemType:
    model: type
    date_field: str
    summary_field: str | None = None

    @property
    def label(self):
        return self.model._meta.verbose_name


_item_types = {}


def add_item_type(model, date_field, summary_field=None):
    for name in filter(None, (date_field, summary_field)):
        model._meta.get_field(name)  # fail early, at start-up, on a misspelt field
    _item_types[model._meta.label_lower] = ItemType(model, date_field, summary_field)


def remove_item_type(model):
    _item_types.pop(model._meta.label_lower, None)


def item_types():
    """The registered item types, in registration order."""
    return list(_item_types.values())


def is_item_type(model):
    return model._meta.label_lower in _item_types


def item_type_of(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return _item_types.get(model._meta.label_lower) if model else None


def item_type_of_page(page):
    """The item type of ``page``, whether it is the specific instance or a plain ``Page`` (the
    admin's bulk actions and ``publish_scheduled`` work on plain pages)."""
    item_type = _item_types.get(type(page)._meta.label_lower)
    if item_type is None and getattr(page, "content_type_id", None):
        item_type = item_type_of(page.content_type_id)
    return item_type


def item_content_type_ids():
    models_ = [item_type.model for item_type in item_types()]
    if not models_:
        return []
    return [ct.pk for ct in ContentType.objects.get_for_models(*models_).values()]
