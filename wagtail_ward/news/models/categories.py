"""The news category snippet ("chuyên mục"), translated like every snippet of the site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import TranslatableMixin


class NewsCategory(TranslatableMixin, models.Model):
    """A section of the news ("chuyên mục"), e.g. "Hành chính công"."""

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_('The name readers see above each article, e.g. "Public administration".'),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=False,
        help_text=_(
            "The short name used in web addresses, in lower case without accents, "
            'e.g. "hanh-chinh-cong".'
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    api_fields = [APIField("name"), APIField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="wagtail_ward_news_category_slug_locale"
            )
        ]

    def __str__(self):
        return self.name
