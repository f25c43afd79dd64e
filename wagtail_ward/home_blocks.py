"""The blocks an editor composes a home page from ("Bố cục trang chủ").

Each block reads the newest items through the item index (``wagtail_ward.models.items``), so it
works for every installed page family without importing any. A home page with no blocks shows
the default layout (``wagtail_ward/home/default_layout.html``).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks

from .blocks import PollBlock


class FeaturedNewsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=255)
    stories = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Story")),
        label=_("Stories"),
        required=False,
        help_text=_(
            "Choose the articles to feature, the first one large with its picture. "
            "Leave empty to show the newest articles."
        ),
    )
    count = blocks.IntegerBlock(
        label=_("Number of stories"),
        default=4,
        min_value=1,
        max_value=8,
        help_text=_("How many stories to show when none is chosen (1 shows a lead story only)."),
    )

    class Meta:
        icon = "image"
        label = _("Featured news")
        template = "wagtail_ward/home/featured_news.html"
        description = _("A lead story with its picture and a few more stories beside it.")


class LatestItemsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    section = blocks.PageChooserBlock(
        label=pgettext_lazy("part of the site", "Section"),
        required=False,
        help_text=_("Only items below this page, e.g. the news. Leave empty for the whole site."),
    )
    category = blocks.CharBlock(
        label=_("Category"),
        required=False,
        max_length=255,
        help_text=_(
            "Only articles of this news category (its short name in the address, "
            "e.g. “hanh-chinh-cong”). Needs a news section above."
        ),
    )
    count = blocks.IntegerBlock(label=_("Number of items"), default=5, min_value=1, max_value=20)

    class Meta:
        icon = "list-ul"
        label = _("Latest items")
        template = "wagtail_ward/home/latest_items.html"
        description = _("The newest articles, schedules or procedures of a section or category.")


class ScheduleWeekBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    section = blocks.PageChooserBlock(
        label=_("Schedule section"),
        help_text=_("The work schedule section: its schedule for this week is linked."),
    )

    class Meta:
        icon = "date"
        label = _("This week's schedule")
        template = "wagtail_ward/home/schedule_week.html"
        description = _("A link to the work schedule of the current week.")


class SearchBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    section = blocks.PageChooserBlock(
        label=_("Search in"),
        required=False,
        help_text=_("Search only below this page, e.g. the administrative procedures."),
    )

    class Meta:
        icon = "search"
        label = _("Search box")
        template = "wagtail_ward/home/search_box.html"
        description = _("A search form, e.g. to find an administrative procedure.")


class LinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=255)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(
        label=_("Web address"), required=False, help_text=_("For a link to another website.")
    )

    class Meta:
        icon = "link"
        label = _("Link")


class LinkBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"))

    class Meta:
        icon = "link"
        label = _("Link box")
        template = "wagtail_ward/home/link_box.html"
        description = _("A box of links, e.g. to the national public service portal.")


class HotlineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=255)
    phone = blocks.CharBlock(
        label=_("Phone"),
        required=False,
        max_length=50,
        help_text=_("Leave empty to show the phone number of the site settings."),
    )
    text = blocks.TextBlock(label=_("Text"), required=False)

    class Meta:
        icon = "mail"
        label = _("Hotline")
        template = "wagtail_ward/home/hotline.html"
        description = _("The phone number citizens call, in large type.")


class HomeLayoutBlock(blocks.StreamBlock):
    featured_news = FeaturedNewsBlock()
    latest_items = LatestItemsBlock()
    schedule_week = ScheduleWeekBlock()
    poll = PollBlock()
    search_box = SearchBoxBlock()
    link_box = LinkBoxBlock()
    hotline = HotlineBlock()

    class Meta:
        block_counts = {"featured_news": {"max_num": 2}}
