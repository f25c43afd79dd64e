"""What an import may cost, and the two ways it stops: a refused file or rows that are wrong."""

import time

from django.utils.translation import gettext as _

from ...conf import ward_setting


class ScheduleImportError(Exception):
    """The spreadsheet cannot be imported; ``errors`` lists ``(row, column, message)``."""

    def __init__(self, errors):
        super().__init__("; ".join(message for _row, _column, message in errors))
        self.errors = errors


def refuse(message):
    """A ScheduleImportError for the whole file (no row, no column)."""
    return ScheduleImportError([(None, None, message)])


def max_rows():
    return int(ward_setting("SCHEDULE_IMPORT_MAX_ROWS"))


def max_upload_bytes():
    return int(ward_setting("SCHEDULE_IMPORT_MAX_UPLOAD_BYTES"))


def max_uncompressed_bytes():
    return int(ward_setting("SCHEDULE_IMPORT_MAX_UNCOMPRESSED_BYTES"))


def too_many_rows():
    limit = max_rows()
    return refuse(
        _(
            "The file has more than %(limit)s rows of entries, the most one import takes "
            "(setting SCHEDULE_IMPORT_MAX_ROWS). Split it into one file per week."
        )
        % {"limit": limit}
    )


def megabytes(size):
    return f"{size / (1024 * 1024):.0f} MB"


class Budget:
    """The time one import may spend; ``check()`` refuses the file once it is spent."""

    def __init__(self, seconds=None):
        self.seconds = float(
            ward_setting("SCHEDULE_IMPORT_SECONDS") if seconds is None else seconds
        )
        self.deadline = time.monotonic() + self.seconds

    def check(self):
        if time.monotonic() > self.deadline:
            raise refuse(
                _(
                    "Reading the file took longer than %(seconds)s seconds, the limit of one "
                    "import (setting SCHEDULE_IMPORT_SECONDS). Upload a smaller file."
                )
                % {"seconds": f"{self.seconds:g}"}
            )
