"""List the strings of the installed Wagtail and wagtail-localize that have no Vietnamese."""

from django.core.management.base import BaseCommand, CommandError

from ...admin_locale.coverage import counts, missing


class Command(BaseCommand):
    help = (
        "List the msgids of the installed Wagtail and wagtail-localize apps that the admin "
        "cannot show in Vietnamese (run it after an upgrade). Exits with 1 when there are any."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", default="vi")

    def handle(self, *args, language, **options):
        total = counts(language)
        lacking = missing(language)
        for (label, domain), number in sorted(total.items()):
            gaps = lacking.get((label, domain), [])
            self.stdout.write(f"{label} ({domain}): {number - len(gaps)} of {number} translated")
            for entry in gaps:
                context = f" (context {entry.msgctxt!r})" if entry.msgctxt else ""
                self.stdout.write(f"  - {entry.msgid!r}{context}")
        if lacking:
            count = sum(len(gaps) for gaps in lacking.values())
            raise CommandError(
                f"{count} strings have no {language} translation: add them to "
                "wagtail_ward/admin_locale/vi/ and run `make messages`."
            )
