"""News: the news index ("Tin tức") and its articles, with categories, tags, feeds and archive.

As everywhere in wagtail-ward, the fields and behaviour live in abstract mixins
(``NewsIndexPageMixin``, ``NewsPageMixin``) and the concrete pages are thin. A project that
subclasses ``NewsPageMixin`` for its own page type gives it its own ``tags`` field (the tag
through-model points at one concrete page model).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import render
from django.utils.functional import classproperty
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index

from ..blocks import WardBodyBlock
from ..dates import ward_today
from ..fragments import when_asked
from ..params import BadParameter, bad_request, positive_int, search_text, search_words
from ..public import public_q
from ..registry import latest_items
from ..text import fold_vietnamese

FEED_ITEM_COUNT = 20
OTHER_NEWS_COUNT = 5


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


class NewsIndexPageMixin(RoutablePageMixin, models.Model):
    """The news section of a site: a paginated list with filters, archive, search and feeds.

    URLs below the index page:

    - ``./`` the list (``?q=`` searches, ``?page=`` paginates);
    - ``./category/<slug>/`` one category; ``./archive/<year>/`` and
      ``./archive/<year>/<month>/`` the archive;
    - ``./rss/``, ``./atom/``, ``./category/<slug>/rss/``, ``./category/<slug>/atom/`` feeds.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Optional sentence shown above the list of articles."),
    )
    page_size = models.PositiveSmallIntegerField(
        _("articles per page"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How many articles each page of the list shows (1 to 100)."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("page_size")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("page_size")]

    class Meta:
        abstract = True

    # Data ------------------------------------------------------------------------------------

    def get_news_items(self, category=None, request=None):
        """Live, public articles of this index, featured first, then newest first."""
        from .models import NewsPage

        queryset = (
            NewsPage.objects.live()
            .filter(public_q(request))
            .child_of(self)
            .select_related("category", "featured_image")
            .prefetch_related("featured_image__renditions")
            .defer_streamfields()
            .order_by("-featured", "-date", "-pk")
        )
        if category is not None:
            queryset = queryset.filter(category=category)
        return queryset

    def get_categories(self):
        return NewsCategory.objects.filter(locale_id=self.locale_id)

    def get_category(self, slug):
        category = self.get_categories().filter(slug=slug).first()
        if category is None:
            raise Http404(gettext("No news category “%(slug)s”.") % {"slug": slug})
        return category

    def get_archive_months(self, request=None):
        """[(first day of month, count)] of the live, public articles, newest month first."""
        from .models import NewsPage

        rows = (
            NewsPage.objects.live()
            .filter(public_q(request))
            .child_of(self)
            .annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(count=Count("id"))
            .order_by("-month")
        )
        return [(row["month"], row["count"]) for row in rows]

    def search_news(self, queryset, query):
        """Articles of ``queryset`` matching ``query``, accents and đ ignored."""
        from .models import NewsPage

        # Folding can make quotes of other scripts into '"': drop them after it.
        folded = search_words(fold_vietnamese(query))
        if not folded:
            return queryset
        matches = NewsPage.objects.live().search(folded, operator="and", order_by_relevance=False)
        return queryset.filter(pk__in=[page.pk for page in matches])

    # Views -----------------------------------------------------------------------------------

    def _listing(self, request, *, category=None, year=None, month=None):
        queryset = self.get_news_items(category, request=request)
        if year is not None:
            if not 1900 <= year <= 9999:
                raise Http404(gettext("No archive for the year %(year)s.") % {"year": year})
            queryset = queryset.filter(date__year=year)
        if month is not None:
            if not 1 <= month <= 12:
                raise Http404(gettext("There is no month %(month)s.") % {"month": month})
            queryset = queryset.filter(date__month=month)
        try:
            query = search_text(request.GET, "q")
            number = positive_int(request.GET, "page", default=1)
        except BadParameter as error:
            return bad_request(error, json=False)
        if query:
            queryset = self.search_news(queryset, query)
            # Search results are listed by date only: a featured article is no better a match.
            queryset = queryset.order_by("-date", "-pk")
        paginator = Paginator(queryset, self.page_size)
        context = self.get_context(request)
        context.update(
            {
                # Counted and fetched when the template asks: a kept listing asks nothing.
                "articles": when_asked(lambda: paginator.get_page(number)),
                "paginator": paginator,
                "category": category,
                "archive_year": year,
                "archive_month": datetime.date(year, month, 1) if month else None,
                "search_query": query,
                # Asked for by the side column, which is kept between requests.
                "categories": when_asked(self.get_categories),
                "archive_months": when_asked(lambda: self.get_archive_months(request)),
            }
        )
        return render(request, self.get_template(request), context)

    @path("")
    def index_view(self, request):
        return self._listing(request)

    @path("category/<slug:slug>/", name="category")
    def category_view(self, request, slug):
        return self._listing(request, category=self.get_category(slug))

    @path("archive/<int:year>/", name="archive_year")
    def archive_year_view(self, request, year):
        return self._listing(request, year=year)

    @path("archive/<int:year>/<int:month>/", name="archive_month")
    def archive_month_view(self, request, year, month):
        return self._listing(request, year=year, month=month)

    @path("rss/", name="rss")
    def rss_view(self, request):
        from .views import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_view(self, request):
        from .views import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    @path("category/<slug:slug>/rss/", name="category_rss")
    def category_rss_view(self, request, slug):
        from .views import NewsRssFeed

        return NewsRssFeed(self, self.get_category(slug))(request)

    @path("category/<slug:slug>/atom/", name="category_atom")
    def category_atom_view(self, request, slug):
        from .views import NewsAtomFeed

        return NewsAtomFeed(self, self.get_category(slug))(request)


class NewsIndexPage(NewsIndexPageMixin, Page):
    template = "wagtail_ward/news/news_index_page.html"
    subpage_types = ["wagtail_ward_news.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")


class NewsPageMixin(RoutablePageMixin, models.Model):
    """An article: date, lead, picture, body, source ("Theo …"), category and tags."""

    date = models.DateField(
        _("publication date"),
        default=ward_today,
        help_text=_(
            "The date shown on the article. It is today unless you change it, for example "
            "to enter an older article."
        ),
    )
    lead = models.TextField(
        _("lead"),
        help_text=_(
            "One or two sentences that sum up the article. Shown in bold above the text, "
            "in lists and in news feeds."
        ),
    )
    featured_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The main picture of the article, shown at the top and in the news list."),
    )
    featured_image_caption = models.CharField(
        _("caption"),
        max_length=255,
        blank=True,
        help_text=_("What the picture shows, e.g. where and when it was taken."),
    )
    body = StreamField(
        WardBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The text of the article, with headings, pictures, tables and documents."),
    )
    source_name = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_(
            'Where the article comes from, shown at the end as "(According to …)", '
            'e.g. "HPĐT". Leave empty for the ward\'s own articles.'
        ),
    )
    source_url = models.URLField(
        _("source address"),
        blank=True,
        help_text=_("Web address of the original article, if there is one."),
    )
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The section of the news this article belongs to."),
    )
    featured = models.BooleanField(
        _("featured"),
        default=False,
        help_text=_("Tick to show this article at the top of the news list."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
    ]
    details_panels = [
        FieldRowPanel([FieldPanel("category"), FieldPanel("featured")]),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_caption")],
            heading=_("Picture"),
        ),
        MultiFieldPanel([FieldPanel("source_name"), FieldPanel("source_url")], heading=_("Source")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("source_name"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.SearchField("folded_text"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]

    class Meta:
        abstract = True

    @classproperty
    def api_fields(cls):
        # Built on use: the serializers live in api.py, which imports the API framework.
        from .api import news_page_api_fields

        return news_page_api_fields()

    @classmethod
    def get_edit_handler(cls):
        # Four short tabs instead of one long form.
        return TabbedInterface(
            [
                ObjectList(cls.content_panels, heading=_("Article")),
                ObjectList(cls.details_panels, heading=_("Category, picture and source")),
                ObjectList(cls.promote_panels, heading=_("Promote")),
                ObjectList(cls.settings_panels, heading=_("Settings"), classname="settings"),
            ]
        ).bind_to_model(cls)

    def clean(self):
        super().clean()
        if self.source_url and not self.source_name:
            raise ValidationError(
                {"source_name": _("Give the name of the source whose address you entered.")}
            )

    def folded_text(self):
        """Title, lead and text without accents, so that "dao tao" finds "Đào tạo"."""
        parts = [self.title, self.lead, self.source_name]
        if self.category_id:
            parts.append(self.category.name)
        for block in self.body:
            if block.block_type == "paragraph":
                parts.append(str(block.value.source))
            elif hasattr(block.block, "get_searchable_content"):
                parts.extend(str(text) for text in block.block.get_searchable_content(block.value))
        return fold_vietnamese(" ".join(filter(None, parts)))

    # Related lists ---------------------------------------------------------------------------

    def get_other_news(self, limit=OTHER_NEWS_COUNT, request=None):
        """ "Các tin khác": live, public articles of the same index, category and language."""
        queryset = (
            type(self)
            .objects.live()
            .filter(public_q(request))
            .sibling_of(self, inclusive=False)
            .filter(locale_id=self.locale_id, category_id=self.category_id)
            .defer_streamfields()
            .order_by("-date", "-pk")
        )
        return queryset[:limit]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Computed when the template first asks: the parts around the body are usually served
        # from the cache ({% ward_cache %}), and then none of these queries runs.
        context["index_page"] = index_page = when_asked(self._index_page)
        context["category_url"] = when_asked(lambda: self._category_url(index_page()))
        context["other_news"] = when_asked(lambda: list(self.get_other_news(request=request)))
        context["latest_items"] = when_asked(lambda: self._latest_items(request))
        context["full_url"] = self.get_full_url(request)
        return context

    def _index_page(self):
        # The parent's specific class without a second query: only its URL and routes are used.
        return self.get_parent().specific_deferred

    def _category_url(self, index_page):
        if not self.category_id or not isinstance(index_page, RoutablePageMixin):
            return ""
        return index_page.url + index_page.reverse_subpage(
            "category", kwargs={"slug": self.category.slug}
        )

    def _latest_items(self, request):
        # The request's site is already loaded (with its root page) by Wagtail's routing.
        site = Site.find_for_request(request) if request is not None else None
        return latest_items(site or self.get_site(), self.locale, request=request)

    @path("")
    def article_view(self, request):
        if "print" in request.GET:
            return self.print_view(request)
        return self.render(request)

    @path("print/", name="print")
    def print_view(self, request):
        return self.render(request, template="wagtail_ward/news/news_page_print.html")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_ward_news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(NewsPageMixin, Page):
    tags = ClusterTaggableManager(
        verbose_name=_("tags"),
        through=NewsPageTag,
        blank=True,
        help_text=_("Key words of the article, separated by commas."),
    )

    template = "wagtail_ward/news/news_page.html"
    parent_page_types = ["wagtail_ward_news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
