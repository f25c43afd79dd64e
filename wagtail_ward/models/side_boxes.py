from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from ..home_blocks import LinkBlock


class SideBoxKind(models.TextChoices):
    TEXT = "text", _("Text and links")
    LATEST = "latest", _("Latest news (“Tin mới”)")
    POLL = "poll", _("Opinion poll of the site settings")
    VISITORS = "visitors", _("Visitor counter")
    HOTLINE = "hotline", _("Hotline of the site settings")


class SideBox(TranslatableMixin, Orderable, index.Indexed, ClusterableModel):
    """A box of the side column ("Tin mới", links, hotline ...), in the order the editor sets.

    With no box for a site, the side column shows the opinion poll and the visitor counter.
    """

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The site that shows this box. Leave empty to show it on every site."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=SideBoxKind.choices,
        default=SideBoxKind.TEXT,
        help_text=_("What the box shows. Only “Text and links” uses the text and links below."),
    )
    title = models.CharField(
        _("title"), max_length=255, help_text=_("The heading of the box, e.g. “Liên kết”.")
    )
    text = RichTextField(_("text"), blank=True, features=["bold", "italic", "link"])
    links = StreamField([("link", LinkBlock())], verbose_name=_("links"), blank=True)

    panels = [
        FieldPanel("site"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("links"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("side box")
        verbose_name_plural = _("side boxes")

    def __str__(self):
        return self.title
