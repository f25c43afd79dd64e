"""The project's ``news`` API endpoint, serving its own article pages.

A project whose news is its own pages registers the family's viewset with its own index model
under the family's name, after the family's hook (``order=1``). Here only when the tests run
through these pages, since the same test settings serve the family's own pages otherwise.
"""

from wagtail import hooks

from tests.families import SUBCLASSED
from wagtail_ward.news.api import NewsAPIViewSet

from .models import ProjectNewsIndexPage


class ProjectNewsAPIViewSet(NewsAPIViewSet):
    index_model = ProjectNewsIndexPage


if SUBCLASSED:

    @hooks.register("register_wagtail_ward_api_endpoints", order=1)
    def register_project_news_endpoint(router):
        router.register_endpoint("news", ProjectNewsAPIViewSet)
