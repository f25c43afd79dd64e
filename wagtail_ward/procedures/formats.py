"""Reading and writing the procedure files: JSON and .xlsx (docs/procedures-import.md).

Both formats hold the same lists: ``sectors``, ``agencies`` and ``procedures`` (records with
nested ``steps``, ``methods``, ``dossier`` and ``legal_basis``). In a spreadsheet each list is a
sheet whose first row names the fields, and the nested lists are sheets of their own with a
``code`` column naming the procedure. The readers return plain data and where each record was
found ("record 3", "sheet “dossier”, row 7"); checking the values is the importer's work.
"""

import datetime
import io
import json
import zipfile

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

FORMAT_NAME = "wagtail-ward-procedures"
FORMAT_VERSION = 1
NESTED = ("steps", "methods", "dossier", "legal_basis")
SHEET_COLUMNS = {
    "sectors": ("name", "slug", "sort_order"),
    "agencies": ("name", "address", "phone"),
    "steps": ("code", "text"),
    "methods": ("code", "channel", "processing_time", "fee", "description"),
    "dossier": ("code", "case", "name", "originals", "copies", "required", "template"),
    "legal_basis": ("code", "number", "title", "date", "issuer"),
}


class ProcedureFileError(Exception):
    """The file cannot be read at all; ``errors`` lists messages."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


class Located(dict):
    """A record (a dict) that remembers where it was found in the file."""

    where = ""


def _located(values, where):
    record = Located(values)
    record.where = where
    return record


def read_file(name, data):
    """``{"sectors": [...], "agencies": [...], "procedures": [...]}`` from a file's bytes."""
    lowered = (name or "").lower()
    if lowered.endswith(".json"):
        return read_json(data)
    if lowered.endswith(".xlsx"):
        return read_xlsx(data)
    raise ProcedureFileError(
        [_("Use a .json or .xlsx file (a .xlsm file with macros is refused).")]
    )


def read_json(data):
    if b"\x00" in data:
        raise ProcedureFileError([_("The file contains a NUL character.")])
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ProcedureFileError([_("The file is not UTF-8 text.")]) from None
    except json.JSONDecodeError as error:
        raise ProcedureFileError(
            [
                _("The JSON is broken at line %(line)s, column %(column)s: %(reason)s.")
                % {"line": error.lineno, "column": error.colno, "reason": error.msg}
            ]
        ) from None
    except RecursionError:
        raise ProcedureFileError([_("The JSON is nested too deeply.")]) from None
    if not isinstance(content, dict) or not isinstance(content.get("procedures"), list):
        raise ProcedureFileError([_("The JSON must be an object with a list “procedures”.")])
    result = {}
    for key, label in (("sectors", _("sector")), ("agencies", _("agency")), ("procedures", None)):
        items = content.get(key) or []
        if not isinstance(items, list):
            raise ProcedureFileError([_("“%(key)s” must be a list.") % {"key": key}])
        result[key] = []
        for number, item in enumerate(items, start=1):
            where = (
                _("record %(number)s") % {"number": number}
                if label is None
                else _("%(label)s %(number)s") % {"label": label, "number": number}
            )
            if not isinstance(item, dict):
                raise ProcedureFileError([_("%(where)s is not an object.") % {"where": where}])
            result[key].append(_located(item, where))
    return result


def read_xlsx(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        raise ProcedureFileError([_("The file is not a readable .xlsx spreadsheet.")]) from None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise ProcedureFileError(
            [_("The spreadsheet contains macros: save it as .xlsx without them.")]
        )
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise ProcedureFileError([_("The file is not a readable .xlsx spreadsheet.")]) from None
    sheets = {sheet.title: sheet for sheet in workbook.worksheets}
    if "procedures" not in sheets:
        raise ProcedureFileError([_("The spreadsheet needs a sheet named “procedures”.")])
    tables = {}
    errors = []
    for title, sheet in sheets.items():
        rows = list(sheet.iter_rows())
        if not rows:
            tables[title] = []
            continue
        header = [str(cell.value).strip() if cell.value is not None else "" for cell in rows[0]]
        table = []
        for number, cells in enumerate(rows[1:], start=2):
            if all(cell.value is None or cell.value == "" for cell in cells):
                continue
            where = _("sheet “%(sheet)s”, row %(row)s") % {"sheet": title, "row": number}
            values = {}
            for column, found in zip(header, cells, strict=False):
                cell = found.value
                if found.data_type == "f":
                    errors.append(
                        _("%(where)s, column “%(column)s”: formulas are not accepted.")
                        % {"where": where, "column": column}
                    )
                    continue
                if column:
                    values[column] = "" if cell is None else cell
                elif cell not in (None, ""):
                    values[""] = cell
            table.append(_located(values, where))
        tables[title] = table
    workbook.close()
    if errors:
        raise ProcedureFileError(errors)
    return _assemble(tables)


def _assemble(tables):
    """Nested sheets joined to their procedures by ``code``, in the order of their rows."""
    procedures = tables.get("procedures", [])
    by_code = {}
    for record in procedures:
        for key in NESTED:
            record[key] = []
        code = str(record.get("code", "")).strip()
        by_code.setdefault(code, record)
    errors = []
    for key in NESTED:
        for row in tables.get(key, []):
            code = str(row.pop("code", "")).strip()
            if code not in by_code:
                errors.append(
                    _("%(where)s, column “code”: no procedure has the code “%(code)s”.")
                    % {"where": row.where, "code": code}
                )
                continue
            by_code[code][key].append(row["text"] if key == "steps" and "text" in row else row)
    if errors:
        raise ProcedureFileError(errors)
    return {
        "sectors": tables.get("sectors", []),
        "agencies": tables.get("agencies", []),
        "procedures": procedures,
    }


def write_json(content):
    return json.dumps(
        {"format": FORMAT_NAME, "version": FORMAT_VERSION, **content},
        ensure_ascii=False,
        indent=2,
    ).encode()


def write_xlsx(content, procedure_columns):
    """The same content as a workbook: one sheet per list (``procedure_columns`` first)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "procedures"
    _write_rows(
        sheet,
        procedure_columns,
        ([record.get(column) for column in procedure_columns] for record in content["procedures"]),
    )
    for key in ("sectors", "agencies"):
        columns = SHEET_COLUMNS[key]
        _write_rows(
            workbook.create_sheet(key),
            columns,
            ([item.get(column) for column in columns] for item in content[key]),
        )
    for key in NESTED:
        columns = SHEET_COLUMNS[key]
        rows = []
        for record in content["procedures"]:
            for item in record[key]:
                item = {"text": item} if key == "steps" else item
                rows.append([record["code"], *(item.get(c) for c in columns[1:])])
        _write_rows(workbook.create_sheet(key), columns, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_rows(sheet, columns, rows):
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_cell(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
    for cell in sheet[1]:
        sheet.column_dimensions[cell.column_letter].width = 24


def _cell(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
