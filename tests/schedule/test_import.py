"""Spreadsheet import: the editor's story end to end, bad rows, formats of dates and times."""

import datetime
import io

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import MONDAY
from tests.families import ScheduleEntry
from wagtail_ward.schedule.importers import (
    ScheduleImportError,
    parse_date,
    parse_rows,
    parse_time,
)
from wagtail_ward.schedule.models import AFTERNOON, MORNING

SUNDAY = MONDAY + datetime.timedelta(days=6)


def filled_template(client, rows):
    """Download the template, replace its example row by ``rows`` and return the upload."""
    response = client.get(reverse("wagtail_ward_schedule:template"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    sheet.delete_rows(2, sheet.max_row)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("lich.xlsx", buffer.getvalue())


def fifteen_rows():
    rows = []
    for n in range(15):
        day = MONDAY + datetime.timedelta(days=n // 3)
        # Excel date cells, "03/8/2015" and "3/8" text: the formats offices use.
        date_cell = (
            datetime.datetime.combine(day, datetime.time())
            if n % 3 == 0
            else f"{day.day:02d}/{day.month}/{day.year}"
            if n % 3 == 1
            else f"{day.day}/{day.month}"
        )
        time_cell = ("7h30", "09:00", "14h")[n % 3]
        rows.append(
            [
                date_cell,
                time_cell,
                f"Nội dung số {n + 1:02d}",
                "Nguyễn Văn A" if n % 2 == 0 else "Bà Trần Thị B",
                "Các Phó Chủ tịch",
                "Hội trường",
                "Văn phòng UBND",
                "",
            ]
        )
    return rows


def test_editor_imports_fifteen_entries_and_publishes(
    client, editor, make_schedule, leader, django_capture_on_commit_callbacks
):
    page = make_schedule(entries=0, publish=False)
    upload = filled_template(client, fifteen_rows())
    response = client.post(
        reverse("wagtail_ward_schedule:import", args=[page.pk]), {"file": upload, "replace": "on"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    # Imported into the draft; the editor publishes it.
    page.refresh_from_db()
    page.get_latest_revision().publish()
    expected = [f"Nội dung số {n + 1:02d}" for n in range(15)]

    entries = list(ScheduleEntry.objects.filter(page=page).order_by("date", "start_time"))
    assert [e.content for e in entries] == expected
    assert entries[0].leader == leader and entries[1].leader is None
    assert entries[1].presiding == "Bà Trần Thị B"
    assert entries[2].start_time == datetime.time(14, 0) and entries[2].session == AFTERNOON
    assert entries[0].session == MORNING

    html = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    on_page = [p.contents[0].strip() for p in html.select(".ward-schedule-entry__content")]
    assert on_page == expected

    feed = icalendar.Calendar.from_ical(client.get(page.url + "ical/").content)
    events = sorted(feed.walk("VEVENT"), key=lambda e: e["DTSTART"].dt)
    assert [str(e["SUMMARY"]) for e in events] == expected

    api = client.get(f"/api/v2/schedules/{page.pk}/").json()
    in_api = [entry["content"] for day in api["days"] for entry in day["entries"]]
    assert in_api == expected


def test_one_bad_date_rejects_the_file_naming_the_row(client, editor, make_schedule):
    page = make_schedule(entries=2, publish=True)
    revisions = page.revisions.count()
    rows = fifteen_rows()
    rows[6][0] = "31/02/2015"
    upload = filled_template(client, rows)
    response = client.post(
        reverse("wagtail_ward_schedule:import", args=[page.pk]), {"file": upload, "replace": "on"}
    )
    assert response.status_code == 400
    errors = BeautifulSoup(response.content.decode(), "html.parser").select(
        ".ward-import-errors li"
    )
    # Row 8 of the sheet: the header is row 1 and the bad date is in the 7th data row.
    assert len(errors) == 1
    assert "8" in errors[0].get_text() and "31/02/2015" in errors[0].get_text()
    assert "Ngày" in errors[0].get_text()
    assert page.revisions.count() == revisions
    assert ScheduleEntry.objects.filter(page=page).count() == 2


def test_a_date_outside_the_schedule_is_named_by_row(make_schedule):
    page = make_schedule(entries=0, publish=False)
    rows = [
        (1, ["Ngày", "Giờ", "Nội dung"]),
        (2, ["03/8/2015", "7h30", "Trong tuần"]),
        (3, ["10/8/2015", "8h", "Tuần sau"]),
        (4, ["04/8/2015", "10h - 9h", "Giờ ngược"]),
    ]
    with pytest.raises(ScheduleImportError) as caught:
        parse_rows(rows, page)
    rows_named = [row for row, _column, _message in caught.value.errors]
    assert rows_named == [3, 4]
    assert "10/08/2015" in caught.value.errors[0][2]


def test_csv_with_english_headers(make_schedule):
    page = make_schedule(entries=0, publish=False)
    text = (
        "Date,Time,Content,Presiding,Participants,Location,Preparing unit\n"
        "3/8,7h30,Visit to the martyrs' cemetery,Chair,All staff,Cemetery,Office\n"
        "4/8/2015,Chiều,Review conference,,,,\n"
    )
    upload = SimpleUploadedFile("week.csv", text.encode("utf-8"))
    from wagtail_ward.schedule.importers import import_entries

    import_entries(page, upload)
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    entries = list(draft.entries.all())
    assert [e.content for e in entries] == ["Visit to the martyrs' cemetery", "Review conference"]
    assert entries[0].date == MONDAY and entries[0].start_time == datetime.time(7, 30)
    assert entries[1].session == AFTERNOON and entries[1].start_time is None
    assert entries[0].preparing_unit == "Office"


def test_missing_columns_are_reported(make_schedule):
    page = make_schedule(entries=0, publish=False)
    with pytest.raises(ScheduleImportError) as caught:
        parse_rows([(1, ["Giờ", "Địa điểm"]), (2, ["7h", "Hội trường"])], page)
    assert caught.value.errors[0][0] == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("03/8/2015", datetime.date(2015, 8, 3)),
        ("3/8", datetime.date(2015, 8, 3)),
        ("Thứ hai, 03/08/2015", datetime.date(2015, 8, 3)),
        ("2015-08-05", datetime.date(2015, 8, 5)),
        (datetime.datetime(2015, 8, 4), datetime.date(2015, 8, 4)),
    ],
)
def test_date_formats(value, expected):
    assert parse_date(value, MONDAY, SUNDAY) == expected


def test_year_less_date_across_the_new_year():
    start, end = datetime.date(2015, 12, 28), datetime.date(2016, 1, 3)
    assert parse_date("2/1", start, end) == datetime.date(2016, 1, 2)
    assert parse_date("29/12", start, end) == datetime.date(2015, 12, 29)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7h30", (datetime.time(7, 30), None, None)),
        ("07:30", (datetime.time(7, 30), None, None)),
        ("14h", (datetime.time(14, 0), None, None)),
        ("7h30 - 11h", (datetime.time(7, 30), datetime.time(11, 0), None)),
        ("Sáng", (None, None, MORNING)),
        ("Chiều 2h", (datetime.time(14, 0), None, AFTERNOON)),
        (datetime.time(8, 15), (datetime.time(8, 15), None, None)),
        ("", (None, None, None)),
    ],
)
def test_time_formats(value, expected):
    assert parse_time(value) == expected


def test_not_a_time_is_an_error():
    with pytest.raises(ValueError):
        parse_time("buổi nào đó")


def test_template_has_the_vietnamese_headers(client, editor):
    response = client.get(reverse("wagtail_ward_schedule:template"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]][:7] == [
        "Ngày",
        "Giờ",
        "Nội dung",
        "Chủ trì",
        "Thành phần",
        "Địa điểm",
        "Chuẩn bị",
    ]
    # A download named as the office would save it, headers in bold, one example row to copy.
    assert response["Content-Disposition"] == 'attachment; filename="lich-cong-tac-mau.xlsx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert all(cell.font.bold for cell in sheet[1][:7])
    assert sheet.max_row == 2
    assert [c.value for c in sheet[2]][:3] == [
        "03/8/2015",
        "7h30",
        "Giao ban Ủy ban nhân dân phường",
    ]


def test_a_damaged_file_is_refused(make_schedule):
    from wagtail_ward.schedule.importers import read_rows

    with pytest.raises(ScheduleImportError):
        read_rows(SimpleUploadedFile("x.xlsx", b"not a spreadsheet"))
