from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_ward.api import ward_api_router

api_router = ward_api_router()

# The reference client of docs/headless.md: static files read by the browser, which then calls
# the API. Served here for the demo (the same files can be served from any other origin).
CLIENT_DIR = Path(__file__).resolve().parent.parent / "client"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("client/", serve, {"path": "index.html", "document_root": CLIENT_DIR}),
    re_path(r"^client/(?P<path>.+)$", serve, {"document_root": CLIENT_DIR}),
    path("api/ward/", include("wagtail_ward.api.urls")),
    path("", include("wagtail_ward.urls")),
]

if apps.is_installed("grapple"):  # wagtail-ward[graphql]: /graphql/ (docs/graphql.md)
    urlpatterns.insert(0, path("", include("grapple.urls")))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Vietnamese pages at /, English at /en/.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
