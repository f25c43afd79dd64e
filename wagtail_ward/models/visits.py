from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _


class DailyVisitCountQuerySet(models.QuerySet):
    def record_visit(self, site, day):
        """Add one visit to ``site`` on ``day``, exactly, under any number of concurrent requests.

        An atomic ``UPDATE … SET count = count + 1``; the first visit of a day inserts the row,
        and a concurrent insert that loses the race falls back to the update.
        """
        if self.filter(site=site, date=day).update(count=F("count") + 1):
            return
        try:
            with transaction.atomic():
                self.create(site=site, date=day, count=1)
        except IntegrityError:
            self.filter(site=site, date=day).update(count=F("count") + 1)

    def total_for(self, site):
        return self.filter(site=site).aggregate(total=Sum("count"))["total"] or 0


class DailyVisitCount(models.Model):
    """Number of visits to one site on one day. No address, cookie or agent is stored."""

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("site"), on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField(_("date"))
    count = models.PositiveIntegerField(_("visits"), default=0)

    objects = DailyVisitCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("daily visit count")
        verbose_name_plural = _("daily visit counts")
        constraints = [
            models.UniqueConstraint(fields=["site", "date"], name="wagtail_ward_one_count_per_day")
        ]
        ordering = ["-date"]

    def __str__(self):
        return f"{self.site} {self.date}: {self.count}"
