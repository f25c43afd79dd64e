"""The Decree 42 compliance report: each item present, missing, stale or not applicable per site,
with a link to fix it, on the dashboard and in a report per site."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    CitizenQuestionsPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    OrganisationPageFactory,
    make_private,
    make_schedule,
    make_schedule_index,
    make_ward_site,
)
from tests.procedures.builders import make_procedure_index
from wagtail_ward.compliance import site_compliance
from wagtail_ward.models import OrganisationLeader, WardSettings

TODAY = datetime.date(2026, 11, 30)  # a Monday
NOON = datetime.datetime(2026, 11, 30, 5, 0, tzinfo=datetime.UTC)


def statuses(site):
    with time_machine.travel(NOON, tick=False):
        return {item.key: item.status for item in site_compliance(site)}


def complete(site):
    """Everything Decree 42 asks for, on ``site``."""
    home = site.root_page.specific
    profile = WardSettings.for_site(site).profile
    profile.managing_agency = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"
    profile.responsible_person = "Trần Thị B"
    profile.responsible_person_post = "Phó Chủ tịch Ủy ban nhân dân phường"
    profile.save()
    organisation = OrganisationPageFactory(parent=home)
    OrganisationLeader.objects.create(
        page=organisation, name="Nguyễn Văn A", post="Chủ tịch Ủy ban nhân dân phường"
    )
    CitizenQuestionsPageFactory(parent=home)
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, date=TODAY - datetime.timedelta(days=3))
    make_procedure_index(home)
    return organisation, index


def test_a_new_site_lists_what_is_missing(ward_site):
    assert statuses(ward_site) == {
        "unit": "present",
        "managing_agency": "missing",
        "responsible_person": "missing",
        "licence": "not_applicable",
        "contact": "present",
        "organisation": "missing",
        "questions": "missing",
        "news": "missing",
        "schedule": "not_applicable",  # this site publishes no schedules
        "sitemap": "present",
        "procedures": "missing",  # listed because the procedures family is installed
    }


def test_every_missing_item_links_to_where_it_is_fixed(ward_site):
    items = {item.key: item for item in site_compliance(ward_site)}
    profile = WardSettings.for_site(ward_site).profile
    assert items["managing_agency"].fix_url == reverse(
        "wagtailsnippets_wagtail_ward_unitprofile:edit", args=[profile.pk]
    )
    assert items["organisation"].fix_url == reverse(
        "wagtailadmin_pages:add",
        args=["wagtail_ward", "organisationpage", ward_site.root_page_id],
    )
    assert items["questions"].fix_url.endswith(f"/{ward_site.root_page_id}/")
    assert items["sitemap"].fix_url == reverse(
        "wagtailsettings:edit", args=["wagtail_ward", "wardsettings", ward_site.pk]
    )


def test_a_complete_site_passes_every_item(ward_site):
    complete(ward_site)
    result = statuses(ward_site)
    assert set(result.values()) <= {"present", "not_applicable"}, result


def test_news_older_than_the_limit_is_stale(ward_site, settings):
    _organisation, index = complete(ward_site)
    with time_machine.travel(NOON + datetime.timedelta(days=40), tick=False):
        items = {item.key: item for item in site_compliance(ward_site)}
    assert items["news"].status == "stale"
    assert items["news"].detail == "Tin mới nhất: 27/11/2026."
    settings.WAGTAIL_WARD = {"COMPLIANCE_NEWS_DAYS": 60}
    with time_machine.travel(NOON + datetime.timedelta(days=40), tick=False):
        assert {i.key: i.status for i in site_compliance(ward_site)}["news"] == "present"


def test_an_article_dated_in_the_future_does_not_count(ward_site):
    _organisation, index = complete(ward_site)
    index.get_children().delete()
    index.refresh_from_db()  # the tree's child count (Wagtail 7 keeps the stale one)
    NewsPageFactory(parent=index, date=TODAY + datetime.timedelta(days=10))
    assert statuses(ward_site)["news"] == "missing"


def test_schedule_of_this_week(ward_site):
    index = make_schedule_index(ward_site.root_page)
    make_schedule(index, start=TODAY - datetime.timedelta(days=7))
    assert statuses(ward_site)["schedule"] == "stale"
    make_schedule(index, start=TODAY + datetime.timedelta(days=7))  # next week's only
    assert statuses(ward_site)["schedule"] == "stale"
    make_schedule(index, start=TODAY)
    assert statuses(ward_site)["schedule"] == "present"


def test_organisation_without_leaders_or_private_is_missing(ward_site):
    organisation, _index = complete(ward_site)
    organisation.leaders.all().delete()
    items = {item.key: item for item in site_compliance(ward_site)}
    assert items["organisation"].status == "missing"
    assert items["organisation"].fix_url == reverse(
        "wagtailadmin_pages:edit", args=[organisation.pk]
    )
    OrganisationLeader.objects.create(page=organisation, name="A", post="Chủ tịch")
    make_private(organisation)
    assert statuses(ward_site)["organisation"] == "missing"


def test_licence_when_the_settings_require_one(ward_site):
    ward = WardSettings.for_site(ward_site)
    ward.licence_required = True
    ward.save()
    assert statuses(ward_site)["licence"] == "missing"
    ward.profile.licence = "Giấy phép số 12/GP-TTĐT"
    ward.profile.save()
    assert statuses(ward_site)["licence"] == "present"


def test_query_count_does_not_grow_with_the_content(ward_site):
    _organisation, index = complete(ward_site)

    def count():
        with CaptureQueriesContext(connection) as queries:
            site_compliance(ward_site)
        return len(queries)

    few = count()
    for days in range(10):
        NewsPageFactory(parent=index, date=TODAY - datetime.timedelta(days=days))
    assert count() == few


def test_dashboard_panel_lists_every_site(editor, ward_site):
    other = make_ward_site("maychai.localhost", default=False)
    complete(ward_site)

    with time_machine.travel(NOON, tick=False):
        html = editor.get(reverse("wagtailadmin_home")).content.decode()

    assert "Đối chiếu Nghị định 42" in html
    assert reverse("wagtail_ward_compliance", args=[ward_site.pk]) in html
    assert reverse("wagtail_ward_compliance", args=[other.pk]) in html
    assert "11 / 11" in html  # the complete site: every item in order


def test_report_of_one_site(editor, ward_site):
    url = reverse("wagtail_ward_compliance", args=[ward_site.pk])
    response = editor.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    for key in ("unit", "managing_agency", "responsible_person", "organisation", "questions"):
        assert f'data-item="{key}"' in html
    assert 'wagtail-ward-compliance--missing" data-item="organisation"' in html
    assert "Bổ sung" in html  # the link to fix a missing item


@pytest.mark.parametrize("site_id", ["999999"])
def test_report_of_an_unknown_site_is_404(editor, ward_site, site_id):
    assert editor.get(f"/admin/ward-compliance/{site_id}/").status_code == 404


def test_report_needs_an_admin_login(client, ward_site):
    response = client.get(reverse("wagtail_ward_compliance", args=[ward_site.pk]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
