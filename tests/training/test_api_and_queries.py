"""The API's structured fields, the query counts as content grows, and bad input."""

import datetime

import pytest
import time_machine

from tests.queries import count_page_queries
from tests.training.builders import add_courses, make_programme

DURING = time_machine.travel(
    datetime.datetime(2012, 3, 20, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=7))),
    tick=False,
)


@DURING
def test_api_gives_numbers_dates_courses_and_lists_as_structured_fields(client, programme):
    data = client.get(f"/api/v2/training/{programme.pk}/").json()
    assert data["target_trainees"] == 150
    assert data["selected_so_far"] == 77
    assert data["participating_units"] == {"count": 14, "names": []}
    assert data["total_duration_months"] == 30
    assert data["applications_open"] == "2012-03-01"
    assert data["applications_close"] == "2012-04-30"
    assert data["ends_on"] == "2015-02-28"
    assert data["days_left_to_apply"] == 41
    assert [(c["name"], c["duration_months"], c["start_date"]) for c in data["courses"]] == [
        ("Khóa 1", 15, "2012-09-01"),
        ("Khóa 2", 15, "2013-12-01"),
    ]
    assert data["eligibility"] == ["Tuổi đời dưới 30 (công chức không quá 35 tuổi)."]
    listing = client.get("/api/v2/training/?status=open").json()
    assert [item["id"] for item in listing["items"]] == [programme.pk]
    assert listing["items"][0]["status"]["code"] == "open"
    assert client.get("/api/v2/training/?status=completed").json()["items"] == []
    assert client.get("/api/v2/training/?open_on=2012-05-01").json()["items"] == []


def test_drafts_are_not_listed(client, training_index):
    make_programme(training_index, publish=False, title="Nháp", slug="nhap")
    assert client.get("/api/v2/training/").json()["items"] == []
    assert client.get(training_index.url + "nhap/").status_code == 404
    assert "Nháp" not in client.get(training_index.url).content.decode()


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v2/training/?status=closed", 400),
        ("/api/v2/training/?status=open%00", 400),
        ("/api/v2/training/?open_on=2012-13-01", 400),
        ("/api/v2/training/?open_on=0000-01-01", 400),
        ("/api/v2/training/?open_on=99999-01-01", 400),
        ("/api/v2/training/99999999999999999999/", 404),
    ],
)
def test_bad_api_input_is_a_client_error(client, training_index, url, status):
    response = client.get(url)
    assert response.status_code == status
    if status == 400:
        assert response.json()["parameter"] in ("status", "open_on")


@pytest.mark.parametrize("query", ["courses=1", "order=courses", "order=-courses"])
def test_the_courses_are_no_filter_or_order(client, programme, query):
    """Found by the generated queries: ?courses= reached the database (500)."""
    response = client.get(f"/api/v2/training/?{query}")
    assert response.status_code == 400
    assert "courses" in response.json()["message"]


def test_bad_page_input_is_a_client_error(client, programme, training_index):
    assert client.get(training_index.url + "?status=closed").status_code == 400
    assert client.get(training_index.url + "?status=%00").status_code == 400
    assert client.get(training_index.url + "archive/0000/").status_code == 404
    assert client.get(training_index.url + "archive/2012/").status_code == 200
    assert client.get(programme.url + "apply/?x=%00").status_code in (200, 403)
    response = client.post(programme.url + "apply/", {"full_name": "a\x00b"})
    assert response.status_code in (400, 403)


@DURING
def test_query_counts_stay_the_same_as_programmes_and_courses_grow(client, training_index):
    small = make_programme(training_index, slug="p0")
    urls = lambda p: [  # noqa: E731
        p.url,
        p.url + "print/",
        p.url + "apply/",
        training_index.url,
        "/api/v2/training/",
        "/api/v2/training/?fields=*",
        f"/api/v2/training/{p.pk}/",
    ]
    client.get(small.url)
    before = [count_page_queries(client, url)[0] for url in urls(small)]
    # From one programme of two courses to five programmes, one of six courses: enough to show
    # a count that grows with either (each page built costs a publish, so no more than that).
    for n in range(1, 4):
        make_programme(training_index, slug=f"p{n}", count_selected_applications=bool(n % 2))
    large = make_programme(training_index, slug="p-large", courses=False)
    add_courses(
        large,
        [(5, datetime.date(2012, 9, 1), datetime.date(2013, 1, 31))] * 6,
    )
    large.save_revision().publish()
    after = [count_page_queries(client, url)[0] for url in urls(large)]
    assert before == after
