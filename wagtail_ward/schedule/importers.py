"""Import a schedule's entries from a spreadsheet (.xlsx or .csv), all or nothing.

Columns, with Vietnamese or English headers, in any order; only the date and the content are
required: Ngày / Date, Giờ / Time, Nội dung / Content, Chủ trì / Presiding, Thành phần /
Participants, Địa điểm / Location, Chuẩn bị / Preparing unit, Ghi chú / Note.

Dates: 03/8/2015, 3/8/2015, 3/8 (the year of the schedule), 2015-08-03 or a date cell.
Times: 7h30, 07:30, 14h, 7h30-11h (start and end), a time cell, or a session word
(sáng, chiều, tối / morning, afternoon, evening).
"""

import csv
import datetime
import io
import re

from django.db import transaction
from django.utils.translation import gettext as _

from ..text import fold_vietnamese
from .models import AFTERNOON, EVENING, MORNING, Leader, entry_problems

FIELDS = (
    "date",
    "time",
    "content",
    "presiding",
    "participants",
    "location",
    "preparing_unit",
    "note",
)

# The headers of the downloadable template, in this order.
TEMPLATE_HEADERS = (
    "Ngày",
    "Giờ",
    "Nội dung",
    "Chủ trì",
    "Thành phần",
    "Địa điểm",
    "Chuẩn bị",
    "Ghi chú",
)


def _fold(text):
    """Lower case without accents (đ counts as d), spaces squeezed: for matching headers."""
    return re.sub(r"[\s_]+", " ", fold_vietnamese(str(text or "").strip()))


HEADERS = {
    _fold(name): field
    for field, names in {
        "date": ("Ngày", "Ngày tháng", "Thứ, ngày", "Date", "Day"),
        "time": ("Giờ", "Thời gian", "Time", "Start time"),
        "content": ("Nội dung", "Nội dung công việc", "Content", "Activity"),
        "presiding": ("Chủ trì", "Lãnh đạo chủ trì", "Presiding", "Chair", "Leader"),
        "participants": ("Thành phần", "Thành phần tham dự", "Participants", "Attendees"),
        "location": ("Địa điểm", "Location", "Place", "Venue"),
        "preparing_unit": ("Chuẩn bị", "Đơn vị chuẩn bị", "Preparing unit", "Prepared by"),
        "note": ("Ghi chú", "Note", "Notes"),
    }.items()
    for name in names
}

SESSION_WORDS = {
    "sang": MORNING,
    "morning": MORNING,
    "chieu": AFTERNOON,
    "afternoon": AFTERNOON,
    "toi": EVENING,
    "evening": EVENING,
}

_DATE = re.compile(r"^(?:[^\d]*?)(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$")
_TIME = re.compile(r"(\d{1,2})\s*(?:h|g|:|giờ)\s*(\d{1,2})?\s*(?:'|p|phút)?", re.IGNORECASE)


class ScheduleImportError(Exception):
    """The spreadsheet cannot be imported; ``errors`` lists ``(row, column, message)``."""

    def __init__(self, errors):
        super().__init__("; ".join(message for _row, _column, message in errors))
        self.errors = errors


def parse_date(value, start_date, end_date):
    """A date from a cell. Without a year, the year that puts it inside the schedule."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value or "").strip()
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return datetime.date(year, month, day)
    match = _DATE.match(text)
    if not match:
        raise ValueError(text)
    day, month, year = match.groups()
    day, month = int(day), int(month)
    if year:
        year = int(year)
        if year < 100:
            year += 2000
        return datetime.date(year, month, day)
    for year in sorted({start_date.year, end_date.year}):
        candidate = datetime.date(year, month, day)
        if start_date <= candidate <= end_date:
            return candidate
    return datetime.date(start_date.year, month, day)


def _time(hour, minute):
    return datetime.time(int(hour), int(minute or 0))


def parse_time(value):
    """``(start, end, session)`` from a cell; any of them may be None."""
    if isinstance(value, datetime.datetime):
        return value.time().replace(second=0, microsecond=0), None, None
    if isinstance(value, datetime.time):
        return value.replace(second=0, microsecond=0), None, None
    text = str(value or "").strip()
    if not text:
        return None, None, None
    folded = _fold(text)
    session = next((s for word, s in SESSION_WORDS.items() if folded.startswith(word)), None)
    times = _TIME.findall(text)
    if not times and session is None:
        raise ValueError(text)
    start = _time(*times[0]) if times else None
    end = _time(*times[1]) if len(times) > 1 else None
    if start and session == AFTERNOON and start.hour < 12:
        start = start.replace(hour=start.hour + 12)
    if end and session == AFTERNOON and end.hour < 12:
        end = end.replace(hour=end.hour + 12)
    return start, end, session


def read_rows(uploaded):
    """The rows of an uploaded .xlsx or .csv: ``[(row_number, [cells])]``, header first."""
    name = (getattr(uploaded, "name", "") or "").lower()
    data = uploaded.read()
    if name.endswith(".csv"):
        text = data.decode("utf-8-sig")
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=",;\t") if text.strip() else "excel"
        return list(enumerate(csv.reader(io.StringIO(text), dialect), start=1))
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:  # openpyxl raises many kinds on a damaged file
            raise ScheduleImportError(
                [(None, None, _("The file is not a readable .xlsx spreadsheet."))]
            ) from error
        sheet = workbook.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        workbook.close()
        return list(enumerate(rows, start=1))
    raise ScheduleImportError([(None, None, _("Upload a .xlsx or .csv file."))])


def parse_rows(rows, schedule):
    """Turn rows into unsaved entries; raise ScheduleImportError listing every problem."""
    start_date, end_date = schedule.start_date, schedule.end_date
    rows = [(number, cells) for number, cells in rows if any(_cell_text(c) for c in cells)]
    if not rows:
        raise ScheduleImportError([(None, None, _("The spreadsheet is empty."))])
    header_number, header = rows[0]
    columns = {}
    for position, cell in enumerate(header):
        field = HEADERS.get(_fold(cell))
        if field and field not in columns:
            columns[field] = position
    missing = [name for name in ("date", "content") if name not in columns]
    if missing:
        raise ScheduleImportError(
            [
                (
                    header_number,
                    None,
                    _(
                        "Row %(row)s: the header needs the columns “Ngày” (Date) and "
                        "“Nội dung” (Content)."
                    )
                    % {"row": header_number},
                )
            ]
        )
    column_names = {field: _cell_text(header[position]) for field, position in columns.items()}
    leaders = {}
    for leader in Leader.objects.filter(locale_id=schedule.locale_id):
        leaders.setdefault(_fold(leader.name), leader)
        if leader.position:
            leaders.setdefault(_fold(leader.position), leader)
    errors, entries = [], []
    for number, cells in rows[1:]:

        def cell(field, cells=cells):
            position = columns.get(field)
            if position is None or position >= len(cells):
                return None
            return cells[position]

        values = {}
        try:
            values["date"] = parse_date(cell("date"), start_date, end_date)
        except ValueError:
            errors.append(
                (
                    number,
                    column_names["date"],
                    _("Row %(row)s, column “%(column)s”: “%(value)s” is not a date.")
                    % {
                        "row": number,
                        "column": column_names["date"],
                        "value": _cell_text(cell("date")),
                    },
                )
            )
        try:
            start, end, session = parse_time(cell("time"))
        except ValueError:
            start = end = session = None
            errors.append(
                (
                    number,
                    column_names["time"],
                    _("Row %(row)s, column “%(column)s”: “%(value)s” is not a time.")
                    % {
                        "row": number,
                        "column": column_names["time"],
                        "value": _cell_text(cell("time")),
                    },
                )
            )
        values.update(start_time=start, end_time=end, session=session or "")
        content = _cell_text(cell("content"))
        if not content:
            errors.append(
                (
                    number,
                    column_names["content"],
                    _("Row %(row)s, column “%(column)s”: the content is empty.")
                    % {"row": number, "column": column_names["content"]},
                )
            )
        presiding = _cell_text(cell("presiding"))
        leader = leaders.get(_fold(presiding)) if presiding else None
        entries.append(
            (
                number,
                schedule.entry_model()(
                    date=values.get("date"),
                    start_time=start,
                    end_time=end,
                    session=session or "",
                    content=content,
                    leader=leader,
                    presiding="" if leader else presiding[:255],
                    participants=_cell_text(cell("participants")),
                    location=_cell_text(cell("location"))[:255],
                    preparing_unit=_cell_text(cell("preparing_unit"))[:255],
                    note=_cell_text(cell("note"))[:255],
                    locale_id=schedule.locale_id,
                ),
            )
        )
    checked = [(n, e) for n, e in entries if e.date is not None]
    for number, _field, message in entry_problems(
        start_date, end_date, [e for _n, e in checked], row_numbers=[n for n, _e in checked]
    ):
        errors.append((number, None, message))
    if errors:
        errors.sort(key=lambda error: error[0] or 0)
        raise ScheduleImportError(errors)
    return [entry for _number, entry in entries]


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def import_entries(schedule, uploaded, user=None, replace=True):
    """Fill ``schedule``'s latest draft with the spreadsheet's entries and save a revision.

    Everything happens in one transaction: when any row is wrong, ScheduleImportError lists the
    problems and nothing is written. Returns the new revision.
    """
    entries = parse_rows(read_rows(uploaded), schedule)
    with transaction.atomic():
        page = schedule.get_latest_revision_as_object()
        kept = [] if replace else list(page.entries.all())
        for position, entry in enumerate([*kept, *entries]):
            entry.sort_order = position
        page.entries = [*kept, *entries]
        revision = page.save_revision(user=user, log_action=True)
    return revision


def template_workbook(language="vi"):
    """The downloadable template: the header row and one example row, as .xlsx bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Lich cong tac"
    sheet.append(list(TEMPLATE_HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(
        [
            "03/8/2015",
            "7h30",
            "Giao ban Ủy ban nhân dân phường",
            "Chủ tịch UBND phường",
            "Các Phó Chủ tịch, công chức chuyên môn",
            "Phòng họp tầng 2",
            "Văn phòng UBND",
            "",
        ]
    )
    for column, width in zip("ABCDEFGH", (12, 10, 50, 24, 36, 24, 20, 20), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
