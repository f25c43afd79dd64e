from django.db import models
from django.db.models import Count
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import WardBodyBlock
from ..home_blocks import HomeLayoutBlock
from ..item_types import item_content_type_ids
from ..memo import public_q
from ..page_routing import ChildWithTokenMixin
from .items import latest_items


class WardHomePageMixin(ChildWithTokenMixin, models.Model):
    """Fields and behaviour of a ward or district home page."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few sentences that greet visitors, shown above the latest news."),
    )
    body = StreamField(
        WardBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Anything else the home page should show: announcements, documents, videos."),
    )
    layout = StreamField(
        HomeLayoutBlock(),
        verbose_name=_("layout"),
        blank=True,
        help_text=_(
            "The boxes of the home page, in order: featured news, latest news, this week's "
            "schedule, poll, search, links, hotline. Leave empty for the default layout."
        ),
    )
    latest_items_count = models.PositiveSmallIntegerField(
        _("number of latest items"),
        default=10,
        help_text=_("How many of the newest articles, schedules and procedures to list."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("layout"),
        FieldPanel("body"),
        FieldPanel("latest_items_count"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [
        APIField("intro"),
        APIField("layout"),
        APIField("body"),
        APIField("latest_items_count"),
    ]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_items"] = latest_items(
            self.get_site(), self.locale, limit=self.latest_items_count, request=request
        )
        return context


class WardHomePage(WardHomePageMixin, Page):
    template = "wagtail_ward/home_page.html"
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("ward home page")
        verbose_name_plural = _("ward home pages")


class ContentPageMixin(ChildWithTokenMixin, models.Model):
    """A plain page of text: the unit's introduction, organisation, contacts, regulations."""

    intro = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in search results."),
    )
    body = StreamField(WardBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        abstract = True


class ContentPage(ContentPageMixin, Page):
    template = "wagtail_ward/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


class SitemapNode:
    __slots__ = ("page", "children", "item_count")

    def __init__(self, page):
        self.page = page
        self.children = []
        self.item_count = 0


def sitemap_tree(site, locale, request=None):
    """The top node of the site map of ``site`` in ``locale`` (its home page's translation, else
    the home page) with its descendants: the live, public pages, a registered family's items
    counted under their parent (``item_count``) rather than listed. A fixed number of queries;
    None without a site. The HTML site map page and the API's ``sitemap/`` show it."""
    if site is None:
        return None
    root = site.root_page.get_translation_or_none(locale) or site.root_page
    item_content_types = item_content_type_ids()
    pages = (
        root.get_descendants(inclusive=True)
        .live()
        .filter(public_q(request))
        .exclude(content_type_id__in=item_content_types)
        .only(
            "id",
            "title",
            "path",
            "depth",
            "url_path",
            "locale_id",
            "draft_title",
            "content_type_id",
        )
        .order_by("path")
    )
    nodes = {}
    top = None
    for page in pages:
        node = SitemapNode(page)
        nodes[page.path] = node
        parent = nodes.get(page.path[: -page.steplen])
        if parent is not None:
            parent.children.append(node)
        elif top is None:
            top = node
    if item_content_types:
        counts = (
            root.get_descendants()
            .live()
            .filter(public_q(request))
            .filter(content_type_id__in=item_content_types)
            .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
            .values("parent_path")
            .annotate(n=Count("id"))
            .order_by()
        )
        for row in counts:
            node = nodes.get(row["parent_path"])
            if node is not None:
                node.item_count = row["n"]
    return top


class SitemapPageMixin(models.Model):
    """The HTML site map ("Sơ đồ site"): the live, public page tree of this site and language.

    Single items of a registered page family (articles, weekly schedules …) are counted under
    their index page rather than listed, so the map stays readable with thousands of articles.
    """

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Optional text above the site map."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    def get_sitemap_tree(self, request=None):
        """Return the top node (the home page of this page's language) with its descendants."""
        return sitemap_tree(self.get_site(), self.locale, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sitemap_tree"] = self.get_sitemap_tree(request)
        return context


class SitemapPage(SitemapPageMixin, Page):
    template = "wagtail_ward/sitemap_page.html"
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("site map page")
        verbose_name_plural = _("site map pages")
