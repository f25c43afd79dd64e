"""What the API shows of the news: the fields of an article and of a news index.

Works on the objects it is given and imports none of the family's models: the models name
these fields in their ``api_fields``.
"""

from django.utils.translation import gettext_lazy
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField


class NewsCategoryField(serializers.Field):
    """The category as ``{"id", "name", "slug"}`` (or null)."""

    openapi_schema = {
        "type": ["object", "null"],
        "required": ["id", "name", "slug"],
        "properties": {
            "id": {"type": "integer"},
            "name": {"type": "string"},
            "slug": {"type": "string"},
        },
    }

    def to_representation(self, category):
        return {"id": category.pk, "name": category.name, "slug": category.slug}


class NewsTagsField(serializers.Field):
    """The tag names, sorted; read from the prefetched tags (Wagtail's own field re-queries)."""

    openapi_schema = {"type": "array", "items": {"type": "string"}}

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class OtherNewsField(serializers.Field):
    """ "Các tin khác" of an article: ``[{"id", "title", "date", "lead", "html_url"}]``."""

    openapi_schema = {
        "type": "array",
        "description": gettext_lazy("Detail only."),
        "items": {
            "type": "object",
            "required": ["id", "title", "date", "html_url"],
            "properties": {"date": {"type": "string", "format": "date"}},
        },
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "id": other.pk,
                "title": other.title,
                "date": other.date.isoformat(),
                "lead": other.lead,
                "html_url": other.get_full_url(request),
            }
            for other in page.get_other_news(request=request)
        ]


def news_index_page_api_fields():
    return [APIField("intro"), APIField("per_page")]


def news_page_api_fields():
    return [
        APIField("date"),
        APIField("lead"),
        APIField("featured"),
        APIField("category", serializer=NewsCategoryField()),
        APIField("tags", serializer=NewsTagsField()),
        APIField("featured_image"),
        APIField(
            "featured_image_rendition",
            serializer=ImageRenditionField("fill-800x450", source="featured_image"),
        ),
        APIField(
            "featured_image_thumbnail",
            serializer=ImageRenditionField("fill-320x180", source="featured_image"),
        ),
        APIField("featured_image_caption"),
        APIField("body"),
        APIField("source_name"),
        APIField("source_url"),
        APIField("other_news", serializer=OtherNewsField()),
    ]
