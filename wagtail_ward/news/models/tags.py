"""The tags of the family's own article page.

A tag through-model points at one concrete page model: a project's page built on
``NewsPageMixin`` declares its own (see docs/news.md).
"""

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_ward_news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )
