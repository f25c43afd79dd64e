"""The corpus of tests/schedule/files/ (made by make_files.py): each file read row by row as an
office means it, and the hostile files refused fast, in little memory, with nothing written."""

import datetime
import time
import tracemalloc
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation

from tests import factories
from tests.families import ScheduleEntry
from wagtail_ward.schedule.importing import (
    ScheduleImportError,
    build_entries,
    read_workbook,
    save_entries,
)

FILES = Path(__file__).parent / "files"
WEEK = datetime.date(2026, 12, 7)
AN = "Nguyễn Văn An"
BINH = "Trần Thị Bình"


def day(n):
    return (WEEK + datetime.timedelta(days=n)).isoformat()


@pytest.fixture
def week(schedule_index, vi):
    """The schedule of 07/12–13/12/2026 (a draft with two entries) and two leaders."""
    factories.LeaderFactory(locale=vi, name=AN, position="Chủ tịch UBND phường")
    factories.LeaderFactory(locale=vi, name=BINH, position="Phó Chủ tịch UBND phường")
    return factories.make_schedule(schedule_index, start=WEEK, entries=2, publish=False)


def upload(name):
    return SimpleUploadedFile(name, (FILES / name).read_bytes())


def understood(entry):
    """One row as the tests write it: (row, date, session, start, end, all_day, time_note,
    content, leader's name or the presiding text)."""
    presiding = entry["leader_label"].split(" – ")[0] if entry["leader_id"] else entry["presiding"]
    return (
        entry["row"],
        entry["date"],
        entry["session"],
        entry["start_time"],
        entry["end_time"],
        entry["all_day"],
        entry["time_note"],
        entry["content"],
        presiding,
    )


M, A, E = "morning", "afternoon", "evening"
CSV_ROWS = [
    (2, day(0), M, "07:30", None, False, "", "Họp giao ban, triển khai công việc tuần", AN),
    (3, day(0), A, "14:00", None, False, "", "Tiếp công dân định kỳ", BINH),
    (4, day(1), E, "19:00", None, False, "", "Đối thoại với thanh niên", ""),
]
CRECHE = "Visit to the Crèche Saint-Exupéry, façade works"
LE = "Đ/c Lê Văn Cường - Chánh Văn phòng"
EXPECTED = {
    "office_layout.xlsx": [
        (6, day(0), M, "07:30", None, False, "", "Chào cờ đầu tuần", AN),
        (7, day(0), M, "09:00", None, False, "", "Giao ban lãnh đạo", AN),
        (8, day(0), A, "14:00", None, False, "", "Tiếp công dân", BINH),
        (9, day(1), M, None, None, True, "", "Kiểm tra công tác cải cách hành chính", BINH),
        (10, day(2), M, None, None, False, "Theo giấy mời", "Dự hội nghị của Quận ủy", AN),
        (11, day(2), A, None, None, False, "", "Họp Ban chỉ đạo chuyển đổi số", LE),
    ],
    "time_forms.xlsx": [
        (6 + n, day(3), session, start, end, all_day, note, f"Việc {n + 1:02d}", "")
        for n, (session, start, end, all_day, note) in enumerate(
            [
                ("", "07:30", None, False, ""),  # 7h30
                ("", "07:30", None, False, ""),  # 7 giờ 30
                ("", "07:30", None, False, ""),  # 7 giờ 30 phút
                ("", "07:30", None, False, ""),  # 07:30
                ("", "07:30", None, False, ""),  # 07.30
                ("", "14:00", None, False, ""),  # 14h
                (A, "14:00", None, False, ""),  # 2 giờ chiều
                (A, "14:00", None, False, ""),  # 2h chiều
                (A, "14:00", None, False, ""),  # 2:00 PM
                (E, "19:00", None, False, ""),  # Tối 19h
                (E, "19:00", None, False, ""),  # Tối 7h
                ("", "08:00", "11:30", False, ""),  # 8h00-11h30
                (M, None, None, True, ""),  # Cả ngày
                ("", None, None, False, "Theo giấy mời"),
                (M, None, None, True, ""),  # Sáng + chiều
                ("", "15:45", None, False, ""),  # a time cell
            ]
        )
    ],
    "day_forms.xlsx": [
        (6 + n, day(offset), "", "08:00", None, False, "", f"Ngày {n + 1:02d}", "")
        # Thứ hai, Thứ 2, T2, Thứ 3 (08/12), T4 - 09/12, a date cell, the serial 46365,
        # Thứ Sáu, 11/12/2026, Thứ bảy, Chủ nhật, CN, 12/12.
        for n, offset in enumerate([0, 0, 0, 1, 2, 3, 2, 4, 5, 6, 6, 5])
    ],
    "session_column.xlsx": [
        (2, day(0), M, None, None, False, "", "Làm việc tại cơ quan", ""),
        (3, day(0), A, None, None, False, "", "Họp tổ dân phố", ""),
        (4, day(0), A, "15:30", None, False, "", "Kiểm tra vệ sinh môi trường", ""),
        (5, day(1), M, "14:00", None, False, "", "Giờ không khớp buổi", ""),
        (6, day(1), E, "19:00", None, False, "", "Sinh hoạt chi bộ", ""),
    ],
    "leader_forms.xlsx": [
        (1 + n, day(0), "", f"{7 + n:02d}:00", None, False, "", f"Cuộc họp {n}", who)
        for n, who in enumerate(
            [AN, AN, AN, AN, BINH, LE, "Lãnh đạo UBND"],
            start=1,
        )
    ],
    "office.ods": [
        (5, day(0), M, "07:30", None, False, "", "Chào cờ", ""),
        (6, day(0), A, "14:00", None, False, "", "Họp Ban chỉ đạo\nphòng chống thiên tai", ""),
        (7, day(1), E, "19:00", None, False, "", "Sinh hoạt chi bộ", ""),
    ],
    "utf8.csv": CSV_ROWS,
    "utf8_bom_semicolon.csv": CSV_ROWS,
    "windows1258.csv": CSV_ROWS,
    "utf16_tabs.csv": CSV_ROWS,
    "cp1252.csv": [
        (2, day(0), M, "08:00", None, False, "", "Welcome of the delegation from Besançon", ""),
        (
            3,
            day(1),
            A,
            "14:00",
            None,
            False,
            "",
            "Visit to the Crèche Saint-Exupéry, façade works",
            "",
        ),
    ],
    "short_quoted.csv": [(2, day(0), "", "08:00", None, False, "", "Họp, bàn kế hoạch", "")],
    "spacer_rows.csv": [
        (5, day(0), "", "08:00", None, False, "", "Việc thứ nhất", ""),
        (8, day(1), "", "09:00", None, False, "", "Việc thứ hai", ""),
    ],
}
# The same spreadsheets opened in LibreOffice Calc and saved by it (make_files.py, the end): its
# own .xlsx writer (shared strings, its styles), its .ods, and its CSV export, which keeps no
# merged cells, so the day is written only on the first row of each day.
SAVED_BY_CALC = {
    "calc_office_layout.xlsx": "office_layout.xlsx",
    "calc_office_layout.ods": "office_layout.xlsx",
    "calc_office_layout.csv": "office_layout.xlsx",
    "calc_time_forms.xlsx": "time_forms.xlsx",
    "calc_day_forms.xlsx": "day_forms.xlsx",
    "calc_leader_forms.xlsx": "leader_forms.xlsx",
    "calc_session_column.xlsx": "session_column.xlsx",
}
EXPECTED.update({saved: EXPECTED[source] for saved, source in SAVED_BY_CALC.items()})


def test_each_file_is_read_row_by_row(week):
    # One test for the whole corpus (the week's pages are built once); the comparison of two
    # dicts names the file whose rows differ.
    read = {}
    for name in EXPECTED:
        sheets = read_workbook(upload(name), week)["sheets"]
        assert len(sheets) == 1, name
        read[name] = [understood(entry) for entry in sheets[0]["entries"]]
    assert read == EXPECTED


def test_the_corpus_has_the_files_the_issue_asks_for():
    files = [p for p in FILES.iterdir() if p.suffix != ".py"]
    assert len(files) >= 15
    hostile = {"declared_huge.xlsx", "bomb.xlsx", "hundred_thousand_rows.xlsx", "not_a_zip.xlsx"}
    assert hostile <= {p.name for p in files}


def test_office_layout_title_footer_and_signature_are_skipped_not_errors(week):
    with translation.override("en"):
        sheet = read_workbook(upload("office_layout.xlsx"), week)["sheets"][0]
    assert sheet["week"] == [day(0), day(6)] and sheet["week_from_title"]
    assert sheet["header_row"] == 5
    skipped = {number: reason for number, reason, _text in sheet["skipped"]}
    assert skipped == {
        1: "title",
        2: "title",
        3: "title",
        13: "footer or signature",
        14: "footer or signature",
        15: "footer or signature",
        16: "footer or signature",
        17: "footer or signature",
    }
    assert sheet["warnings"] == []


def test_a_time_against_the_session_column_is_a_warning_on_its_row(week):
    with translation.override("en"):
        sheet = read_workbook(upload("session_column.xlsx"), week)["sheets"][0]
    assert sheet["warnings"] == [
        "Row 5: the time “14h” is not in the session “Morning” of the column “Buổi”; check it."
    ]
    assert [e["row"] for e in sheet["entries"] if e["warnings"]] == [5]


@pytest.mark.parametrize("name", ["two_weeks.xlsx", "calc_two_weeks.xlsx", "calc_two_weeks.ods"])
def test_two_sheets_are_two_weeks_and_a_sheet_without_a_table_is_left_out(week, name):
    sheets = read_workbook(upload(name), week)["sheets"]
    assert [(s["name"], s["week"]) for s in sheets] == [
        ("Tuần 50", [day(0), day(6)]),
        ("Tuần 51", [day(7), day(13)]),
    ]
    assert [understood(e)[1:8] for e in sheets[1]["entries"]] == [
        (day(7), M, "08:00", None, False, "", "Việc tuần 51, thứ hai"),
        (day(8), A, "14:00", None, False, "", "Việc tuần 51, thứ ba"),
    ]


def test_the_rows_are_saved_as_entries_with_their_new_fields(week):
    sheet = read_workbook(upload("office_layout.xlsx"), week)["sheets"][0]
    save_entries(week, build_entries(week, sheet["entries"]))
    week.refresh_from_db()
    week.get_latest_revision().publish()
    saved = list(ScheduleEntry.objects.filter(page=week).order_by("sort_order"))
    assert [(e.content, e.effective_session, e.all_day, e.time_note) for e in saved] == [
        ("Chào cờ đầu tuần", M, False, ""),
        ("Giao ban lãnh đạo", M, False, ""),
        ("Tiếp công dân", A, False, ""),
        ("Kiểm tra công tác cải cách hành chính", M, True, ""),
        ("Dự hội nghị của Quận ủy", M, False, "Theo giấy mời"),
        ("Họp Ban chỉ đạo chuyển đổi số", A, False, ""),
    ]
    assert [e.leader.name if e.leader else e.presiding for e in saved][:3] == [AN, AN, BINH]


HOSTILE = {
    "declared_huge.xlsx": "declares 1,048,576 rows and 16,384 columns",
    "bomb.xlsx": "unpacks to more than 20 MB",
    "hundred_thousand_rows.xlsx": "more than 500 rows",
    "not_a_zip.xlsx": "not a readable .xlsx spreadsheet",
    "old_format.xls": "Save As › “Excel Workbook (.xlsx)”",
    # A real Excel 97–2003 workbook, saved by LibreOffice Calc.
    "calc_office_layout.xls": "Save As › “Excel Workbook (.xlsx)”",
}


def test_hostile_files_are_refused_fast_in_little_memory_and_nothing_is_written(week):
    revisions, entries = week.revisions.count(), ScheduleEntry.objects.filter(page=week).count()
    refused = {}
    for name in HOSTILE:
        data = (FILES / name).read_bytes()
        with translation.override("en"):
            started = time.monotonic()
            with pytest.raises(ScheduleImportError) as caught:
                read_workbook(SimpleUploadedFile(name, data), week)
            seconds = time.monotonic() - started
            # Measured on a second read, as tracemalloc slows everything down.
            tracemalloc.start()
            with pytest.raises(ScheduleImportError):
                read_workbook(SimpleUploadedFile(name, data), week)
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        assert HOSTILE[name] in str(caught.value), name
        refused[name] = (seconds < 1, peak < 200 * 1024 * 1024, round(seconds, 2), peak)
    assert {name: verdict[:2] for name, verdict in refused.items()} == dict.fromkeys(
        HOSTILE, (True, True)
    ), refused
    assert week.revisions.count() == revisions
    assert ScheduleEntry.objects.filter(page=week).count() == entries == 2


def test_a_hundred_thousand_row_csv_is_refused_naming_the_limit(week):
    data = ("Ngày,Giờ,Nội dung\n" + "07/12/2026,8h,Họp\n" * 100_000).encode()
    started = time.monotonic()
    with translation.override("en"), pytest.raises(ScheduleImportError) as caught:
        read_workbook(SimpleUploadedFile("rows.csv", data), week)
    assert time.monotonic() - started < 1
    assert "more than 500 rows" in str(caught.value)
    assert "SCHEDULE_IMPORT_MAX_ROWS" in str(caught.value)


@override_settings(WAGTAIL_WARD={"SCHEDULE_IMPORT_MAX_ROWS": 2})
def test_the_row_limit_is_a_setting(week):
    with translation.override("en"), pytest.raises(ScheduleImportError) as caught:
        read_workbook(upload("office_layout.xlsx"), week)
    assert "more than 2 rows" in str(caught.value)


@override_settings(WAGTAIL_WARD={"SCHEDULE_IMPORT_SECONDS": 0})
def test_the_time_budget_is_a_setting(week):
    with translation.override("en"), pytest.raises(ScheduleImportError) as caught:
        read_workbook(upload("office_layout.xlsx"), week)
    assert "longer than 0 seconds" in str(caught.value)
