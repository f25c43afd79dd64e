"""``manage.py import_procedures INDEX_ID FILE [--dry-run] [--draft] [--partial]``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Page

from ...importers import ProcedureImportError, import_procedures
from ...models import ProcedureIndexPageMixin


def procedure_index(page_id):
    page = Page.objects.filter(pk=page_id).first()
    page = page.specific if page is not None else None
    if not isinstance(page, ProcedureIndexPageMixin):
        raise CommandError(_("Page %(id)s is not a procedure index page.") % {"id": page_id})
    return page


class Command(BaseCommand):
    help = (
        "Import procedures from a .json or .xlsx file into a procedure index page: new codes are "
        "created, changed procedures get a new revision, unchanged ones are left alone. Nothing "
        "is written when any record fails (unless --partial)."
    )

    def add_arguments(self, parser):
        parser.add_argument("index_id", type=int, help="The id of the procedure index page.")
        parser.add_argument("file", help="A .json or .xlsx file (docs/procedures-import.md).")
        parser.add_argument("--dry-run", action="store_true", help="Only report what would change.")
        parser.add_argument("--draft", action="store_true", help="Save drafts, do not publish.")
        parser.add_argument(
            "--partial", action="store_true", help="Import the valid records, report the others."
        )

    def handle(self, *args, index_id, file, dry_run, draft, partial, **options):
        index = procedure_index(index_id)
        path = Path(file)
        if not path.is_file():
            raise CommandError(_("There is no file %(file)s.") % {"file": file})
        try:
            result = import_procedures(
                index,
                path.name,
                path.read_bytes(),
                dry_run=dry_run,
                publish=not draft,
                partial=partial,
            )
        except ProcedureImportError as error:
            for message in error.errors:
                self.stderr.write(message)
            raise CommandError(
                _("Nothing was imported: %(count)s problems.") % {"count": len(error.errors)}
            ) from None
        for message in result.failed:
            self.stderr.write(message)
        prefix = _("Dry run: ") if dry_run else ""
        self.stdout.write(prefix + result.summary())
