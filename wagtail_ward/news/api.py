"""The news in the Wagtail API v2, for headless frontends.

``/api/v2/news/`` lists live, public articles with every field loaded in a fixed number of
queries; ``/api/v2/news/<id>/`` adds ``other_news``. Articles are also in ``/api/v2/pages/``.
"""

from rest_framework import serializers
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

from ..api import WardPagesAPIViewSet
from .models import NewsPage


class NewsCategoryField(serializers.Field):
    """The category as ``{"id", "name", "slug"}`` (or null)."""

    def to_representation(self, category):
        return {"id": category.pk, "name": category.name, "slug": category.slug}


class NewsTagsField(serializers.Field):
    """The tag names, sorted; read from the prefetched tags (Wagtail's own field re-queries)."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class OtherNewsField(serializers.Field):
    """ "Các tin khác" of an article: ``[{"id", "title", "date", "lead", "html_url"}]``."""

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


class NewsAPIViewSet(WardPagesAPIViewSet):
    """``/api/v2/news/``: the articles, with their category, image, renditions and tags loaded
    in bulk. ``other_news`` costs a query per article, so it is given on the detail only."""

    name = "news"
    model = NewsPage
    detail_only_fields = [*WardPagesAPIViewSet.detail_only_fields, "other_news"]

    def get_queryset(self):
        return (
            self.model.objects.filter(pk__in=self.get_base_queryset().values_list("pk", flat=True))
            .select_related("locale", "category", "featured_image", "alias_of")
            .prefetch_related("tags", "featured_image__renditions")
        )
