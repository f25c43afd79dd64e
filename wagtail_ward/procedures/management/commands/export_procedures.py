"""``manage.py export_procedures INDEX_ID FILE``: the procedures of an index as .json or .xlsx."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ...importers import export_procedures
from .import_procedures import procedure_index


class Command(BaseCommand):
    help = "Export the procedures of a procedure index page to a .json or .xlsx file."

    def add_arguments(self, parser):
        parser.add_argument("index_id", type=int, help="The id of the procedure index page.")
        parser.add_argument("file", help="The file to write; its suffix chooses the format.")

    def handle(self, *args, index_id, file, **options):
        index = procedure_index(index_id)
        suffix = Path(file).suffix.lower().lstrip(".")
        if suffix not in ("json", "xlsx"):
            raise CommandError(_("Use a .json or .xlsx file name."))
        Path(file).write_bytes(export_procedures(index, suffix))
        self.stdout.write(_("Exported to %(file)s.") % {"file": file})
