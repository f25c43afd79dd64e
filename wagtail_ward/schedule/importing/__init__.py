"""Import a schedule's entries from the spreadsheets offices keep (.xlsx, .ods, .csv).

``readers`` opens the file within the limits, ``tables`` finds the table in each sheet and
reads its rows with the parsers of ``cells`` and the leader matching of ``leaders``;
``workbook`` puts it together and saves confirmed rows; ``template`` is the downloadable file.
docs/schedule.md lists every accepted form.
"""

from .cells import parse_day, parse_session, parse_time, week_from_title
from .leaders import LeaderMatcher, clean_name
from .limits import Budget, ScheduleImportError
from .readers import read_sheets
from .template import TEMPLATE_HEADERS, template_workbook
from .workbook import (
    build_entries,
    create_leaders,
    describe_time,
    draft_entry_count,
    import_entries,
    read_workbook,
    save_entries,
    unmatched_leaders,
)

__all__ = [
    "TEMPLATE_HEADERS",
    "Budget",
    "LeaderMatcher",
    "ScheduleImportError",
    "build_entries",
    "clean_name",
    "create_leaders",
    "describe_time",
    "draft_entry_count",
    "import_entries",
    "parse_day",
    "parse_session",
    "parse_time",
    "read_sheets",
    "read_workbook",
    "save_entries",
    "template_workbook",
    "unmatched_leaders",
    "week_from_title",
]
