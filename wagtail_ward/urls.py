"""URLs of wagtail-ward, to include before Wagtail's own URLs:
``path("", include("wagtail_ward.urls"))``.

- ``api/ward/site-info/``: header and footer data for headless frontends;
- ``api/ward/visits/``: counts a visit from a headless frontend (POST, JSON);
- ``sitemap.xml``: the XML sitemap with every translation as an alternate;
- ``polls/<id>/vote/`` and ``api/ward/polls/<id>/[vote/]``: voting (see ``wagtail_ward.polls``);
- ``ward/training/applications/<id>/document/<field>/``: an applicant's document, reviewers only
  (see ``wagtail_ward.training``);
- ``ward/admin-jsi18n/``: the Vietnamese strings of the admin's JavaScript (see
  ``wagtail_ward.admin_i18n``).
"""

from django.urls import include, path
from wagtail.contrib.sitemaps.views import sitemap

from .admin_i18n import admin_javascript_catalogue
from .api.views import record_visit, site_info
from .sitemaps import WardSitemap

app_name = "wagtail_ward"

urlpatterns = [
    path("api/ward/site-info/", site_info, name="site_info"),
    path("api/ward/visits/", record_visit, name="record_visit"),
    path("", include("wagtail_ward.polls.urls")),
    path("", include("wagtail_ward.training.urls")),
    path(
        "ward/admin-jsi18n/",
        admin_javascript_catalogue,
        name="admin_javascript_catalogue",
    ),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": WardSitemap}}, name="sitemap"),
]
