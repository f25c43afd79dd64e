"""URLs of wagtail-ward, to include before Wagtail's own URLs:
``path("", include("wagtail_ward.urls"))``.

- ``api/ward/site-info/``: header and footer data for headless frontends;
- ``api/ward/visits/``: counts a visit (POST, JSON): the page's script, a headless frontend;
- ``api/ward/visits/pixel.gif``: counts the visit of a page read without JavaScript;
- ``questions/<id>/ask/``: where the form of a citizens' questions page posts (no CSRF token
  in the page: see ``wagtail_ward.questions``);
- ``api/ward/latest/`` and ``api/ward/sitemap/``: the latest items of every family and the page
  tree (``wagtail_ward.api.ward_views``);
- ``sitemap.xml``: the XML sitemap with every translation as an alternate;
- ``robots.txt``: lets search engines in and points them to the sitemap;
- ``search/``: the site-wide search over every installed page family (``wagtail_ward.search``);
- ``polls/<id>/vote/`` and ``api/ward/polls/<id>/[vote/|results/]``: voting and results (see
  ``wagtail_ward.polls``);
- the URLs of installed families that have some outside their pages: a family's AppConfig
  names them (``ward_urls = "wagtail_ward.training.urls"``: an applicant's document, for
  reviewers only); the core imports no family;
- ``ward/admin-jsi18n/``: the Vietnamese strings of the admin's JavaScript (see
  ``wagtail_ward.admin_i18n``).
"""

from django.apps import apps
from django.urls import include, path

from .admin_i18n import admin_javascript_catalogue
from .api.views import record_visit, site_info
from .api.ward_views import latest, page_tree
from .questions import ask_question
from .search import site_search
from .seo import robots_txt
from .sitemaps import sitemap_view
from .visits import visit_pixel

app_name = "wagtail_ward"

urlpatterns = [
    path("api/ward/site-info/", site_info, name="site_info"),
    path("api/ward/visits/", record_visit, name="record_visit"),
    path("api/ward/latest/", latest, name="latest_items"),
    path("api/ward/sitemap/", page_tree, name="sitemap_tree"),
    path("api/ward/visits/pixel.gif", visit_pixel, name="visit_pixel"),
    path("questions/<int:page_id>/ask/", ask_question, name="question_ask"),
    path("", include("wagtail_ward.polls.urls")),
    path(
        "ward/admin-jsi18n/",
        admin_javascript_catalogue,
        name="admin_javascript_catalogue",
    ),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("search/", site_search, name="search"),
]

urlpatterns += [
    path("", include(config.ward_urls))
    for config in apps.get_app_configs()
    if getattr(config, "ward_urls", None)
]
