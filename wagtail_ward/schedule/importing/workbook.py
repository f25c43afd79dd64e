"""A whole upload read for a schedule (every sheet with a table), and its rows saved as entries.

``read_workbook`` writes nothing: it returns plain data for the preview. ``build_entries`` and
``save_entries`` turn the rows the editor confirmed into a new draft revision.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Leader
from .leaders import LeaderMatcher
from .limits import Budget, ScheduleImportError, max_rows, too_many_rows
from .readers import read_sheets
from .tables import TableReader, cell_text


def read_workbook(uploaded, schedule, budget=None):
    """``{"sheets": [...]}`` for ``schedule``; raises ScheduleImportError listing every problem.

    Each sheet with a table becomes one item: its name, its week (from its title, else the
    schedule's), the rows as understood, the rows skipped and the warnings.
    """
    budget = budget or Budget()
    sheets = read_sheets(uploaded, budget)
    matcher = LeaderMatcher(Leader.objects.filter(locale_id=schedule.locale_id))
    readers = []
    for sheet in sheets:
        budget.check()
        if not sheet.rows:
            continue
        reader = TableReader(sheet, schedule.start_date, schedule.end_date, matcher).read()
        if reader is not None:
            readers.append(reader)
    if not readers:
        first = next((sheet.rows[0][0] for sheet in sheets if sheet.rows), None)
        if first is None:
            raise ScheduleImportError([(None, None, _("The spreadsheet is empty."))])
        raise ScheduleImportError(
            [
                (
                    first,
                    None,
                    _(
                        "Row %(row)s: no header row with the columns “Ngày” (Date) and "
                        "“Nội dung” (Content) was found in the first rows of any sheet."
                    )
                    % {"row": first},
                )
            ]
        )
    if sum(len(reader.entries) for reader in readers) > max_rows():
        raise too_many_rows()
    errors = []
    for reader in readers:
        for number, column, message in sorted(reader.errors, key=lambda e: e[0] or 0):
            if len(readers) > 1:
                message = _("Sheet “%(sheet)s”: %(message)s") % {
                    "sheet": reader.sheet.name,
                    "message": message,
                }
            errors.append((number, column, str(message)))
    if errors:
        raise ScheduleImportError(errors)
    return {"sheets": [reader.result() for reader in readers]}


def unmatched_leaders(result):
    """The names of presiding people no leader matched, in the order they appear."""
    names = []
    for sheet in result["sheets"]:
        for entry in sheet["entries"]:
            if entry["new_leader"] and entry["new_leader"] not in names:
                names.append(entry["new_leader"])
    return names


def create_leaders(names, locale_id):
    """New Leader snippets for the names the editor ticked: ``{name: leader}``."""
    created = {}
    for name in names:
        leader = Leader.objects.filter(locale_id=locale_id, name=name).first()
        created[name] = leader or Leader.objects.create(name=name[:255], locale_id=locale_id)
    return created


def build_entries(schedule, rows, new_leaders=None):
    """Unsaved entries of ``schedule`` from confirmed rows; ``new_leaders`` maps names."""
    new_leaders = new_leaders or {}
    ids = {row["leader_id"] for row in rows if row["leader_id"]}
    leaders = Leader.objects.in_bulk(ids) if ids else {}
    entries = []
    for row in rows:
        leader = leaders.get(row["leader_id"]) or new_leaders.get(row["new_leader"])
        entries.append(
            schedule.entry_model()(
                date=datetime.date.fromisoformat(row["date"]),
                start_time=_time(row["start_time"]),
                end_time=_time(row["end_time"]),
                session=row["session"],
                all_day=row["all_day"],
                time_note=row["time_note"],
                content=row["content"],
                leader=leader,
                presiding="" if leader else row["presiding"],
                participants=row["participants"],
                location=row["location"],
                preparing_unit=row["preparing_unit"],
                note=row["note"],
                locale_id=schedule.locale_id,
            )
        )
    return entries


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


def save_entries(schedule, entries, user=None, replace=True):
    """Put ``entries`` into ``schedule``'s latest draft and save a revision (one transaction)."""
    with transaction.atomic():
        page = schedule.get_latest_revision_as_object()
        kept = [] if replace else list(page.entries.all())
        for position, entry in enumerate([*kept, *entries]):
            entry.sort_order = position
        page.entries = [*kept, *entries]
        return page.save_revision(user=user, log_action=True)


def import_entries(schedule, uploaded, user=None, replace=True):
    """Read ``uploaded`` and import its first sheet into ``schedule`` without a preview (for
    scripts and the shell). Raises ScheduleImportError; returns the new revision."""
    result = read_workbook(uploaded, schedule)
    sheet = result["sheets"][0]
    return save_entries(schedule, build_entries(schedule, sheet["entries"]), user, replace)


def draft_entry_count(schedule):
    return len(schedule.get_latest_revision_as_object().entries.all())


def describe_time(entry):
    """How the preview shows an understood time: "07:30 – 11:30", "All day", the note."""
    if entry["all_day"]:
        return _("All day")
    if entry["start_time"]:
        return entry["start_time"] + (f" – {entry['end_time']}" if entry["end_time"] else "")
    return entry["time_note"] or cell_text(entry.get("time_text"))
