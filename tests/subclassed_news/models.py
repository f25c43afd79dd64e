"""A project's own news pages over the news mixins, as a project would write them.

The family's tests run through these pages with ``WARD_TEST_PAGES=subclassed`` (see
tests/families.py): a mixin that names one of the family's concrete classes fails there.
"""

from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.models import Page

from wagtail_ward.news.models import NewsIndexPageMixin, NewsPageMixin


class ProjectNewsIndexPage(NewsIndexPageMixin, Page):
    parent_page_types = ["wagtail_ward.WardHomePage", "wagtail_ward.ContentPage"]
    subpage_types = ["subclassed_news.ProjectNewsPage"]
    article_model_name = "subclassed_news.ProjectNewsPage"


class ProjectNewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "subclassed_news.ProjectNewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ProjectNewsPage(NewsPageMixin, Page):
    # A tag through-model points at one page model: the project's article has its own.
    tags = ClusterTaggableManager(through=ProjectNewsPageTag, blank=True)

    parent_page_types = ["subclassed_news.ProjectNewsIndexPage"]
    subpage_types = []
    index_model_name = "subclassed_news.ProjectNewsIndexPage"
