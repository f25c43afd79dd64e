"""The test project's URLs with Wagtail's document downloads (a real site mounts them)."""

from django.urls import include, path
from wagtail.documents import urls as wagtaildocs_urls

from tests.urls import urlpatterns as base_urlpatterns

urlpatterns = [path("documents/", include(wagtaildocs_urls)), *base_urlpatterns]
