"""``manage.py purge_poll_ip_hashes [--days N]``: forget the address hash of old votes.

The vote itself stays counted; only the hash of the address it came from is removed. Run it
daily (cron or a scheduled task). The default age is ``WAGTAIL_WARD["POLL_IP_HASH_DAYS"]``.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wagtail_ward.conf import ward_setting
from wagtail_ward.models import PollVote


class Command(BaseCommand):
    help = "Remove the address hash of poll votes older than N days (votes stay counted)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Age in days (default: WAGTAIL_WARD['POLL_IP_HASH_DAYS']).",
        )

    def handle(self, *args, days=None, **options):
        days = ward_setting("POLL_IP_HASH_DAYS") if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        purged = PollVote.objects.filter(created_at__lt=cutoff, ip_hash__isnull=False).update(
            ip_hash=None
        )
        self.stdout.write(f"Removed the address hash of {purged} vote(s) older than {days} days.")
        return None
