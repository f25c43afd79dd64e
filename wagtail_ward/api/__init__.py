"""API plumbing shared by every feature of wagtail-ward.

``ward_api_router()`` gives a Wagtail API v2 router with the pages, images and documents
endpoints, where the pages endpoint loads related rows in bulk and every endpoint checks its query
parameters (``WardAPIParametersMixin``: a bad one is a 400, never a 500). Mount it in the
project's urls::

    api_router = ward_api_router()
    urlpatterns = [path("api/v2/", api_router.urls), ...]
"""

from .router import WardAPIParametersMixin, WardAPIRouter, WardPagesAPIViewSet, ward_api_router

__all__ = ["WardAPIParametersMixin", "WardAPIRouter", "WardPagesAPIViewSet", "ward_api_router"]
