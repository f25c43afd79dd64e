"""``manage.py load_ward_demo --profile 2025``: a city hosting two wards merged on 1 July 2025
loads, passes the same page checks as the default demo (tests/test_demo.py runs them on it), and
a second run changes nothing."""

import io

import pytest
import time_machine
from demo.management.commands import load_ward_demo
from django.core.management import call_command
from wagtail.models import Page, Site

from tests.portal_decree.demo_checks import check_demo
from wagtail_ward.models import WardSettings

pytestmark = pytest.mark.slow(seconds=15)

# The news of the profile is dated from today; the demo is checked on a fixed day.
TODAY = "2026-11-30 10:00 +07:00"


def load(profile):
    out = io.StringIO()
    call_command(load_ward_demo.Command(), profile=profile, stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_the_2025_profile_twice(client, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    with time_machine.travel(TODAY):
        output = load("2025")
        assert "http://giavien.localhost:8000/" in output
        check_demo(client, "2025")

        city = Site.objects.get(is_default_site=True)
        profile = WardSettings.for_site(city).profile
        assert (profile.name, profile.level, profile.parent_unit_name) == (
            "Thành phố Hải Phòng",
            "city",
            "",
        )
        wards = WardSettings.objects.exclude(site=city).select_related("profile")
        assert {(w.profile.level, w.profile.parent_level) for w in wards} == {("ward", "city")}
        pages = sorted(Page.objects.values_list("pk", "url_path", "live"))

        load("2025")
        assert sorted(Page.objects.values_list("pk", "url_path", "live")) == pages
