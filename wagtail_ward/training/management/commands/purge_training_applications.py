"""``manage.py purge_training_applications [--days N] [--dry-run]``: remove the personal data
of applications to programmes that closed more than N days ago.

Names, dates of birth, contact details, posts, notes and uploaded documents go; the status,
degree grade, age and flags of each application stay, so the numbers (received, eligible,
selected, rejected) can still be counted. Run it daily, e.g. from cron.
"""

import datetime

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail_ward.dates import ward_today
from wagtail_ward.training.conf import training_setting
from wagtail_ward.training.models import TrainingApplication, TrainingProgrammePageMixin


class Command(BaseCommand):
    help = "Remove applicants' personal data a set time after their programme closed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days after the closing date (default: WAGTAIL_WARD['TRAINING_PURGE_DAYS']).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count, change nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = training_setting("TRAINING_PURGE_DAYS") if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cutoff = ward_today() - datetime.timedelta(days=days)
        keys = set()
        for model in apps.get_models():
            if issubclass(model, TrainingProgrammePageMixin):
                keys.update(
                    model.objects.filter(applications_close__lt=cutoff).values_list(
                        "translation_key", flat=True
                    )
                )
        due = TrainingApplication.objects.filter(programme_key__in=keys, purged_at__isnull=True)
        count = due.count()
        if not dry_run:
            for application in due.iterator():
                with transaction.atomic():
                    application.purge_personal_data()
        verb = "Would remove" if dry_run else "Removed"
        self.stdout.write(
            f"{verb} the personal data of {count} applications "
            f"(programmes closed before {cutoff.isoformat()})."
        )
