from django.core.management.base import BaseCommand

from wagtail_ward.registry import rebuild_item_index


class Command(BaseCommand):
    help = (
        "Index every live page of the registered page families again, for the latest-items "
        "lists. Run it after installing a new family on a site that already has its pages, or "
        "after changing pages with raw SQL or QuerySet.update()."
    )

    def handle(self, *args, **options):
        count = rebuild_item_index()
        self.stdout.write(self.style.SUCCESS(f"{count} items indexed."))
