# The rows and the OpenDocument XML are written out as an office would type them.
# ruff: noqa: E501
"""Make the spreadsheets of the import tests, the way offices make them.

Run from the repository root: ``.venv/bin/python tests/schedule/files/make_files.py``. The files
are committed; the script is kept so that anyone can see how each one was made and make them
again. The week is Monday 07/12/2026 to Sunday 13/12/2026 (tests/schedule/test_import_files.py).
"""

import datetime
import io
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

HERE = Path(__file__).parent
TITLE = "LỊCH CÔNG TÁC TUẦN 50 (Từ ngày 07/12/2026 đến ngày 13/12/2026)"
OFFICE = ["Thứ/Ngày", "Buổi", "Thời gian", "Nội dung", "Chủ trì", "Thành phần", "Địa điểm"]


def title_block(sheet, title=TITLE, width=7):
    sheet.append(["ỦY BAN NHÂN DÂN PHƯỜNG BẾN NGHÉ"])
    sheet.append(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    sheet.append([title])
    sheet.append([])
    for row in (1, 2, 3):
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        sheet.cell(row=row, column=1).font = Font(bold=True)


def footer(sheet):
    sheet.append([])
    sheet.append(["Nơi nhận:", None, None, None, "TM. ỦY BAN NHÂN DÂN"])
    sheet.append(["- Thường trực Đảng ủy;", None, None, None, "CHỦ TỊCH"])
    sheet.append(["- Lưu: VT."])
    sheet.append([None, None, None, None, "(đã ký)"])
    sheet.append([None, None, None, None, "Nguyễn Văn An"])


def rows_with_merged_days(sheet, rows):
    """Append rows; a day written once is merged down over the rows that leave it empty."""
    first = None
    for values in rows:
        sheet.append(values)
        number = sheet.max_row
        if values[0]:
            first = number
        elif first is not None:
            sheet.merge_cells(start_row=first, start_column=1, end_row=number, end_column=1)
        for cell in sheet[number]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def save(workbook, name):
    workbook.save(HERE / name)


def office_layout():
    """Title block, merged day cells "Thứ hai\\n07/12", a Buổi column, footer and signature."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tuần 50"
    title_block(sheet)
    sheet.append(OFFICE)
    rows_with_merged_days(
        sheet,
        [
            [
                "Thứ hai\n07/12",
                "Sáng",
                "7h30",
                "Chào cờ đầu tuần",
                "Đ/c Nguyễn Văn An - Chủ tịch UBND",
                "Toàn thể cán bộ",
                "Sân UBND",
            ],
            [
                None,
                "Sáng",
                "9h",
                "Giao ban lãnh đạo",
                "Chủ tịch Nguyễn Văn An",
                "Các Phó Chủ tịch",
                "Phòng họp 1",
            ],
            [None, "Chiều", "2h", "Tiếp công dân", "Trần Thị Bình (PCT)", "", "Phòng tiếp dân"],
            [
                "Thứ ba\n08/12",
                "Cả ngày",
                "Cả ngày",
                "Kiểm tra công tác cải cách hành chính",
                "Đ/c Trần Thị Bình",
                "",
                "Các khu phố",
            ],
            [
                "Thứ tư\n09/12",
                "Sáng",
                "Theo giấy mời",
                "Dự hội nghị của Quận ủy",
                "Đ/c Nguyễn Văn An",
                "",
                "Hội trường Quận ủy",
            ],
            [
                None,
                "Chiều",
                "",
                "Họp Ban chỉ đạo chuyển đổi số",
                "Đ/c Lê Văn Cường - Chánh Văn phòng",
                "",
                "Phòng họp 2",
            ],
        ],
    )
    footer(sheet)
    save(workbook, "office_layout.xlsx")


def time_forms():
    workbook = Workbook()
    sheet = workbook.active
    title_block(sheet)
    sheet.append(["Thứ/Ngày", "Thời gian", "Nội dung"])
    forms = [
        "7h30",
        "7 giờ 30",
        "7 giờ 30 phút",
        "07:30",
        "07.30",
        "14h",
        "2 giờ chiều",
        "2h chiều",
        "2:00 PM",
        "Tối 19h",
        "Tối 7h",
        "8h00-11h30",
        "Cả ngày",
        "Theo giấy mời",
        "Sáng + chiều",
        datetime.time(15, 45),
    ]
    for number, form in enumerate(forms, start=1):
        sheet.append(["Thứ năm 10/12", form, f"Việc {number:02d}"])
    footer(sheet)
    save(workbook, "time_forms.xlsx")


def day_forms():
    workbook = Workbook()
    sheet = workbook.active
    title_block(sheet)
    sheet.append(["Ngày", "Giờ", "Nội dung"])
    forms = [
        "Thứ hai",
        "Thứ 2",
        "T2",
        "Thứ 3 (08/12)",
        "T4 - 09/12",
        datetime.datetime(2026, 12, 10),
        46365,
        "Thứ Sáu, 11/12/2026",
        "Thứ bảy",
        "Chủ nhật",
        "CN",
        "12/12",
    ]
    for number, form in enumerate(forms, start=1):
        sheet.append([form, "8h", f"Ngày {number:02d}"])
    sheet["A12"].number_format = "General"
    save(workbook, "day_forms.xlsx")


def session_column():
    """The Buổi column sets the session; a time against it is a warning."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Thứ/Ngày", "Buổi", "Giờ", "Nội dung", "Chủ trì"])
    rows_with_merged_days(
        sheet,
        [
            ["Thứ hai 07/12", "Sáng", "", "Làm việc tại cơ quan", ""],
            [None, "Chiều", "", "Họp tổ dân phố", ""],
            [None, "Chiều", "3h30", "Kiểm tra vệ sinh môi trường", ""],
            ["Thứ ba 08/12", "Sáng", "14h", "Giờ không khớp buổi", ""],
            [None, "Tối", "7h", "Sinh hoạt chi bộ", ""],
        ],
    )
    save(workbook, "session_column.xlsx")


def two_weeks():
    workbook = Workbook()
    first = workbook.active
    first.title = "Tuần 50"
    title_block(first)
    first.append(OFFICE)
    first.append(["Thứ hai 07/12", "Sáng", "8h", "Việc tuần 50", "", "", ""])
    second = workbook.create_sheet("Tuần 51")
    title_block(second, "LỊCH CÔNG TÁC TUẦN 51 (Từ ngày 14/12/2026 đến ngày 20/12/2026)")
    second.append(OFFICE)
    second.append(["Thứ hai", "Sáng", "8h", "Việc tuần 51, thứ hai", "", "", ""])
    second.append(["Thứ ba 15/12", "Chiều", "14h", "Việc tuần 51, thứ ba", "", "", ""])
    notes = workbook.create_sheet("Ghi chú")
    notes.append(["Lịch có thể thay đổi, xem bản mới nhất trên cổng thông tin."])
    save(workbook, "two_weeks.xlsx")


def leader_forms():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Ngày", "Giờ", "Nội dung", "Lãnh đạo chủ trì"])
    for number, leader in enumerate(
        [
            "Đ/c Nguyễn Văn An - Chủ tịch UBND",
            "Chủ tịch Nguyễn Văn An",
            "Nguyễn Văn An (PCT)",
            "NGUYEN VAN AN",
            "Đ/c Trần Thị Bình - Phó Chủ tịch UBND",
            "Đ/c Lê Văn Cường - Chánh Văn phòng",
            "Lãnh đạo UBND",
        ],
        start=1,
    ):
        sheet.append(["07/12/2026", f"{7 + number}h", f"Cuộc họp {number}", leader])
    save(workbook, "leader_forms.xlsx")


def header_only():
    workbook = Workbook()
    sheet = workbook.active
    title_block(sheet)
    sheet.append(OFFICE)
    save(workbook, "header_only.xlsx")


CSV_ROWS = [
    ["Thứ/Ngày", "Buổi", "Thời gian", "Nội dung", "Chủ trì", "Địa điểm"],
    [
        "Thứ hai 07/12",
        "Sáng",
        "7 giờ 30",
        "Họp giao ban, triển khai công việc tuần",
        "Đ/c Nguyễn Văn An",
        "Phòng họp",
    ],
    ["", "Chiều", "2 giờ chiều", "Tiếp công dân định kỳ", "Trần Thị Bình (PCT)", "Phòng tiếp dân"],
    ["Thứ ba 08/12", "", "Tối 19h", "Đối thoại với thanh niên", "", "Nhà văn hóa khu phố 3"],
]


def csv_text(rows, delimiter=","):
    out = io.StringIO()
    import csv

    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def cp1258(text):
    """Windows-1258 writes tone marks as combining characters after a precomposed base
    (ô, ơ, ư, ă, â, ê stay one byte; the five tones are combining bytes)."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        tone = "".join(c for c in parts if c in tones)
        out.append(base.encode("cp1258") + tone.encode("cp1258"))
    return b"".join(out)


def csv_files():
    text = csv_text(CSV_ROWS)
    (HERE / "utf8.csv").write_bytes(text.encode("utf-8"))
    (HERE / "utf8_bom_semicolon.csv").write_bytes(
        b"\xef\xbb\xbf" + csv_text(CSV_ROWS, ";").encode("utf-8")
    )
    (HERE / "windows1258.csv").write_bytes(cp1258(text))
    (HERE / "utf16_tabs.csv").write_bytes(csv_text(CSV_ROWS, "\t").encode("utf-16"))
    english = [
        ["Date", "Time", "Content", "Presiding", "Location"],
        ["Monday 07/12", "8:00 AM", "Welcome of the delegation from Besançon", "", "Café Hòa Bình"],
        [
            "Tuesday 08/12",
            "2:00 PM",
            "Visit to the Crèche Saint-Exupéry, façade works",
            "",
            "Quận 1",
        ],
    ]
    english[1][4] = "Café de l'Opéra"
    english[2][4] = "Crèche, 2e étage"
    (HERE / "cp1252.csv").write_bytes(csv_text(english).encode("cp1252"))
    short = 'Ngày,Giờ,Nội dung\n07/12/2026,8h,"Họp, bàn kế hoạch"\n'
    (HERE / "short_quoted.csv").write_bytes(short.encode("utf-8"))
    spacer = [
        ["Lịch công tác tuần 50 (Từ ngày 07/12/2026 đến ngày 13/12/2026)"],
        [],
        ["Ngày", "Giờ", "Nội dung"],
        [],
        ["07/12", "8h", "Việc thứ nhất"],
        [],
        ["Ngày", "Giờ", "Nội dung"],
        ["08/12", "9h", "Việc thứ hai"],
        ["Ghi chú: lịch có thể thay đổi"],
    ]
    (HERE / "spacer_rows.csv").write_bytes(csv_text(spacer).encode("utf-8"))


ODS_CONTENT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
<office:body><office:spreadsheet><table:table table:name="Tuần 50">
<table:table-row><table:table-cell table:number-columns-spanned="4"><text:p>{title}</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="3"/><table:table-cell table:number-columns-repeated="1020"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
<table:table-row><table:table-cell><text:p>Thứ/Ngày</text:p></table:table-cell><table:table-cell><text:p>Buổi</text:p></table:table-cell><table:table-cell><text:p>Thời gian</text:p></table:table-cell><table:table-cell><text:p>Nội dung</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell table:number-rows-spanned="2" office:value-type="date" office:date-value="2026-12-07"><text:p>07/12/2026</text:p></table:table-cell><table:table-cell><text:p>Sáng</text:p></table:table-cell><table:table-cell office:value-type="time" office:time-value="PT07H30M00S"><text:p>07:30</text:p></table:table-cell><table:table-cell><text:p>Chào cờ</text:p></table:table-cell></table:table-row>
<table:table-row><table:covered-table-cell/><table:table-cell><text:p>Chiều</text:p></table:table-cell><table:table-cell><text:p>2h</text:p></table:table-cell><table:table-cell><text:p>Họp Ban chỉ đạo</text:p><text:p>phòng chống thiên tai</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="float" office:value="46364"><text:p>46364</text:p></table:table-cell><table:table-cell/><table:table-cell><text:p>Tối 7h</text:p></table:table-cell><table:table-cell><text:p>Sinh hoạt chi bộ</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
<table:table-row><table:table-cell><text:p>Nơi nhận:</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"""


def ods():
    with zipfile.ZipFile(HERE / "office.ods", "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr(
            "content.xml", ODS_CONTENT.format(title=TITLE), compress_type=zipfile.ZIP_DEFLATED
        )
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
            'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )


HUGE_DIMENSION = b'<dimension ref="A1:XFD1048576"/>'
# One cell in the last row and column a sheet may have.
FAR_CELL = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'


def declared_huge():
    """A small workbook whose sheet declares a million rows by 16,384 columns."""
    buffer = io.BytesIO()
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Ngày", "Giờ", "Nội dung"])
    sheet.append(["07/12/2026", "8h", "Một dòng"])
    workbook.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(HERE / "declared_huge.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*" ?/>', HUGE_DIMENSION, data)
                data = data.replace(b"</sheetData>", FAR_CELL + b"</sheetData>")
            archive.writestr(item, data)


def bomb():
    """An .xlsx whose sheet unpacks to 1 GB of spaces."""
    buffer = io.BytesIO()
    Workbook().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(HERE / "bomb.xlsx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename != "xl/worksheets/sheet1.xml":
                archive.writestr(item, data)
                continue
            head, tail = data.split(b"<sheetData></sheetData>")
            with archive.open(item.filename, "w", force_zip64=True) as member:
                member.write(head + b"<sheetData>")
                chunk = b" " * (1024 * 1024)
                for _ in range(1024):
                    member.write(chunk)
                member.write(b"</sheetData>" + tail)


def hundred_thousand_rows():
    from openpyxl import Workbook as WriteWorkbook

    workbook = WriteWorkbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["Ngày", "Giờ", "Nội dung"])
    for _ in range(100_000):
        sheet.append(["07/12/2026", "8h", "Họp"])
    workbook.save(HERE / "hundred_thousand_rows.xlsx")


def not_a_zip():
    (HERE / "not_a_zip.xlsx").write_bytes(b"Ngay,Gio,Noi dung\n07/12/2026,8h,Hop\n")
    # The first bytes of a Compound File Binary (.xls) document, then padding.
    (HERE / "old_format.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)


# Each file as LibreOffice Calc saves it (opened, then "Save As"): its own .xlsx writer, its
# .ods, a real Excel 97-2003 .xls, and its CSV export (UTF-8, which keeps no merged cell).
CALC_FILTERS = {
    "xlsx": "xlsx:Calc MS Excel 2007 XML",
    "ods": "ods",
    "xls": "xls:MS Excel 97",
    "csv": "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true",
}
SAVED_BY_CALC = {
    "office_layout.xlsx": ["xlsx", "ods", "xls", "csv"],
    "two_weeks.xlsx": ["xlsx", "ods"],
    "time_forms.xlsx": ["xlsx"],
    "day_forms.xlsx": ["xlsx"],
    "leader_forms.xlsx": ["xlsx"],
    "session_column.xlsx": ["xlsx"],
}


def saved_by_calc():
    """The calc_* files: needs LibreOffice (Debian's libreoffice-calc-nogui), so it runs only
    when `soffice` is found; the committed files were made with LibreOffice 7.4."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: the calc_* files are left as they are")
        return
    with tempfile.TemporaryDirectory() as work:
        for source, kinds in SAVED_BY_CALC.items():
            for kind in kinds:
                subprocess.run(  # noqa: S603  (soffice from PATH, our own files)
                    [
                        soffice,
                        "--headless",
                        "--norestore",
                        "--convert-to",
                        CALC_FILTERS[kind],
                        "--outdir",
                        work,
                        str(HERE / source),
                    ],
                    check=True,
                    capture_output=True,
                    env={**os.environ, "HOME": work},
                )
                saved = Path(work) / f"{Path(source).stem}.{kind}"
                saved.replace(HERE / f"calc_{saved.name}")


if __name__ == "__main__":
    office_layout()
    time_forms()
    day_forms()
    session_column()
    two_weeks()
    leader_forms()
    header_only()
    csv_files()
    ods()
    declared_huge()
    bomb()
    hundred_thousand_rows()
    not_a_zip()
    saved_by_calc()
