"""The news in the Wagtail API v2, for headless frontends.

``/api/v2/news/`` lists live, public articles with every field loaded in a fixed number of
queries; ``/api/v2/news/<id>/`` adds ``other_news``. Articles are also in ``/api/v2/pages/``.

The endpoint serves the article model of ``index_model`` (its ``article_model()`` hook). A
project whose news pages are its own subclasses of the mixins registers a subclass with its own
``index_model`` under the same name (see docs/news.md).
"""

from django.utils.functional import classproperty

from ..api import WardPagesAPIViewSet
from .models import NewsIndexPage


class NewsAPIViewSet(WardPagesAPIViewSet):
    """``/api/v2/news/``: the articles, with their category, image, renditions and tags loaded
    in bulk. ``other_news`` costs a query per article, so it is given on the detail only."""

    name = "news"
    #: The news index page type whose articles the endpoint lists.
    index_model = NewsIndexPage
    detail_only_fields = [*WardPagesAPIViewSet.detail_only_fields, "other_news"]

    @classproperty
    def model(cls):
        return cls.index_model.article_model()

    @classmethod
    def load_related(cls, queryset):
        # Also used by /api/v2/pages/?type=<the article model> (WardAPIRouter.loader_for).
        return queryset.select_related(
            "locale", "category", "featured_image", "alias_of"
        ).prefetch_related("tags", "featured_image__renditions")

    def get_queryset(self):
        return self.load_related(
            self.model.objects.filter(pk__in=self.get_base_queryset().values_list("pk", flat=True))
        )
