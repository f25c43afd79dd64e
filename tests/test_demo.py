"""``manage.py load_ward_demo``: the demo district with its two wards, in Vietnamese and English,
and nothing changes when it runs a second time.

The command commits one transaction per translation (wagtail-localize publishes on commit), so
this test runs with real transactions. The ``demo`` app is not in the test settings, so the
command is run from its class rather than by name.
"""

import io

import pytest
import time_machine
from demo.management.commands import load_ward_demo
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import Translation, TranslationSource

from tests.portal_decree.demo_checks import check_demo
from wagtail_ward.models import UnitProfile, WardHomePage, WardSettings

pytestmark = pytest.mark.slow

SITES = {("127.0.0.1", 8000), ("lacvien.localhost", 8000), ("maychai.localhost", 8000)}


def load_demo():
    out = io.StringIO()
    call_command(load_ward_demo.Command(), stdout=out)
    return out.getvalue()


def snapshot():
    return {
        "pages": sorted(
            Page.objects.values_list("pk", "locale__language_code", "url_path", "live")
        ),
        "revisions": Revision.objects.count(),
        "sites": sorted(Site.objects.values_list("pk", "hostname", "port", "root_page_id")),
        "users": sorted(get_user_model().objects.values_list("pk", "username")),
        "images": sorted(get_image_model().objects.values_list("pk", "title")),
        "unit_profiles": sorted(UnitProfile.objects.values_list("pk", "locale_id", "name")),
        "ward_settings": sorted(
            WardSettings.objects.values_list("site_id", "profile_id", "logo_id", "sitemap_page_id")
        ),
        "translation_sources": TranslationSource.objects.count(),
        "translations": sorted(Translation.objects.values_list("pk", "target_locale_id")),
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
# On the day the demo's articles were written for (its newest are days old then); the schedules
# are dated from that day too.
@time_machine.travel("2026-11-30 10:00 +07:00")
def test_load_ward_demo_twice(client, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    output = load_demo()
    assert "http://lacvien.localhost:8000/" in output
    # The checks the 2025 profile passes too (tests/portal_decree/test_demo_2025.py).
    check_demo(client, "default")

    # Three sites on port 8000, the district's one the default.
    sites = Site.objects.all()
    assert {(site.hostname, site.port) for site in sites} == SITES
    assert [site.hostname for site in sites.filter(is_default_site=True)] == ["127.0.0.1"]
    # Wagtail's welcome page is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()

    en = Locale.objects.get(language_code="en")
    for site in sites:
        home = site.root_page.specific
        assert isinstance(home, WardHomePage)
        assert home.locale.language_code == "vi"
        assert home.live
        english = home.get_translation_or_none(en)
        assert english is not None, f"{site.hostname} has an English home page"
        assert english.live
        assert english.title != home.title  # translated, not copied
        ward = WardSettings.for_site(site)
        assert ward.profile is not None
        assert ward.profile.get_translation_or_none(en) is not None
        assert ward.logo is not None
        assert ward.sitemap_page is not None and ward.sitemap_page.live

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(load_ward_demo.DEFAULT_ADMIN_PASSWORD)

    first = snapshot()
    logos = [title for _pk, title in first["images"] if title.startswith("Biểu trưng")]
    assert len(logos) == 3  # one emblem per unit; the page families add their own pictures
    assert len(first["unit_profiles"]) == 6  # each unit in vi and en
    assert first["translations"]

    load_demo()
    assert snapshot() == first
