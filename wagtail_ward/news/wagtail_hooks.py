"""The news family in the admin: the category snippet and the ``news`` API endpoint."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .api import NewsAPIViewSet
from .models import NewsCategory


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "tag"
    menu_label = _("News categories")
    list_display = ["name", "slug"]
    list_filter = {"name": ["icontains"], "slug": ["exact"]}
    search_fields = ["name", "slug"]
    ordering = ["name"]


register_snippet(NewsCategoryViewSet)


@hooks.register("register_wagtail_ward_api_endpoints")
def register_news_endpoint(router):
    router.register_endpoint("news", NewsAPIViewSet)
