"""Units before and after the 2025 reform: the parent line, the menu's parent link and the Decree 42
footer follow the unit's data; no template or module of the package fixes the word "quận"."""

import re
from pathlib import Path

import pytest
from django.utils import translation

import wagtail_ward
from tests.html import texts
from wagtail_ward.models import UnitProfile, WardSettings

PACKAGE = Path(wagtail_ward.__file__).parent


def footer_of(response):
    """The footer's lines: the governing body, the parent line, each publisher item (its name
    and value), the contact."""
    return texts(response, ".ward-footer p, .ward-footer__publisher div, .ward-footer address")


def profile_of(site):
    return WardSettings.for_site(site).profile


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        # A ward under its district, before July 2025 (the reference page).
        (
            {"parent_unit_name": "Quận Ngô Quyền", "upper_unit_name": "Thành phố Hải Phòng"},
            "QUẬN NGÔ QUYỀN – THÀNH PHỐ HẢI PHÒNG",
        ),
        # A ward under its city since July 2025.
        ({"parent_unit_name": "Thành phố Hải Phòng", "upper_unit_name": ""}, "THÀNH PHỐ HẢI PHÒNG"),
        # A province or a centrally run city: nothing above it.
        ({"parent_unit_name": "", "upper_unit_name": ""}, ""),
    ],
)
def test_parent_line(fields, line):
    assert UnitProfile(name="x", governing_body="y", **fields).parent_line == line


@pytest.mark.parametrize(
    ("parent_level", "label", "expected_vi", "expected_en"),
    [
        ("urban_district", "", "Website quận", "District website"),
        ("city", "", "Website thành phố", "City website"),
        ("province", "", "Cổng thông tin tỉnh", "Provincial portal"),
        ("", "", "Website đơn vị cấp trên", "Parent unit website"),
        (
            "city",
            "Cổng thông tin thành phố",
            "Cổng thông tin thành phố",
            "Cổng thông tin thành phố",
        ),
    ],
)
def test_parent_link_label_follows_the_data(
    client, ward_site, parent_level, label, expected_vi, expected_en
):
    profile = profile_of(ward_site)
    profile.parent_level = parent_level
    profile.parent_link_label = label
    profile.save()

    html = client.get("/").content.decode()

    link = re.search(r'ward-nav__item--parent_unit">\s*<a href="([^"]+)"[^>]*>([^<]+)</a>', html)
    assert link is not None
    assert link.groups() == ("https://quan.example.gov.vn/", expected_vi)
    with translation.override("en"):
        assert profile.parent_link_text == expected_en


def test_no_parent_link_without_a_parent_website(client, ward_site):
    ward = WardSettings.for_site(ward_site)
    ward.parent_unit_url = ""
    ward.save()
    assert "ward-nav__item--parent_unit" not in client.get("/").content.decode()


def test_footer_shows_the_decree_42_items(client, ward_site):
    profile = profile_of(ward_site)
    profile.managing_agency = "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường"
    profile.responsible_person = "Trần Thị B"
    profile.responsible_person_post = "Phó Chủ tịch Ủy ban nhân dân phường"
    profile.licence = "Giấy phép số 12/GP-TTĐT"
    profile.save()

    footer = footer_of(client.get("/"))

    assert footer[:5] == [
        "Ủy ban nhân dân phường Lạc Viên",
        "QUẬN NGÔ QUYỀN – THÀNH PHỐ HẢI PHÒNG",
        "Cơ quan quản lý Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường",
        "Người chịu trách nhiệm chính Trần Thị B, Phó Chủ tịch Ủy ban nhân dân phường",
        "Giấy phép Giấy phép số 12/GP-TTĐT",
    ]
    # The person responsible is named with their post only: no private contact.
    assert "@" not in footer[3]


def test_footer_leaves_out_what_is_not_set(client, ward_site):
    footer = footer_of(client.get("/"))
    assert footer[:2] == [
        "Ủy ban nhân dân phường Lạc Viên",
        "QUẬN NGÔ QUYỀN – THÀNH PHỐ HẢI PHÒNG",
    ]
    assert not any(
        line.startswith(("Cơ quan quản lý", "Người chịu trách nhiệm", "Giấy phép"))
        for line in footer
    )


def test_english_footer_and_link_come_from_the_english_profile(client, home, translate):
    translate(home)
    profile = profile_of(home.get_site())
    profile.parent_level = "city"
    profile.parent_unit_name = "Thành phố Hải Phòng"
    profile.upper_unit_name = ""
    profile.responsible_person = "Trần Thị B"
    profile.responsible_person_post = "Phó Chủ tịch"
    profile.save()
    translate(profile, {"Thành phố Hải Phòng": "Hải Phòng City", "Phó Chủ tịch": "Vice-Chair"})

    response = client.get("/en/")
    footer = footer_of(response)

    assert "HẢI PHÒNG CITY" in footer
    assert "Responsible for the content Trần Thị B, Vice-Chair" in footer
    assert ">City website</a>" in response.content.decode()


def test_no_fixed_district_words_in_templates_or_code():
    """The unit's level is data: the package's templates and modules carry no "quận", no
    "Website quận" and no fixed "District website" label (the label table of the profile maps
    a parent's level to its label)."""
    offenders = []
    for path in PACKAGE.rglob("*"):
        if path.suffix not in {".html", ".py"} or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if path.name == "profile.py":
            text = text.replace('_("District website")', "")
        if re.search(r"(?i:quận)|District website", text):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
