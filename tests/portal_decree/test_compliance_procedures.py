"""The compliance report's "procedures" item is there for every site: present, missing, or
missing because the procedures family is not installed, which it says in the editor's language."""

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation

from tests.procedures.builders import make_procedure_index
from wagtail_ward import compliance
from wagtail_ward.compliance import site_compliance

pytestmark = pytest.mark.django_db


@pytest.fixture
def without_procedures(monkeypatch):
    """The procedures family as if left out of INSTALLED_APPS (the models stay loaded)."""
    installed = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name != compliance.PROCEDURES_PACKAGE and installed(name)
    )


def procedures_item(site):
    return {item.key: item for item in site_compliance(site)}["procedures"]


def test_the_item_follows_the_procedure_pages(ward_site):
    item = procedures_item(ward_site)
    assert item.status == compliance.MISSING and item.fix_url
    make_procedure_index(ward_site.root_page)
    assert procedures_item(ward_site).status == compliance.PRESENT


def test_without_the_family_the_item_is_listed_as_not_installed(ward_site, without_procedures):
    make_procedure_index(ward_site.root_page)  # pages left from an earlier install do not count
    keys = [item.key for item in site_compliance(ward_site)]
    assert keys.index("news") < keys.index("procedures") < keys.index("sitemap")
    with translation.override("en"):
        item = procedures_item(ward_site)
        assert str(item.detail) == (
            "The administrative procedures family is not installed: add "
            "“wagtail_ward.procedures” to INSTALLED_APPS (see the installation guide), then "
            "publish the procedures."
        )
    assert item.status == compliance.MISSING and not item.ok and item.fix_url == ""
    with translation.override("vi"):
        assert "chưa được cài đặt" in str(procedures_item(ward_site).detail)


def test_the_report_shows_it_in_vietnamese(editor, ward_site, without_procedures):
    response = editor.get(reverse("wagtail_ward_compliance", args=[ward_site.pk]))
    html = response.content.decode()
    assert 'wagtail-ward-compliance--missing" data-item="procedures"' in html
    assert "Thủ tục hành chính" in html and "chưa được cài đặt" in html
