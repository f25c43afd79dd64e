"""The long date of the header: "Thứ ba, 09/02/2016" ("Tuesday, 09/02/2016" in English)."""

import datetime

import pytest
import time_machine
from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

from wagtail_ward.dates import long_date, ward_today

# 2016-02-08 was a Monday.
WEEK = [datetime.date(2016, 2, 8) + datetime.timedelta(days=n) for n in range(7)]
VI_NAMES = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]
EN_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def frozen_now(value):
    """Stop the clock at ``value``."""
    return time_machine.travel(value, tick=False)


def test_long_date_in_vietnamese():
    assert long_date(datetime.date(2016, 2, 9), "vi") == "Thứ ba, 09/02/2016"


def test_long_date_in_english():
    assert long_date(datetime.date(2016, 2, 9), "en") == "Tuesday, 09/02/2016"


@pytest.mark.parametrize(("day", "name"), list(zip(WEEK, VI_NAMES, strict=True)))
def test_every_weekday_in_vietnamese(day, name):
    assert long_date(day, "vi") == f"{name}, {day:%d}/02/2016"


@pytest.mark.parametrize(("day", "name"), list(zip(WEEK, EN_NAMES, strict=True)))
def test_every_weekday_in_english(day, name):
    assert long_date(day, "en") == f"{name}, {day:%d}/02/2016"


def test_the_language_defaults_to_the_active_language():
    day = datetime.date(2016, 2, 14)
    with translation.override("vi"):
        assert long_date(day) == "Chủ nhật, 14/02/2016"
    with translation.override("en"):
        assert long_date(day) == "Sunday, 14/02/2016"


def test_the_active_language_is_left_as_it_was():
    with translation.override("en"):
        long_date(datetime.date(2016, 2, 9), "vi")
        assert translation.get_language() == "en"


def test_an_aware_datetime_late_at_night_utc_is_the_next_day_in_vietnam():
    # 18:30 UTC on Tuesday 9 February is 01:30 on Wednesday 10 February in Hà Nội (UTC+7).
    late = datetime.datetime(2016, 2, 9, 18, 30, tzinfo=datetime.UTC)
    assert long_date(late, "vi") == "Thứ tư, 10/02/2016"
    assert long_date(late, "en") == "Wednesday, 10/02/2016"


def test_an_aware_datetime_early_utc_stays_the_same_day():
    early = datetime.datetime(2016, 2, 9, 16, 59, tzinfo=datetime.UTC)
    assert long_date(early, "vi") == "Thứ ba, 09/02/2016"


def test_a_naive_datetime_is_taken_as_it_is():
    naive = datetime.datetime(2016, 2, 9, 23, 59)
    assert long_date(naive, "vi") == "Thứ ba, 09/02/2016"


def test_today_is_the_day_in_the_ward_time_zone():
    # 20:00 UTC on 9 February 2016 is already 03:00 on 10 February in Vietnam.
    with frozen_now(datetime.datetime(2016, 2, 9, 20, 0, tzinfo=datetime.UTC)):
        assert ward_today() == datetime.date(2016, 2, 10)
        assert long_date(language="vi") == "Thứ tư, 10/02/2016"
        assert long_date(language="en") == "Wednesday, 10/02/2016"


def test_today_before_midnight_in_vietnam():
    with frozen_now(datetime.datetime(2016, 2, 9, 16, 0, tzinfo=datetime.UTC)):
        assert ward_today() == datetime.date(2016, 2, 9)


@override_settings(WAGTAIL_WARD={"TIME_ZONE": "America/New_York"})
def test_today_follows_a_configured_time_zone():
    # 03:00 UTC on 10 February is still 22:00 on 9 February in New York.
    with frozen_now(datetime.datetime(2016, 2, 10, 3, 0, tzinfo=datetime.UTC)):
        assert ward_today() == datetime.date(2016, 2, 9)
        assert long_date(language="en") == "Tuesday, 09/02/2016"


def render(source, **context):
    return Template("{% load wagtail_ward_tags %}" + source).render(Context(context))


def test_template_tag_gives_todays_long_date_in_the_active_language():
    with frozen_now(datetime.datetime(2016, 2, 9, 18, 30, tzinfo=datetime.UTC)):
        with translation.override("vi"):
            assert render("{% ward_long_date %}") == "Thứ tư, 10/02/2016"
        with translation.override("en"):
            assert render("{% ward_long_date %}") == "Wednesday, 10/02/2016"


def test_template_tag_with_a_given_date():
    with translation.override("vi"):
        assert render("{% ward_long_date day %}", day=datetime.date(2016, 2, 9)) == (
            "Thứ ba, 09/02/2016"
        )
    with translation.override("en"):
        assert render("{% ward_long_date day %}", day=datetime.date(2016, 2, 13)) == (
            "Saturday, 13/02/2016"
        )


def test_template_tag_as_variable():
    with translation.override("vi"):
        html = render(
            "{% ward_long_date day as today %}<time>{{ today }}</time>",
            day=datetime.date(2016, 2, 9),
        )
    assert html == "<time>Thứ ba, 09/02/2016</time>"
