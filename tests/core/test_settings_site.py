"""Site settings open on the site the editor is working in, not on the admin's own address."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, Site

from tests.factories import ContentPageFactory, WardHomePageFactory

SETTINGS = ["wagtail_ward", "wardsettings"]


@pytest.fixture
def ward(ward_site):
    """A ward's site on another host; the district's (``ward_site``) is the admin's default."""
    root = Page.get_first_root_node()
    home = WardHomePageFactory(parent=root, slug="phuong-may-chai", title="Máy Chai")
    return Site.objects.create(
        hostname="maychai.localhost", port=80, root_page=home, site_name="Máy Chai"
    )


def menu(client):
    """The admin's page with the menu (the sidebar's data is in the page)."""
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_settings_open_on_the_site_of_the_page_last_worked_on(editor, ward_site, ward):
    page = ContentPageFactory(parent=ward.root_page, title="Giới thiệu", slug="gioi-thieu")
    ward_url = reverse("wagtailsettings:edit", args=[*SETTINGS, ward.pk])
    district_url = reverse("wagtailsettings:edit", args=[*SETTINGS, ward_site.pk])

    # Before the editor works in a site: Wagtail's own link (the admin's address).
    assert reverse("wagtailsettings:edit", args=SETTINGS) in menu(editor)
    assert ward_url not in menu(editor)

    assert editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    assert ward_url in menu(editor)
    assert editor.get(ward_url).status_code == 200

    # Browsing the district's pages moves the settings back to the district.
    explore = reverse("wagtailadmin_explore", args=[ward_site.root_page.pk])
    assert editor.get(explore).status_code == 200
    assert district_url in menu(editor)
    assert ward_url not in menu(editor)


def test_another_editor_keeps_wagtails_choice(editor, ward, django_user_model):
    editor.get(reverse("wagtailadmin_pages:edit", args=[ward.root_page.pk]))
    second = Client()
    second.force_login(django_user_model.objects.create_superuser("thuky", "tk@example.vn", "x"))
    assert reverse("wagtailsettings:edit", args=[*SETTINGS, ward.pk]) not in menu(second)
