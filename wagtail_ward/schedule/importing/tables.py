"""The table in a sheet: its header row, the week in its title, and each row as understood.

The result is plain data (dates and times as ISO text), so the preview can keep it in the
editor's session and the confirm step imports exactly what the editor saw.
"""

import datetime
import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Session, entry_problems
from .cells import fold, parse_day, parse_session, parse_time, week_from_title
from .leaders import clean_name
from .limits import max_rows, too_many_rows

NOT_A_DATE = gettext_lazy("Row %(row)s, column “%(column)s”: “%(value)s” is not a date.")
# Rows searched for the header.
HEADER_SEARCH_ROWS = 30
FIELDS = (
    "day",
    "time",
    "session",
    "content",
    "presiding",
    "participants",
    "location",
    "preparing_unit",
    "note",
)


def _header_key(text):
    text = re.sub(r"\([^)]*\)", " ", fold(text))
    return re.sub(r"[\s/,.:;\-]+", " ", text).strip()


HEADERS = {
    _header_key(name): column
    for column, names in {
        "day": (
            "Thứ/Ngày",
            "Thứ, ngày",
            "Ngày/Thứ",
            "Ngày",
            "Ngày tháng",
            "Thứ",
            "Thứ ngày tháng",
            "Date",
            "Day",
        ),
        "time": ("Thời gian", "Giờ", "Giờ bắt đầu", "Time", "Start time"),
        "session": ("Buổi", "Session"),
        "content": (
            "Nội dung",
            "Nội dung công việc",
            "Nội dung công tác",
            "Công việc",
            "Content",
            "Activity",
        ),
        "presiding": (
            "Chủ trì",
            "Lãnh đạo chủ trì",
            "Người chủ trì",
            "Lãnh đạo",
            "Presiding",
            "Chair",
            "Leader",
        ),
        "participants": (
            "Thành phần",
            "Thành phần tham dự",
            "Thành phần dự",
            "Participants",
            "Attendees",
        ),
        "location": ("Địa điểm", "Location", "Place", "Venue"),
        "preparing_unit": (
            "Chuẩn bị",
            "Đơn vị chuẩn bị",
            "Đơn vị thực hiện",
            "Preparing unit",
            "Prepared by",
        ),
        "note": ("Ghi chú", "Note", "Notes"),
    }.items()
    for name in names
}
# The first cell of a row that ends the table: recipients, signature, "(đã ký)".
FOOTER_MARKS = ("noi nhan", "nguoi lap", "tm.", "tm ", "kt.", "kt ", "(da ky", "da ky", "ky ten")


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def find_header(rows):
    """``(index, {field: position})`` of the header among the first rows, or None."""
    for index, (_number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = {}
        for position, cell in enumerate(cells):
            field = HEADERS.get(_header_key(cell)) if isinstance(cell, str) else None
            if field and field not in columns:
                columns[field] = position
        if "day" in columns and "content" in columns:
            return index, columns
    return None


def _iso(value):
    return value.isoformat() if value else None


def _weekday_name(day):
    return str(
        (
            _("Monday"),
            _("Tuesday"),
            _("Wednesday"),
            _("Thursday"),
            _("Friday"),
            _("Saturday"),
            _("Sunday"),
        )[day]
    )


class TableReader:
    """Reads one sheet for a schedule of the week ``start``–``end`` (the title's week wins)."""

    def __init__(self, sheet, start, end, matcher):
        self.sheet, self.matcher = sheet, matcher
        self.start, self.end = start, end
        self.entries, self.skipped, self.errors, self.warnings = [], [], [], []
        self.week = None

    def read(self):
        found = find_header(self.sheet.rows)
        if found is None:
            return None
        index, self.columns = found
        header = self.sheet.rows[index][1]
        self.names = {field: cell_text(header[pos]) for field, pos in self.columns.items()}
        for number, cells in self.sheet.rows[:index]:
            text = " ".join(cell_text(cell) for cell in cells)
            self.week = self.week or week_from_title(text)
            self.skipped.append((number, _("title"), text[:120]))
        if self.week:
            self.start, self.end = self.week
        self.header_row = self.sheet.rows[index][0]
        day = session = None
        ended = False
        for number, cells in self.sheet.rows[index + 1 :]:
            first = next((cell_text(c) for c in cells if cell_text(c)), "")
            if ended or fold(first).startswith(FOOTER_MARKS):
                ended = True
                self.skipped.append((number, _("footer or signature"), first[:120]))
                continue
            row = {field: self._cell(cells, field) for field in FIELDS}
            if all(fold(row[f]) == fold(self.names.get(f)) for f in ("day", "content")):
                self.skipped.append((number, _("repeated header"), first[:120]))
                continue
            if not cell_text(row["content"]) and not cell_text(row["time"]):
                if row["day"] not in (None, ""):
                    try:
                        day = parse_day(row["day"], self.start, self.end)[0]
                        session = None
                    except ValueError:
                        pass
                self.skipped.append((number, _("no content"), first[:120]))
                continue
            day, session = self._entry(number, row, day, session)
            if len(self.entries) > max_rows():
                raise too_many_rows()
        self._check_dates()
        return self

    def _cell(self, cells, field):
        position = self.columns.get(field)
        if position is None or position >= len(cells):
            return None
        return cells[position]

    def _error(self, number, field, message):
        self.errors.append((number, self.names.get(field), message))

    def _bad_value(self, number, field, message, value):
        column = self.names.get(field, "")
        message = str(message)
        self._error(
            number,
            field,
            message % {"row": number, "column": column, "value": cell_text(value)},
        )

    def _entry(self, number, row, day, session):
        """Read one entry row; returns the day and session later rows inherit (merged cells)."""
        warnings = []
        date = None
        if row["day"] in (None, ""):
            date = day
            if date is None:
                self._bad_value(
                    number,
                    "day",
                    _("Row %(row)s, column “%(column)s”: “%(value)s” is not a date."),
                    "",
                )
        else:
            try:
                date, named = parse_day(row["day"], self.start, self.end)
            except ValueError:
                self._bad_value(number, "day", NOT_A_DATE, row["day"])
            else:
                if named is not None and named != date.weekday():
                    warnings.append(
                        _("Row %(row)s: “%(value)s” names a %(named)s, but %(date)s is a %(day)s.")
                        % {
                            "row": number,
                            "value": cell_text(row["day"]),
                            "named": _weekday_name(named),
                            "date": f"{date:%d/%m/%Y}",
                            "day": _weekday_name(date.weekday()),
                        }
                    )
                if date != day:
                    session = None
        if row["session"] not in (None, ""):
            try:
                session = parse_session(row["session"])
            except ValueError:
                self._bad_value(
                    number,
                    "session",
                    _(
                        "Row %(row)s, column “%(column)s”: “%(value)s” is not a session "
                        "(Sáng, Chiều or Tối)."
                    ),
                    row["session"],
                )
        try:
            time = parse_time(row["time"], session or "")
        except ValueError:
            self._bad_value(
                number,
                "time",
                _("Row %(row)s, column “%(column)s”: “%(value)s” is not a time."),
                row["time"],
            )
            time = parse_time(None, session or "")
        if time.conflict:
            warnings.append(
                _(
                    "Row %(row)s: the time “%(time)s” is not in the session “%(session)s” of "
                    "the column “%(column)s”; check it."
                )
                % {
                    "row": number,
                    "time": cell_text(row["time"]),
                    "session": Session(session).label if session else "",
                    "column": self.names.get("session") or self.names.get("time"),
                }
            )
        content = cell_text(row["content"])
        if not content:
            self._error(
                number,
                "content",
                _("Row %(row)s, column “%(column)s”: the content is empty.")
                % {"row": number, "column": self.names.get("content")},
            )
        presiding = cell_text(row["presiding"])
        leader = self.matcher.match(presiding) if presiding else None
        new_leader = ""
        if presiding and leader is None:
            name, _position = clean_name(presiding)
            if 2 <= len(name.split()) <= 5 and not re.search(r"\d", name):
                new_leader = name
        self.warnings.extend(warnings)
        self.entries.append(
            {
                "row": number,
                "date": _iso(date),
                "start_time": time.start.strftime("%H:%M") if time.start else None,
                "end_time": time.end.strftime("%H:%M") if time.end else None,
                "session": time.session or "",
                "all_day": time.all_day,
                "time_note": time.time_note,
                "time_text": cell_text(row["time"]),
                "content": content,
                "leader_id": leader.pk if leader else None,
                "leader_label": str(leader) if leader else "",
                "presiding": presiding[:255],
                "new_leader": new_leader,
                "participants": cell_text(row["participants"]),
                "location": cell_text(row["location"])[:255],
                "preparing_unit": cell_text(row["preparing_unit"])[:255],
                "note": cell_text(row["note"])[:255],
                "warnings": [str(w) for w in warnings],
            }
        )
        return date, session

    def _check_dates(self):
        dated = [e for e in self.entries if e["date"]]
        values = [
            {
                "date": datetime.date.fromisoformat(e["date"]),
                "start_time": e["start_time"] and datetime.time.fromisoformat(e["start_time"]),
                "end_time": e["end_time"] and datetime.time.fromisoformat(e["end_time"]),
            }
            for e in dated
        ]
        rows = [e["row"] for e in dated]
        for number, field, message in entry_problems(self.start, self.end, values, rows):
            self.errors.append(
                (number, self.names.get("day" if field == "date" else "time"), message)
            )

    def result(self):
        return {
            "name": self.sheet.name,
            "week": [self.start.isoformat(), self.end.isoformat()],
            "week_from_title": self.week is not None,
            "header_row": self.header_row,
            "entries": self.entries,
            "skipped": [[n, str(reason), text] for n, reason, text in self.skipped],
            "warnings": [str(w) for w in self.warnings],
        }
