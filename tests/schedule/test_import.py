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
from tests.schedule.importing import confirm, preview_of, rows_of, upload_to
from wagtail_ward.schedule.importing import (
    ScheduleImportError,
    import_entries,
    parse_day,
    parse_time,
    read_sheets,
    read_workbook,
)
from wagtail_ward.schedule.models import AFTERNOON, MORNING

SUNDAY = MONDAY + datetime.timedelta(days=6)


def filled_template(client, rows):
    """Download the template, replace its example rows by ``rows`` (date, time, content,
    presiding, participants, location, preparing unit, note) and return the upload."""
    response = client.get(reverse("wagtail_ward_schedule:template"))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row > 5:
            sheet.unmerge_cells(str(merged))
    sheet.delete_rows(6, sheet.max_row)
    for row in rows:
        sheet.append([row[0], "", *row[1:]])
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
    preview = preview_of(client, page, upload)
    # The preview shows every row as understood, and nothing is written yet.
    assert len(preview.select(".ward-import-row")) == 15
    assert ScheduleEntry.objects.filter(page=page).count() == 0
    response = confirm(client, preview)
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
    response = upload_to(client, page, filled_template(client, rows))
    assert response.status_code == 400
    errors = BeautifulSoup(response.content.decode(), "html.parser").select(
        ".ward-import-errors li"
    )
    # Row 12 of the sheet: the header is row 5 and the bad date is in the 7th data row.
    assert len(errors) == 1
    assert "12" in errors[0].get_text() and "31/02/2015" in errors[0].get_text()
    assert "Ngày" in errors[0].get_text()
    assert page.revisions.count() == revisions
    assert ScheduleEntry.objects.filter(page=page).count() == 2


def test_a_date_outside_the_schedule_is_named_by_row(make_schedule):
    page = make_schedule(entries=0, publish=False)
    text = (
        "Ngày,Giờ,Nội dung\n03/8/2015,7h30,Trong tuần\n10/8/2015,8h,Tuần sau\n"
        "04/8/2015,10h - 9h,Giờ ngược\n"
    )
    with pytest.raises(ScheduleImportError) as caught:
        read_workbook(SimpleUploadedFile("w.csv", text.encode()), page)
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
    import_entries(page, SimpleUploadedFile("week.csv", text.encode("utf-8")))
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
        read_workbook(SimpleUploadedFile("x.csv", "Giờ,Địa điểm\n7h,Hội trường\n".encode()), page)
    assert caught.value.errors[0][0] == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("03/8/2015", datetime.date(2015, 8, 3)),
        ("3/8", datetime.date(2015, 8, 3)),
        ("Thứ hai, 03/08/2015", datetime.date(2015, 8, 3)),
        ("2015-08-05", datetime.date(2015, 8, 5)),
        (datetime.datetime(2015, 8, 4), datetime.date(2015, 8, 4)),
        ("Thứ tư", datetime.date(2015, 8, 5)),
        ("T6", datetime.date(2015, 8, 7)),
        (42220, datetime.date(2015, 8, 4)),
    ],
)
def test_date_formats(value, expected):
    assert parse_day(value, MONDAY, SUNDAY)[0] == expected


def test_year_less_date_across_the_new_year():
    start, end = datetime.date(2015, 12, 28), datetime.date(2016, 1, 3)
    assert parse_day("2/1", start, end)[0] == datetime.date(2016, 1, 2)
    assert parse_day("29/12", start, end)[0] == datetime.date(2015, 12, 29)


def test_a_weekday_that_is_not_the_dates_is_named():
    assert parse_day("Thứ 5 (04/08)", MONDAY, SUNDAY) == (datetime.date(2015, 8, 4), 3)


@pytest.mark.parametrize(
    ("value", "session", "expected"),
    [
        ("7h30", "", (datetime.time(7, 30), None, "")),
        ("07:30", "", (datetime.time(7, 30), None, "")),
        ("14h", "", (datetime.time(14, 0), None, "")),
        ("7h30 - 11h", "", (datetime.time(7, 30), datetime.time(11, 0), "")),
        ("Sáng", "", (None, None, MORNING)),
        ("Chiều 2h", "", (datetime.time(14, 0), None, AFTERNOON)),
        ("2h", AFTERNOON, (datetime.time(14, 0), None, AFTERNOON)),
        (datetime.time(8, 15), "", (datetime.time(8, 15), None, "")),
        (0.5, "", (datetime.time(12, 0), None, "")),
        ("", "", (None, None, "")),
    ],
)
def test_time_formats(value, session, expected):
    cell = parse_time(value, session)
    assert (cell.start, cell.end, cell.session) == expected


def test_not_a_time_is_an_error():
    with pytest.raises(ValueError):
        parse_time("buổi nào đó")
    with pytest.raises(ValueError):
        parse_time("25h")


def test_template_has_the_office_layout_and_imports_as_it_is(client, editor, make_schedule):
    response = client.get(reverse("wagtail_ward_schedule:template"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[5]] == [
        "Thứ/Ngày",
        "Buổi",
        "Thời gian",
        "Nội dung",
        "Lãnh đạo chủ trì",
        "Thành phần",
        "Địa điểm",
        "Đơn vị chuẩn bị",
        "Ghi chú",
    ]
    # A download named as the office would save it, a title block, headers in bold, Monday's
    # cell merged over its morning and afternoon rows, "Nơi nhận" and the signature below.
    assert response["Content-Disposition"] == 'attachment; filename="lich-cong-tac-mau.xlsx"'
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert sheet["A2"].value == "LỊCH CÔNG TÁC TUẦN"
    assert sheet.title == "Lịch công tác"  # Excel takes Vietnamese letters in sheet names
    assert all(cell.font.bold for cell in sheet[5])
    assert "A6:A7" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A10"].value == "Nơi nhận:"
    # Imported as it is into any week: three rows, the free-text presiding kept.
    page = make_schedule(entries=0, publish=False)
    result = read_workbook(SimpleUploadedFile("mau.xlsx", response.content), page)
    assert rows_of(result) == [
        (6, "2015-08-03", MORNING, "07:30", "Giao ban Ủy ban nhân dân phường"),
        (7, "2015-08-03", AFTERNOON, "14:00", "Tiếp công dân định kỳ"),
        (8, "2015-08-04", MORNING, None, "Dự hội nghị của Ủy ban nhân dân thành phố"),
    ]
    assert result["sheets"][0]["entries"][2]["time_note"] == "Theo giấy mời"


def test_a_damaged_file_is_refused():
    with pytest.raises(ScheduleImportError):
        read_sheets(SimpleUploadedFile("x.xlsx", b"not a spreadsheet"))
