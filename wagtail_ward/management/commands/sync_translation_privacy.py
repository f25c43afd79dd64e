from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import PageViewRestriction

from wagtail_ward.privacy import sync_all


def describe(change):
    """One line per page: what happens to it, and which page it follows."""
    if change.action == "made public":
        action = _("made public")
    else:
        action = str(dict(PageViewRestriction.RESTRICTION_CHOICES)[change.restriction_type])
    return _(
        "%(page)s [%(language)s] (id %(id)s): %(action)s, as %(source)s (id %(source_id)s)"
    ) % {
        "page": change.page.title,
        "language": change.page.locale.language_code,
        "id": change.page.pk,
        "action": action,
        "source": change.source.title,
        "source_id": change.source.pk,
    }


class Command(BaseCommand):
    help = (
        "Give every translation (and alias) of a page the view restriction of the page in the "
        "default language, so that no page is private in one language and public in another. "
        "Run it once after upgrading; from then on privacy follows translations by itself."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print what would change, and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        changes = sync_all(dry_run=dry_run)
        for change in changes:
            self.stdout.write(describe(change))
        count = len(changes)
        if dry_run:
            summary = ngettext(
                "%(count)d page would change (dry run: nothing was changed).",
                "%(count)d pages would change (dry run: nothing was changed).",
                count,
            )
        else:
            summary = ngettext("%(count)d page changed.", "%(count)d pages changed.", count)
        self.stdout.write(self.style.SUCCESS(summary % {"count": count}))
