"""The tags of the family's own article page, and how wagtail-localize treats an article's tags.

A tag through-model points at one concrete page model: a project's page built on
``NewsPageMixin`` declares its own (see docs/news.md).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail_localize.fields import BaseTranslatableField


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_ward_news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class TranslatorsTags:
    """``override_translatable_fields`` of an article: its ``tags`` belong to each language.

    wagtail-localize treats a tag field (and the child relation of its through-model) as a
    synchronised field: every "Sync translated pages" copied the Vietnamese tags back over the
    English ones. Tags are no text it can offer for translation (no segments, no overrides for
    a child relation), so here they are neither translated nor synchronised: a new translation
    starts with a copy of the source's tags (Wagtail's ``copy_for_translation``), the
    translator then sets the language's own, and a sync leaves them alone.

    Read from the class, so a project's article with its own tag through-model (any
    ``related_name``) gets the same; a page without a ``tags`` field gets no override.
    """

    def __get__(self, instance, owner):
        try:
            tags = owner._meta.get_field("tags")
        except FieldDoesNotExist:
            return []
        names = ["tags"]
        for relation in owner._meta.related_objects:
            if relation.related_model is getattr(tags, "through", None):
                names.append(relation.name)
        return [BaseTranslatableField(name) for name in names]


class TranslatorsTagsMixin:
    """Gives an article the tag handling of ``TranslatorsTags`` (used by ``NewsPageMixin``)."""

    override_translatable_fields = TranslatorsTags()
