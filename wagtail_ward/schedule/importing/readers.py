"""The sheets of an uploaded file (.xlsx, .ods or .csv), read within the import's limits.

Nothing a file says about itself is trusted: an .xlsx or .ods is opened only when everything
it holds unpacks within SCHEDULE_IMPORT_MAX_UNCOMPRESSED_BYTES (a zip stops unpacking a member
at its declared size), the dimensions a sheet declares are ignored (rows are read as they come,
at most MAX_COLUMNS wide), reading stops once a sheet holds more rows than an import may bring,
and the time budget is checked as rows are read.
"""

import csv
import datetime
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .limits import (
    Budget,
    ScheduleImportError,
    max_rows,
    max_uncompressed_bytes,
    max_upload_bytes,
    megabytes,
    refuse,
    too_many_rows,
)

# Columns read from each row; an office's table has ten at most.
MAX_COLUMNS = 30
# Rows of titles, footers and signatures a sheet may hold besides its entries.
EXTRA_ROWS = 100
# A run of this many empty rows ends a sheet (a stray cell far below is not read).
EMPTY_RUN = 2000
# A sheet that declares more rows than this many times the import's rows, or more columns
# than this, is refused without being read.
DECLARED_ROWS_FACTOR = 20
DECLARED_COLUMNS = 1000
OLE_MAGIC = b"\xd0\xcf\x11\xe0"
ODS_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


@dataclass
class Sheet:
    """One sheet: its name and its rows as ``(row_number, [cells])``, empty rows left out."""

    name: str
    rows: list = field(default_factory=list)


def xls_message():
    return _(
        "The old Excel format (.xls) is not read. Open the file in Excel or LibreOffice, "
        "choose File › Save As › “Excel Workbook (.xlsx)” and upload the .xlsx file."
    )


def read_sheets(uploaded, budget=None):
    """The sheets of ``uploaded`` (a Django upload or any file with ``name`` and ``read``)."""
    budget = budget or Budget()
    name = (getattr(uploaded, "name", "") or "").lower()
    data = uploaded.read(max_upload_bytes() + 1)
    if len(data) > max_upload_bytes():
        raise refuse(
            _("The file is larger than %(size)s (setting SCHEDULE_IMPORT_MAX_UPLOAD_BYTES).")
            % {"size": megabytes(max_upload_bytes())}
        )
    if name.endswith(".xls") or data.startswith(OLE_MAGIC):
        raise refuse(xls_message())
    if name.endswith((".csv", ".txt")):
        return [Sheet(name="CSV", rows=_csv_rows(data, budget))]
    if name.endswith((".xlsx", ".xlsm")):
        return _xlsx_sheets(_checked_zip(data, ".xlsx"), data, budget)
    if name.endswith(".ods"):
        return _ods_sheets(_checked_zip(data, ".ods"), budget)
    raise refuse(_("Upload a .xlsx, .ods or .csv file."))


class _RowCounter:
    """Keeps the non-empty rows of a sheet, refusing the file past the limit."""

    def __init__(self, budget):
        self.budget = budget
        self.limit = max_rows() + EXTRA_ROWS
        self.rows = []
        self.last = 0

    def add(self, number, cells):
        """Keep the row if it has text; False once a long run of empty rows ends the sheet."""
        if number % 500 == 0:
            self.budget.check()
        cells = [_clean(cell) for cell in list(cells)[:MAX_COLUMNS]]
        if any(cell not in (None, "") for cell in cells):
            if len(self.rows) >= self.limit:
                raise too_many_rows()
            while cells and cells[-1] in (None, ""):
                cells.pop()
            self.rows.append((number, cells))
            self.last = number
            return True
        return number - self.last < EMPTY_RUN


def _clean(cell):
    if isinstance(cell, str):
        cell = unicodedata.normalize("NFC", cell.replace("\r\n", "\n")).strip()
        return cell or None
    return cell


def decode_csv(data):
    """The text of a CSV file: UTF-8 (with or without BOM), UTF-16, else the detected code page
    (Windows-1258 for Vietnamese Windows, Windows-1252 for Western Windows)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # UTF-16 without a BOM: every other byte of Latin text is zero.
    sample = data[:4096]
    if sample and sample[1::2].count(0) > len(sample) // 4:
        return data.decode("utf-16-le", errors="replace")
    if sample and sample[0::2].count(0) > len(sample) // 4:
        return data.decode("utf-16-be", errors="replace")
    best = from_bytes(data[:65536], cp_isolation=["cp1258", "cp1252"]).best()
    encoding = best.encoding if best is not None else "cp1258"
    return data.decode(encoding, errors="replace")


def sniff_delimiter(text):
    """The delimiter (comma, semicolon or tab) that splits the first lines most evenly."""
    lines = text.splitlines()[:30]
    best, best_score = ",", -1
    for delimiter in (",", ";", "\t"):
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delimiter) if row]
        except csv.Error:
            continue
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = widths.count(common) * (common > 1) + sum(width > 1 for width in widths)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(data, budget):
    text = decode_csv(data).replace("\x00", "")
    counter = _RowCounter(budget)
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(text))
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if not counter.add(number, cells):
                break
    except csv.Error as error:
        raise refuse(
            _("Row %(row)s: the CSV file cannot be read (%(reason)s).")
            % {"row": number + 1, "reason": error}
        ) from error
    return counter.rows


def _checked_zip(data, kind):
    """The zip archive of an .xlsx or .ods, refused when it is none or unpacks too large."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise refuse(
            _(
                "The file is not a readable %(kind)s spreadsheet. Open it in Excel or "
                "LibreOffice and save it as “Excel Workbook (.xlsx)”."
            )
            % {"kind": kind}
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise refuse(
            _("The file is not a readable %(kind)s spreadsheet.") % {"kind": kind}
        ) from error
    unpacked = sum(member.file_size for member in members)
    if unpacked > max_uncompressed_bytes() or len(members) > 1000:
        raise refuse(
            _(
                "The file unpacks to more than %(size)s, the most an import reads (setting "
                "SCHEDULE_IMPORT_MAX_UNCOMPRESSED_BYTES). A week's schedule is far smaller: "
                "save it again from Excel without images or extra sheets."
            )
            % {"size": megabytes(max_uncompressed_bytes())}
        )
    return archive


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _count_rows(archive, budget):
    """Refuse a workbook with a sheet of too many rows before openpyxl reads it (a sheet
    without a declared dimension is read whole when the workbook is opened)."""
    limit = max_rows() * DECLARED_ROWS_FACTOR
    for member in archive.infolist():
        if not re.match(r"xl/worksheets/[^/]+\.xml$", member.filename):
            continue
        count, tail = 0, b""
        with archive.open(member) as stream:
            while chunk := stream.read(1024 * 1024):
                budget.check()
                block = tail + chunk
                count += len(_ROW_TAG.findall(block)) - len(_ROW_TAG.findall(tail))
                tail = block[-16:]
                if count > limit:
                    raise too_many_rows()


def _xlsx_sheets(archive, data, budget):
    try:
        _count_rows(archive, budget)
    finally:
        archive.close()
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise refuse(_("The file is not a readable .xlsx spreadsheet.")) from error
    sheets = []
    try:
        for worksheet in workbook.worksheets:
            budget.check()
            # A 1.6 KB file may declare a million rows by 16,384 columns: such a sheet is
            # refused unread, and the dimensions of any other are not used to read it.
            _check_declared(worksheet)
            worksheet.reset_dimensions()
            counter = _RowCounter(budget)
            rows = worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
            for number, cells in enumerate(rows, start=1):
                if not counter.add(number, cells):
                    break
            sheets.append(Sheet(name=worksheet.title, rows=counter.rows))
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError) as error:
        raise refuse(_("The file is not a readable .xlsx spreadsheet.")) from error
    finally:
        workbook.close()
    return sheets


def _check_declared(worksheet):
    rows, columns = worksheet.max_row or 0, worksheet.max_column or 0
    if rows > max_rows() * DECLARED_ROWS_FACTOR or columns > DECLARED_COLUMNS:
        raise refuse(
            _(
                "The sheet “%(sheet)s” declares %(rows)s rows and %(columns)s columns; an import "
                "reads at most %(limit)s rows of entries (setting SCHEDULE_IMPORT_MAX_ROWS) in "
                "a sheet of at most %(most_rows)s rows and %(most_columns)s columns."
            )
            % {
                "sheet": worksheet.title,
                "rows": f"{rows:,}",
                "columns": f"{columns:,}",
                "limit": max_rows(),
                "most_rows": f"{max_rows() * DECLARED_ROWS_FACTOR:,}",
                "most_columns": DECLARED_COLUMNS,
            }
        )


def _ods_value(cell):
    kind = cell.get(f"{{{ODS_NS['office']}}}value-type")
    if kind == "date":
        text = cell.get(f"{{{ODS_NS['office']}}}date-value", "")
        try:
            return datetime.datetime.fromisoformat(text)
        except ValueError:
            pass
    elif kind == "time":
        match = re.match(r"PT(\d+)H(\d+)M", cell.get(f"{{{ODS_NS['office']}}}time-value", ""))
        if match and int(match[1]) < 24:
            return datetime.time(int(match[1]), int(match[2]))
    elif kind in ("float", "percentage", "currency"):
        try:
            return float(cell.get(f"{{{ODS_NS['office']}}}value", ""))
        except ValueError:
            pass
    paragraphs = cell.findall(f"{{{ODS_NS['text']}}}p")
    return "\n".join("".join(p.itertext()) for p in paragraphs) or None


def _ods_sheets(archive, budget):
    """The sheets of an OpenDocument spreadsheet, streamed from its content.xml."""
    table, row_tag = f"{{{ODS_NS['table']}}}table", f"{{{ODS_NS['table']}}}table-row"
    repeat_rows = f"{{{ODS_NS['table']}}}number-rows-repeated"
    repeat_cols = f"{{{ODS_NS['table']}}}number-columns-repeated"
    sheets, counter, number, stopped = [], None, 0, False
    try:
        with archive.open("content.xml") as content:
            for event, element in iterparse(content, events=("start", "end")):
                if element.tag == table and event == "start":
                    sheet = Sheet(name=element.get(f"{{{ODS_NS['table']}}}name", ""))
                    counter, number, stopped = _RowCounter(budget), 0, False
                    sheets.append(sheet)
                elif element.tag == table:
                    sheet.rows = counter.rows
                    element.clear()
                elif element.tag == row_tag and event == "end" and counter is not None:
                    cells = []
                    for cell in element:
                        times = min(int(cell.get(repeat_cols, "1") or 1), MAX_COLUMNS)
                        cells.extend([_ods_value(cell)] * times)
                        if len(cells) >= MAX_COLUMNS:
                            break
                    times = int(element.get(repeat_rows, "1") or 1)
                    filled = any(value not in (None, "") for value in cells)
                    for _repeat in range(min(times, max_rows() + EXTRA_ROWS + 1) if filled else 1):
                        number += 1
                        if not stopped and not counter.add(number, cells):
                            stopped = True
                    if not filled:
                        number += times - 1
                    element.clear()
    except ScheduleImportError:
        raise
    except Exception as error:  # a damaged content.xml raises parser errors of several kinds
        raise refuse(_("The file is not a readable .ods spreadsheet.")) from error
    return sheets
