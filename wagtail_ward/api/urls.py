"""The API's description, to include at ``api/ward/``::

    path("api/ward/", include("wagtail_ward.api.urls")),

gives ``/api/ward/openapi.json`` (OpenAPI 3.1) and ``/api/ward/docs/`` (the same as a page).
"""

from django.urls import path

from .reference import api_docs, openapi_json

app_name = "wagtail_ward_api"

urlpatterns = [
    path("openapi.json", openapi_json, name="openapi"),
    path("docs/", api_docs, name="docs"),
]
