from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="home")
class WardSettings(BaseSiteSetting):
    """The settings of one unit's site, edited in Settings → Ward website."""

    profile = models.ForeignKey(
        "wagtail_ward.UnitProfile",
        verbose_name=_("unit profile"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The unit's name, governing body and address. Translate the profile to show "
            "it in English too."
        ),
    )
    parent_unit_url = models.URLField(
        _("parent unit website"),
        blank=True,
        help_text=_(
            "Address of the parent unit's website, linked from the menu under the label set "
            "in the unit profile."
        ),
    )
    licence_required = models.BooleanField(
        _("the website needs a licence"),
        default=False,
        help_text=_(
            "Tick only if this website must hold a licence: the compliance report then "
            "asks for the licence in the unit profile."
        ),
    )
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The emblem shown in the header. A square image of at least 120×120 pixels."),
    )
    sitemap_page = models.ForeignKey(
        "wagtail_ward.SitemapPage",
        verbose_name=_("site map page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The “Sơ đồ site” page linked from the menu of every page."),
    )
    side_poll = models.ForeignKey(
        "wagtail_ward.Poll",
        verbose_name=_("poll in the side column"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The opinion poll (“Thăm dò ý kiến”) shown beside every page of this site. "
            "English pages show its English translation when there is one."
        ),
    )

    panels = [
        FieldPanel("profile"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("logo")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("parent_unit_url"), FieldPanel("sitemap_page")],
            heading=_("Menu"),
        ),
        FieldPanel("side_poll"),
        FieldPanel("licence_required"),
    ]

    select_related = ["profile", "logo", "sitemap_page", "side_poll"]

    class Meta:
        verbose_name = _("ward website")
