"""Cells as offices write them: days, times, sessions, and the week in a sheet's title.

Every accepted form is listed in docs/schedule.md; the parsers raise ValueError on anything
else, and the table reader turns that into a message naming the row and the column.
"""

import datetime
import re
from dataclasses import dataclass, field

from ...text import fold_vietnamese
from ..models import AFTERNOON, EVENING, MORNING

EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Date serials of General-format cells: 1982 to 2064.
SERIALS = range(30000, 60000)


def fold(text):
    """Lower case, no accents (đ counts as d), spaces squeezed."""
    return re.sub(r"\s+", " ", fold_vietnamese(str(text or ""))).strip()


WEEKDAY_WORDS = {
    "hai": 0,
    "ba": 1,
    "tu": 2,
    "nam": 3,
    "sau": 4,
    "bay": 5,
}
_WEEKDAY = re.compile(
    r"^(?:thu\s*(hai|ba|tu|nam|sau|bay|[2-7])|t\s*([2-7])|(chu nhat|cn)"
    r"|(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun))"
    r"(?![a-z])"
)
_ENGLISH_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}|\d{2}))?(?!\d)")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")


def _weekday(folded):
    """``(weekday, rest)``: Monday is 0; None when the text does not start with a day name."""
    match = _WEEKDAY.match(folded)
    if not match:
        return None, folded
    word, number, sunday, english = match.groups()
    if sunday:
        day = 6
    elif english:
        day = _ENGLISH_DAYS.index(english[:3])
    else:
        word = word or number
        day = int(word) - 2 if word.isdigit() else WEEKDAY_WORDS[word]
    return day, folded[match.end() :]


def _in_week(day, month, year, start, end):
    if year:
        year = int(year)
        return datetime.date(year + 2000 if year < 100 else year, int(month), int(day))
    for candidate_year in sorted({start.year, end.year}):
        candidate = datetime.date(candidate_year, int(month), int(day))
        if start <= candidate <= end:
            return candidate
    return datetime.date(start.year, int(month), int(day))


def parse_day(value, start, end):
    """``(date, weekday_named)`` from a day cell of the week ``start``–``end``.

    ``weekday_named`` is the weekday the label names (Monday 0), or None; the caller warns when
    it is not the date's. Raises ValueError for anything that is not a day.
    """
    if isinstance(value, datetime.datetime):
        return value.date(), None
    if isinstance(value, datetime.date):
        return value, None
    if isinstance(value, int | float) and int(value) in SERIALS:
        return EXCEL_EPOCH + datetime.timedelta(days=int(value)), None
    text = fold(value)
    if text.isdigit() and int(text) in SERIALS:
        return EXCEL_EPOCH + datetime.timedelta(days=int(text)), None
    match = _ISO_DATE.match(text)
    if match:
        return datetime.date(*(int(g) for g in match.groups())), None
    weekday, rest = _weekday(text)
    match = _DATE.search(rest)
    if match:
        return _in_week(*match.groups(), start, end), weekday
    if weekday is None or re.search(r"\d", rest):
        raise ValueError(text)
    for offset in range((end - start).days + 1):
        day = start + datetime.timedelta(days=offset)
        if day.weekday() == weekday:
            return day, None
    raise ValueError(text)


_SESSIONS = (
    (re.compile(r"\b(sang|morning|am|a\.m\.)(?![a-z])"), MORNING),
    (re.compile(r"\b(chieu|trua|afternoon|pm|p\.m\.)(?![a-z])"), AFTERNOON),
    (re.compile(r"\b(toi|dem|evening|night)(?![a-z])"), EVENING),
)
_ALL_DAY = re.compile(
    r"^(ca ngay|all day|ca buoi|sang\s*(?:\+|va|,|-|&|/)\s*chieu|morning and afternoon)$"
)
_TO_BE_ANNOUNCED = re.compile(
    r"^(theo .+|thong bao sau|se thong bao.*|chua xac dinh.*|tba|to be announced|as invited)$"
)
_TIME = re.compile(r"(?<![\d/])(\d{1,2})\s*(?:gio|h|g|:|\.)\s*(\d{1,2})?(?:\s*(?:phut|p)\b)?")


def parse_session(value):
    """The session a "Buổi" cell names ("Sáng", "Chiều", "Tối"), "" when empty."""
    text = fold(value)
    if not text:
        return ""
    for pattern, session in _SESSIONS:
        if pattern.match(text):
            return session
    if _ALL_DAY.match(text):
        return MORNING
    raise ValueError(text)


@dataclass
class TimeCell:
    """What a time cell says, and the warnings it gives."""

    start: datetime.time | None = None
    end: datetime.time | None = None
    session: str = ""
    all_day: bool = False
    time_note: str = ""
    conflict: bool = False
    hours: list = field(default_factory=list)


def _shift(hour, minute, session, pm):
    """The 24-hour time of ``hour:minute`` said in ``session``; (time, contradicts)."""
    hour, minute = int(hour), int(minute or 0)
    if hour > 23 or minute > 59:
        raise ValueError(f"{hour}:{minute}")
    contradicts = False
    if pm or session == EVENING:
        if hour < 12:
            hour += 12
    elif session == AFTERNOON:
        if hour <= 6:
            hour += 12
        elif hour < 12:
            contradicts = True
    return datetime.time(hour, minute), contradicts


def parse_time(value, session=""):
    """A TimeCell from a time cell; ``session`` is what a "Buổi" column says for the row.

    Raises ValueError for text that is neither a time, a session, "all day" nor a known
    "time to be announced" phrase.
    """
    cell = TimeCell(session=session)
    if isinstance(value, datetime.datetime):
        value = value.time()
    if isinstance(value, float) and 0 < value < 1:
        minutes = round(value * 24 * 60)
        value = datetime.time(minutes // 60, minutes % 60)
    if isinstance(value, datetime.time):
        cell.start = value.replace(second=0, microsecond=0)
        cell.conflict = bool(session) and _session_of(cell.start) != session
        return cell
    text = fold(value)
    if not text:
        return cell
    if _ALL_DAY.match(text):
        cell.all_day, cell.session = True, session or MORNING
        return cell
    if _TO_BE_ANNOUNCED.match(text):
        cell.time_note = str(value).strip()[:255]
        return cell
    said = next((s for pattern, s in _SESSIONS if pattern.search(text)), "")
    pm = bool(re.search(r"\b(pm|p\.m\.)(?![a-z])", text))
    times = _TIME.findall(text)
    if not times and said and not re.search(r"\d", text):
        cell.session = session or said
        cell.conflict = bool(session) and said != session
        return cell
    if not times:
        raise ValueError(text)
    heard = said or session
    results = [_shift(hour, minute, heard, pm) for hour, minute in times[:2]]
    cell.start = results[0][0]
    cell.end = results[1][0] if len(results) > 1 else None
    if said and not session:
        cell.session = said
    cell.conflict = any(contradicts for _time, contradicts in results) or bool(
        session and said and said != session
    )
    if session and not cell.conflict and _session_of(cell.start) != session:
        cell.conflict = True
    return cell


def _session_of(value):
    if value < datetime.time(12, 0):
        return MORNING
    if value < datetime.time(18, 0):
        return AFTERNOON
    return EVENING


_TITLE_DATES = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{4}))?")


def week_from_title(text):
    """``(start, end)`` from a title such as "(Từ ngày 07/12/2026 đến ngày 13/12/2026)", or
    "Tuần 50 (07/12 - 13/12/2026)"; None when the text names no week."""
    folded = fold(text)
    if not re.search(r"\b(tu ngay|tuan|lich|week|from)\b", folded):
        return None
    found = _TITLE_DATES.findall(folded)
    if len(found) < 2 or not found[1][2]:
        return None
    try:
        end = datetime.date(int(found[1][2]), int(found[1][1]), int(found[1][0]))
        year = int(found[0][2]) if found[0][2] else end.year
        start = datetime.date(year, int(found[0][1]), int(found[0][0]))
        if start > end and not found[0][2]:
            start = start.replace(year=year - 1)
    except ValueError:
        return None
    if not datetime.timedelta(0) <= end - start <= datetime.timedelta(days=31):
        return None
    return start, end
