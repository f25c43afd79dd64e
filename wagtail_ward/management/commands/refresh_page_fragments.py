from django.core.management.base import BaseCommand

from wagtail_ward.fragments import bump_content_version


class Command(BaseCommand):
    help = (
        "Retire every page fragment cached ({% ward_cache %}), in every process. Run it "
        "after deploying changed templates, or after changing published content with raw SQL "
        "or QuerySet.update(); saves, publishes and deletions retire them by themselves."
    )

    def handle(self, *args, **options):
        bump_content_version()
        self.stdout.write(
            self.style.SUCCESS("Cached page fragments retired: the next requests render afresh.")
        )
