from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class UnitProfile(TranslatableMixin, index.Indexed, models.Model):
    """What a visitor reads about the unit (ward or district), in each language.

    Chosen by the site settings; wagtail-localize translates it like any snippet.
    """

    name = models.CharField(
        _("unit name"),
        max_length=255,
        help_text=_("The ward or district as visitors know it, e.g. “Phường Lạc Viên”."),
    )
    governing_body = models.CharField(
        _("governing body"),
        max_length=255,
        help_text=_("Shown in the footer of every page, e.g. “Ủy ban nhân dân phường Lạc Viên”."),
    )
    parent_unit_name = models.CharField(
        _("parent unit"),
        max_length=255,
        blank=True,
        help_text=_("The district (or city) above this unit, e.g. “Quận Ngô Quyền”."),
    )
    address = models.CharField(
        _("address"),
        max_length=500,
        blank=True,
        help_text=_("The office address as it should appear in the footer."),
    )
    office_hours = models.CharField(
        _("office hours"),
        max_length=255,
        blank=True,
        help_text=_("When citizens can come to the office, e.g. “Thứ hai – Thứ sáu, 7:30–17:00”."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("governing_body"),
        FieldPanel("parent_unit_name"),
        FieldPanel("address"),
        FieldPanel("office_hours"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("unit profile")
        verbose_name_plural = _("unit profiles")

    def __str__(self):
        return self.name
