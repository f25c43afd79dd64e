"""The admin's JavaScript strings in Vietnamese.

Wagtail's admin loads its JavaScript catalogue from ``wagtailadmin_javascript_catalog``, a
``JavaScriptCatalog`` limited to the ``wagtail.admin`` package (wagtail-localize's editor adds
one limited to ``wagtail_localize``): no other app's ``djangojs`` catalogue reaches it. So the
package serves its own, built from ``admin_locale/vi/djangojs.po``, at
``wagtail_ward:admin_javascript_catalogue``, and the ``insert_global_admin_js`` hook loads it
right after Wagtail's scripts. Django's catalogue script adds its messages to the ones already
loaded and replaces those with the same msgid, so ours win; the strings are looked up when the
admin's scripts render, after the page has loaded.
"""

from django.core.exceptions import FieldDoesNotExist
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.localization import get_localized_response
from wagtail.models import Site
from wagtail.sites.views import IndexView as SitesIndexView

_catalogue = JavaScriptCatalog.as_view(packages=["wagtail_ward"])


def admin_javascript_catalogue(request):
    """The package's djangojs catalogue, in the admin user's language (as Wagtail's is)."""
    return get_localized_response(_catalogue, request)


def admin_javascript_catalogue_script():
    """The ``<script>`` that loads the catalogue, or nothing when its URL is not installed."""
    try:
        url = reverse("wagtail_ward:admin_javascript_catalogue")
    except NoReverseMatch:
        return ""
    return format_html('<script src="{}"></script>', url)


def label_login_password():
    """Wagtail's login form declares its password field without a label, so Django shows the
    field's name, "Password", in English whatever the language. Give it the translated one."""
    field = LoginForm.base_fields["password"]
    if field.label is None:
        field.label = gettext_lazy("Password")


def label_site_columns():
    """Wagtail's Sites listing declares its "port", "site_name" and "root_page" columns without
    a label, so they are headed with the attribute's name made English ("Port", "Root page").
    Head them with the model field's verbose name instead, which the catalogues translate."""
    for column in SitesIndexView.columns:
        if column.label != capfirst(column.name.replace("_", " ")):
            continue  # labelled by Wagtail itself
        try:
            field = Site._meta.get_field(column.name)
        except FieldDoesNotExist:
            continue
        column.label = capfirst(field.verbose_name)
