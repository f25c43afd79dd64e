"""The site an editor is working in, so that the ward's settings open on it.

Wagtail opens a site setting on ``Site.find_for_request(request)``: the site of the admin's
own address. A district serves one admin (say ``quan.example.vn/admin/``) for every ward
site, so a ward clerk who works in the ward's pages would land on the district's settings.
The admin remembers, in the session, the site of the last page the editor opened, created a
page under, or browsed; the menu items of the site settings (the ward's and any other) open
that site's settings.
"""

import copy

from django.urls import reverse
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import SettingMenuItem

SESSION_KEY = "wagtail_ward_admin_site"


def remember_site(request, page):
    """Remember the site ``page`` belongs to (nothing for the tree root)."""
    if page is None or page.depth < 2 or not hasattr(request, "session"):
        return
    site = page.get_site()
    if site is not None and request.session.get(SESSION_KEY) != site.pk:
        request.session[SESSION_KEY] = site.pk


def working_site_id(request):
    return getattr(request, "session", {}).get(SESSION_KEY)


def point_settings_at_working_site(request, menu_items):
    """Make the menu items of every site setting open the editor's site."""
    site_id = working_site_id(request)
    if site_id is None:
        return
    for position, item in enumerate(menu_items):
        if isinstance(item, SettingMenuItem) and issubclass(item.model, BaseSiteSetting):
            meta = item.model._meta
            # Menu items are shared by every request: change a copy.
            item = copy.copy(item)
            item.url = reverse(
                "wagtailsettings:edit", args=[meta.app_label, meta.model_name, site_id]
            )
            menu_items[position] = item
