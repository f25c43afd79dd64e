"""The editor's forms of the news pages: which fields, in which tabs."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page

INDEX_CONTENT_PANELS = [*Page.content_panels, FieldPanel("intro"), FieldPanel("per_page")]

ARTICLE_CONTENT_PANELS = [
    *Page.content_panels,
    FieldPanel("date"),
    FieldPanel("lead"),
    FieldPanel("body"),
]

ARTICLE_DETAILS_PANELS = [
    FieldRowPanel([FieldPanel("category"), FieldPanel("featured")]),
    FieldPanel("tags"),
    MultiFieldPanel(
        [FieldPanel("featured_image"), FieldPanel("featured_image_caption")],
        heading=_("Picture"),
    ),
    MultiFieldPanel(
        [FieldPanel("source_name"), FieldPanel("source_url")],
        heading=pgettext_lazy("where a news article comes from", "Source"),
    ),
]


def article_edit_handler(model):
    """Four short tabs instead of one long form."""
    return TabbedInterface(
        [
            ObjectList(model.content_panels, heading=_("Article")),
            ObjectList(model.details_panels, heading=_("Category, picture and source")),
            ObjectList(model.promote_panels, heading=_("Promote")),
            ObjectList(model.settings_panels, heading=_("Settings"), classname="settings"),
        ]
    ).bind_to_model(model)
