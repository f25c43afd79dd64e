"""A child page read with its page token, in the query that reads it.

A page's own kept parts (``{% ward_page_cache %}``) are keyed on its page token
(``fragments.page_token``), which must never be newer than what is kept under it: it is read
with the page, as a subquery of the query that routes to it, never in a query of its own. The
news index routes its articles so (``news.models.routing``); the home page and the content page
route their children so (``ChildWithTokenMixin``); a page routed Wagtail's own way has no page
token and its parts are kept under the site's content token.
"""

from django.apps import apps
from django.db.models import OuterRef, Subquery
from django.http import Http404
from wagtail.models import Page

PAGE_TOKEN = "ward_page_token"  # noqa: S105 (an attribute: the page loaded with its token)


def with_page_token(pages):
    """``pages`` (a page queryset) each with its page token (``PAGE_TOKEN``, None when the page
    has no row yet): one subquery."""
    versions = apps.get_model("wagtail_ward", "PageContentVersion").objects
    token = versions.filter(translation_key=OuterRef("translation_key")).values("token")[:1]
    return pages.annotate(**{PAGE_TOKEN: Subquery(token)})


class ChildWithTokenMixin:
    """Wagtail's ``route`` with the child page read with its page token in the same query (the
    specific page that Wagtail then reads keeps it: ``Page.get_specific`` copies annotations)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        try:
            child = with_page_token(self.get_children()).get(slug=path_components[0])
        except Page.DoesNotExist as error:
            raise Http404 from error
        child._cached_parent_obj = self  # get_parent() without a query, as Wagtail does
        return child.specific.route(request, path_components[1:])
