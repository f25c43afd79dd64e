"""The sectors (lĩnh vực) and implementing agencies (cơ quan thực hiện): translatable snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin


class ProcedureSector(TranslatableMixin, models.Model):
    """A sector of the national list, e.g. "Hộ tịch" (civil status), "Chứng thực"."""

    name = models.CharField(
        _("name"), max_length=255, help_text=_("As on the national portal, e.g. “Hộ tịch”.")
    )
    slug = models.SlugField(
        _("address"),
        max_length=255,
        allow_unicode=False,
        help_text=_("Letters, digits and hyphens, e.g. “ho-tich”; used in the filter address."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Sectors with a smaller number are listed first.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("procedure sector")
        verbose_name_plural = _("procedure sectors")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def api_representation(self):
        return {"id": self.pk, "name": self.name, "slug": self.slug}


class Agency(TranslatableMixin, models.Model):
    """The office that handles a procedure, e.g. "Ủy ban nhân dân phường"."""

    name = models.CharField(
        _("name"), max_length=255, help_text=_("E.g. “Ủy ban nhân dân phường Lạc Viên”.")
    )
    address = models.CharField(
        _("address"), max_length=255, blank=True, help_text=_("Where citizens find the office.")
    )
    phone = models.CharField(_("phone"), max_length=64, blank=True)

    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("phone")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("implementing agency")
        verbose_name_plural = _("implementing agencies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def api_representation(self):
        return {"id": self.pk, "name": self.name, "address": self.address, "phone": self.phone}
