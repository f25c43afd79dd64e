"""The family's own concrete pages: thin classes over the mixins.

A project may build its own pages over the same mixins instead (see docs/news.md); these keep
their names, app label and tables.
"""

from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from wagtail.models import Page

from .mixins import NewsIndexPageMixin, NewsPageMixin
from .tags import NewsPageTag


class NewsIndexPage(NewsIndexPageMixin, Page):
    template = "wagtail_ward/news/news_index_page.html"
    subpage_types = ["wagtail_ward_news.NewsPage"]
    article_model_name = "wagtail_ward_news.NewsPage"

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")


class NewsPage(NewsPageMixin, Page):
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=NewsPageTag,
        blank=True,
        help_text=_("Key words of the article, separated by commas."),
    )

    template = "wagtail_ward/news/news_page.html"
    parent_page_types = ["wagtail_ward_news.NewsIndexPage"]
    subpage_types = []
    index_model_name = "wagtail_ward_news.NewsIndexPage"

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
