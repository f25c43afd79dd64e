from wagtail import hooks
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet


class WardPagesAPIViewSet(PagesAPIViewSet):
    """The pages endpoint, with the locale of every page loaded in the same query."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locale")


def ward_api_router(name="wagtailapi"):
    """A Wagtail API v2 router with pages, images, documents and every family's endpoints.

    A page family adds its own endpoints from its ``wagtail_hooks.py``::

        @hooks.register("register_wagtail_ward_api_endpoints")
        def register_endpoints(router):
            router.register_endpoint("schedules", ScheduleAPIViewSet)
    """
    router = WagtailAPIRouter(name)
    router.register_endpoint("pages", WardPagesAPIViewSet)
    router.register_endpoint("images", ImagesAPIViewSet)
    router.register_endpoint("documents", DocumentsAPIViewSet)
    for register in hooks.get_hooks("register_wagtail_ward_api_endpoints"):
        register(router)
    return router
