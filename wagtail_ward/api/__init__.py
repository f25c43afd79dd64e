"""API plumbing shared by every feature of wagtail-ward.

``ward_api_router()`` gives a Wagtail API v2 router with the pages, images and documents
endpoints, where the pages endpoint loads related rows in bulk. Mount it in the project's urls::

    api_router = ward_api_router()
    urlpatterns = [path("api/v2/", api_router.urls), ...]
"""

from .router import WardPagesAPIViewSet, ward_api_router

__all__ = ["WardPagesAPIViewSet", "ward_api_router"]
