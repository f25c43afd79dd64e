from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from wagtail_ward.api import ward_api_router

api_router = ward_api_router()

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    path("api/ward/", include("wagtail_ward.api.urls")),
    path("", include("wagtail_ward.urls")),
]
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
