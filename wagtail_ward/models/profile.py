from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class UnitLevel(models.TextChoices):
    """Levels of Vietnamese local government, before and after the reform of 1 July 2025."""

    WARD = "ward", _("ward")
    COMMUNE = "commune", _("commune")
    SPECIAL_ZONE = "special_zone", _("special zone")
    TOWNSHIP = "township", _("township")
    URBAN_DISTRICT = "urban_district", _("urban district")
    RURAL_DISTRICT = "rural_district", _("rural district")
    TOWN = "town", _("town")
    CITY = "city", _("city")
    PROVINCE = "province", _("province")


# The menu label of a link to the parent unit's website when the profile names none.
PARENT_LINK_LABELS = {
    UnitLevel.URBAN_DISTRICT: _("District website"),
    UnitLevel.RURAL_DISTRICT: _("Rural district website"),
    UnitLevel.TOWN: _("Town website"),
    UnitLevel.CITY: _("City website"),
    UnitLevel.PROVINCE: _("Provincial portal"),
}


class UnitProfile(TranslatableMixin, index.Indexed, models.Model):
    """What a visitor reads about the unit (ward, commune, city …), in each language.

    Chosen by the site settings; wagtail-localize translates it like any snippet. The unit's
    level and its parent are data: a ward under a district (before the 2025 reform), a ward
    under its city or province (after it), a city or a district site itself.
    """

    name = models.CharField(
        _("unit name"),
        max_length=255,
        help_text=_(
            "The unit as visitors know it, e.g. “Phường Lạc Viên” or “Thành phố Hải Phòng”."
        ),
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=UnitLevel.choices,
        default=UnitLevel.WARD,
        help_text=_("What kind of unit this website belongs to."),
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
        help_text=_(
            "The unit directly above this one, e.g. “Thành phố Hải Phòng” for a ward since "
            "July 2025. Leave empty for a province or a centrally run city."
        ),
    )
    parent_level = models.CharField(
        _("level of the parent unit"),
        max_length=20,
        choices=UnitLevel.choices,
        blank=True,
        help_text=_("Chooses the label of the menu link to the parent unit's website."),
    )
    upper_unit_name = models.CharField(
        _("unit above the parent"),
        max_length=255,
        blank=True,
        help_text=_(
            "Only when the parent is not a province or city, e.g. the city of a former "
            "district. Shown after the parent unit under the name in the header."
        ),
    )
    parent_link_label = models.CharField(
        _("label of the parent unit link"),
        max_length=100,
        blank=True,
        help_text=_(
            "Text of the menu link to the parent unit's website, e.g. “Website thành phố” or "
            "“Cổng thông tin tỉnh”. Empty: chosen from the parent unit's level."
        ),
    )
    managing_agency = models.CharField(
        _("managing agency"),
        max_length=255,
        blank=True,
        help_text=_(
            "The office that runs the website for the governing body, shown in the footer, "
            "e.g. “Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường”."
        ),
    )
    responsible_person = models.CharField(
        _("person responsible for the content"),
        max_length=255,
        blank=True,
        help_text=_("Full name of the person responsible for the content, shown in the footer."),
    )
    responsible_person_post = models.CharField(
        _("post of the person responsible"),
        max_length=255,
        blank=True,
        help_text=_(
            "Their post, e.g. “Phó Chủ tịch Ủy ban nhân dân phường”. No private phone number "
            "or e-mail: the footer shows the office's contact."
        ),
    )
    licence = models.CharField(
        _("licence"),
        max_length=255,
        blank=True,
        help_text=_(
            "The licence of the website where it has one, e.g. “Giấy phép số 12/GP-TTĐT "
            "ngày 05/3/2024”. Most state agencies' websites need none."
        ),
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
        FieldPanel("level"),
        FieldPanel("governing_body"),
        MultiFieldPanel(
            [
                FieldPanel("parent_unit_name"),
                FieldPanel("parent_level"),
                FieldPanel("upper_unit_name"),
                FieldPanel("parent_link_label"),
            ],
            heading=_("Parent unit"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("managing_agency"),
                FieldPanel("responsible_person"),
                FieldPanel("responsible_person_post"),
                FieldPanel("licence"),
            ],
            heading=_("Publisher (Decree 42/2022/NĐ-CP)"),
        ),
        FieldPanel("address"),
        FieldPanel("office_hours"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("unit profile")
        verbose_name_plural = _("unit profiles")

    def __str__(self):
        return self.name

    @property
    def parent_line(self):
        """The line under the unit's name in the header, in capitals: the parent unit and the
        unit above it joined by a dash (a ward of a former district), or the parent alone
        (a ward since July 2025 under its city: “THÀNH PHỐ HẢI PHÒNG”)."""
        parts = [part.strip() for part in (self.parent_unit_name, self.upper_unit_name)]
        return " – ".join(part for part in parts if part).upper()

    @property
    def parent_link_text(self):
        """The menu label of the link to the parent unit's website."""
        if self.parent_link_label:
            return self.parent_link_label
        return str(PARENT_LINK_LABELS.get(self.parent_level, _("Parent unit website")))
