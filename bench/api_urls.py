"""URLs of the API benchmark: the project's URLs plus Wagtail's stock v2 router, unchanged."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from tests.urls import urlpatterns as project_urlpatterns

stock_router = WagtailAPIRouter("stockapi")
# As Wagtail's documentation sets it up: pictures and documents have endpoints of their own.
stock_router.register_endpoint("pages", PagesAPIViewSet)
stock_router.register_endpoint("images", ImagesAPIViewSet)
stock_router.register_endpoint("documents", DocumentsAPIViewSet)

urlpatterns = [path("bench/stock/v2/", stock_router.urls), *project_urlpatterns]
