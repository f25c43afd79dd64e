"""The downloadable template: the layout offices keep, ready to fill in and import as it is.

A title block, the header row with a "Buổi" column, the day cell merged across the morning and
afternoon rows, and "Nơi nhận" with the signature below the table. The days name weekdays only
("Thứ hai"), so the filled template goes into whichever week it is imported into.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

# The header row of the template, in this order.
TEMPLATE_HEADERS = (
    "Thứ/Ngày",
    "Buổi",
    "Thời gian",
    "Nội dung",
    "Lãnh đạo chủ trì",
    "Thành phần",
    "Địa điểm",
    "Đơn vị chuẩn bị",
    "Ghi chú",
)
HEADER_ROW = 5
EXAMPLE_ROWS = (
    (
        "Thứ hai",
        "Sáng",
        "7h30",
        "Giao ban Ủy ban nhân dân phường",
        "Đ/c Chủ tịch UBND phường",
        "Các Phó Chủ tịch, công chức chuyên môn",
        "Phòng họp tầng 2",
        "Văn phòng UBND",
        "",
    ),
    (
        None,
        "Chiều",
        "14h",
        "Tiếp công dân định kỳ",
        "Đ/c Phó Chủ tịch UBND phường",
        "Công chức Tư pháp – Hộ tịch",
        "Phòng tiếp công dân",
        "Văn phòng UBND",
        "",
    ),
    (
        "Thứ ba",
        "Sáng",
        "Theo giấy mời",
        "Dự hội nghị của Ủy ban nhân dân thành phố",
        "Đ/c Chủ tịch UBND phường",
        "",
        "Hội trường UBND thành phố",
        "",
        "",
    ),
)


# Excel allows Vietnamese letters in a sheet's name, up to 31 characters.
SHEET_NAME = "Lịch công tác"


def template_workbook():
    """The template as .xlsx bytes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_NAME
    width = len(TEMPLATE_HEADERS)
    title_rows = (
        ("ỦY BAN NHÂN DÂN PHƯỜNG ...", False),
        ("LỊCH CÔNG TÁC TUẦN", True),
        ("(Từ ngày .../.../... đến ngày .../.../...)", False),
    )
    for number, (text, bold) in enumerate(title_rows, start=1):
        sheet.cell(row=number, column=1, value=text).font = Font(bold=bold or number == 1)
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        sheet.cell(row=number, column=1).alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    for column, text in enumerate(TEMPLATE_HEADERS, start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    for offset, values in enumerate(EXAMPLE_ROWS, start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=HEADER_ROW + offset, column=column, value=value)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    # Monday's cell covers its morning and afternoon rows, as offices merge it.
    sheet.merge_cells(
        start_row=HEADER_ROW + 1, start_column=1, end_row=HEADER_ROW + 2, end_column=1
    )
    footer = HEADER_ROW + len(EXAMPLE_ROWS) + 2
    sheet.cell(row=footer, column=1, value="Nơi nhận:").font = Font(bold=True, italic=True)
    sheet.cell(row=footer + 1, column=1, value="- Như trên;")
    sheet.cell(row=footer, column=6, value="TM. ỦY BAN NHÂN DÂN").font = Font(bold=True)
    sheet.cell(row=footer + 1, column=6, value="CHỦ TỊCH").font = Font(bold=True)
    widths = (14, 8, 12, 44, 24, 30, 22, 20, 16)
    for column, size in zip("ABCDEFGHI", widths, strict=True):
        sheet.column_dimensions[column].width = size
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
