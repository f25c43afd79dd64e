import importlib

from django.apps import apps
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_ward.api import ward_api_router

api_router = ward_api_router()

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),  # as a project mounts it (document URLs)
    path("api/v2/", api_router.urls),
    path("api/ward/", include("wagtail_ward.api.urls")),
    path("", include("wagtail_ward.urls")),
]
if apps.is_installed("wagtail.api.v3"):  # Wagtail 8: v3's api with the ward router on it
    v3 = importlib.import_module("wagtail.api.v3.urls").api
    v3.add_router("/ward/", importlib.import_module("wagtail_ward.api.v3").ward_v3_router())
    urlpatterns.insert(0, path("api/v3/", v3.urls))
if apps.is_installed("grapple"):  # wagtail-ward[graphql]: POST /graphql/ (tests/graphql)
    urlpatterns.insert(0, path("", include("grapple.urls")))
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
