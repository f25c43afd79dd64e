"""The leaders who preside over entries (a snippet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class Leader(TranslatableMixin, models.Model):
    """A leader who presides over entries: the chair, the deputy chairs, the party secretary."""

    name = models.CharField(
        _("name"), max_length=255, help_text=_("Full name, e.g. “Nguyễn Văn A”.")
    )
    position = models.CharField(
        _("position"),
        max_length=255,
        blank=True,
        help_text=_("Title in the office, e.g. “Chủ tịch UBND phường”."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Leaders with a smaller number are listed first.")
    )

    panels = [FieldPanel("name"), FieldPanel("position"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} – {self.position}" if self.position else self.name

    def api_representation(self):
        return {"id": self.pk, "name": self.name, "position": self.position}
