"""Per-answer vote totals of a poll, kept up to date by the vote's own transaction.

A vote inserts its ``PollVote`` row and adds one to its answer's ``PollTotal`` in the same
transaction (``UPDATE ... SET votes = votes + 1``, atomic in the database), so the results are
read from a handful of rows instead of counting every vote. ``PollVote`` stays the record: the
totals can always be rebuilt from it (``wagtail_ward.polls.results.recount``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PollTotal(models.Model):
    """How many votes one answer of a poll's translation group has."""

    poll_key = models.UUIDField(
        _("poll"),
        help_text=_("The translation group of the poll: all its languages count together."),
    )
    choice_key = models.CharField(_("answer"), max_length=50)
    votes = models.PositiveIntegerField(_("votes"), default=0)

    class Meta:
        verbose_name = _("poll total")
        verbose_name_plural = _("poll totals")
        constraints = [
            models.UniqueConstraint(
                fields=["poll_key", "choice_key"], name="wagtail_ward_one_total_per_answer"
            )
        ]

    def __str__(self):
        return f"{self.poll_key} {self.choice_key}: {self.votes}"
