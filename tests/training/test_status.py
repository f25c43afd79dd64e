"""Status from the dates (frozen clock), the index groups, the manual override, the checks."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.training.builders import CLOSES, OPENS, make_programme
from wagtail_ward.training.forms import duration_difference_message
from wagtail_ward.training.models import ProgrammeStatus, derived_status


def at(day):
    """The clock frozen at 09:00 in the office's time zone on ``day``."""
    return time_machine.travel(
        datetime.datetime.combine(
            day, datetime.time(9), tzinfo=datetime.timezone(datetime.timedelta(hours=7))
        ),
        tick=False,
    )


STATUS_ON = [
    (OPENS - datetime.timedelta(days=1), "planned"),
    (OPENS, "open"),
    (CLOSES, "open"),
    (CLOSES + datetime.timedelta(days=1), "in_progress"),
    (datetime.date(2015, 2, 28), "in_progress"),
    (datetime.date(2015, 3, 1), "completed"),
]


def test_status_follows_the_dates(client, programme, training_index):
    for day, status in STATUS_ON:
        with at(day):
            assert programme.status() == status, day
            data = client.get(f"/api/v2/training/{programme.pk}/").json()
            assert data["status"]["code"] == status
            left = (CLOSES - day).days if status == "open" else None
            assert data["days_left_to_apply"] == left
            html = client.get(training_index.url).content.decode()
            assert f'id="ward-training-group-{status}"' in html
            assert client.get(programme.url).status_code == 200


def test_index_groups_programmes_and_moves_them_as_days_pass(client, training_index):
    make_programme(training_index, title="Chương trình A", slug="a")
    make_programme(
        training_index,
        title="Chương trình B",
        slug="b",
        applications_open=datetime.date(2012, 6, 1),
        applications_close=datetime.date(2012, 6, 30),
    )

    def groups():
        html = client.get(training_index.url).content.decode()
        order = [
            s
            for s in ("open", "in_progress", "planned", "completed")
            if f'id="ward-training-group-{s}"' in html
        ]
        return order, html

    with at(datetime.date(2012, 3, 15)):
        order, html = groups()
        assert order == ["open", "planned"]
        assert html.index("Chương trình A") < html.index("Chương trình B")
    with at(datetime.date(2012, 6, 10)):
        order, html = groups()
        assert order == ["open", "in_progress"]
        assert html.index("Chương trình B") < html.index("Chương trình A")
    with at(datetime.date(2016, 1, 1)):
        assert groups()[0] == ["completed"]
        response = client.get(training_index.url + "?status=open")
        assert "Chương trình A" not in response.content.decode()


def test_status_set_by_hand_wins_over_the_dates(programme):
    programme.status_override = ProgrammeStatus.COMPLETED
    with at(OPENS):
        assert programme.status() == "completed"
        assert not programme.accepts_applications


def test_status_without_dates():
    day = datetime.date(2012, 1, 1)
    assert derived_status(day, None, None, None) == "planned"
    assert derived_status(day, datetime.date(2011, 1, 1), None, None) == "open"
    assert derived_status(day, None, None, datetime.date(2011, 1, 1)) == "completed"


def test_invalid_programme_is_refused_naming_the_field(training_index):
    programme = make_programme(training_index, publish=False, courses=False)
    programme.selected_count = 151
    programme.applications_close = OPENS - datetime.timedelta(days=1)
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        programme.full_clean()
    errors = caught.value.message_dict
    assert errors["selected_count"] == [
        "The number selected (151) cannot be above the target (150)."
    ]
    assert errors["applications_close"] == [
        "Applications cannot close (29/02/2012) before they open (01/03/2012)."
    ]


def test_courses_that_do_not_add_up_give_a_warning_with_the_difference():
    with translation.override("en"):
        assert duration_difference_message(30, [15, 15]) == ""
        assert duration_difference_message(30, [15, 12]) == (
            "The courses add up to 27 months, 3 fewer than the total of 30."
        )
        assert duration_difference_message(30, [20, 15]) == (
            "The courses add up to 35 months, 5 more than the total of 30."
        )
