"""The abstract mixins of the news family: the fields and behaviour of a news index and of an
article. The concrete pages (``pages.py``) are thin.

A mixin never names a concrete page: where it needs its sibling it asks a model hook,
``NewsIndexPageMixin.article_model()`` or ``NewsPageMixin.index_model()``, that a project's
subclass may override (see docs/news.md). A project's page built on ``NewsPageMixin`` declares
its own ``tags`` field (a tag through-model points at one concrete page model).
"""

import datetime
from calendar import monthrange

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string

from ...blocks import WardBodyBlock
from ...conf import ward_setting
from ...dates import ward_today
from ...fragments import when_asked
from ...params import BadParameter, bad_request, positive_int, search_text
from ...public import public_q
from ..feeds import NewsAtomFeed, NewsRssFeed, feed_answer
from ..serializers import news_index_page_api_fields, news_page_api_fields
from . import lists
from .categories import NewsCategory
from .panels import (
    ARTICLE_CONTENT_PANELS,
    ARTICLE_DETAILS_PANELS,
    INDEX_CONTENT_PANELS,
    article_edit_handler,
)
from .routing import route_to_article
from .search import ARTICLE_SEARCH_FIELDS, INDEX_SEARCH_FIELDS, folded_article_text, search_articles
from .tags import TranslatorsTagsMixin

OTHER_NEWS_COUNT = 7  # the default of WAGTAIL_WARD["OTHER_NEWS"]


def with_family_template(template, family_template):
    """``template``, then the family's own when the page type has none of that name.

    Wagtail names a page type's template after its app and class
    (``myapp/project_news_page.html``): a project's subclass that ships no template of its own
    is rendered with the family's.
    """
    if template == family_template:
        return template
    return [template, family_template]


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
    per_page = models.PositiveSmallIntegerField(
        _("articles per page"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How many articles each page of the list shows (1 to 100)."),
    )

    content_panels = INDEX_CONTENT_PANELS
    search_fields = INDEX_SEARCH_FIELDS
    api_fields = news_index_page_api_fields()

    #: The article page type of this index, as "app_label.ModelName" (see ``article_model()``).
    article_model_name = "wagtail_ward_news.NewsPage"
    family_template = "wagtail_ward/news/news_index_page.html"

    class Meta:
        abstract = True

    @classmethod
    def article_model(cls):
        """The page type of the articles listed, searched and fed by this index.

        ``article_model_name`` resolved; a project's index over its own article page sets
        ``article_model_name = "myapp.MyNewsPage"`` (or overrides this classmethod).
        """
        return apps.get_model(cls.article_model_name)

    def get_template(self, request, *args, **kwargs):
        return with_family_template(
            super().get_template(request, *args, **kwargs), self.family_template
        )

    def route(self, request, path_components):  # an article in one query, not two
        found = route_to_article(self, request, path_components)
        return found or super().route(request, path_components)

    # Data ------------------------------------------------------------------------------------

    def get_news_items(self, category=None, request=None):
        """Live, public articles of this index, featured first, then newest first."""
        queryset = (
            self.article_model()
            .objects.live()
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

    def items_of_category(self, slug, limit, request=None):
        """The newest articles of category ``slug`` (a home page's "latest news" box)."""
        category = self.get_categories().filter(slug=slug).first()
        items = self.get_news_items(category, request) if category else None
        return list(items.order_by("-date", "-pk")[:limit]) if category else []

    def get_archive_months(self, request=None):
        """[(first day of month, count)] of the live, public articles, newest month first."""
        rows = (
            self.article_model()
            .objects.live()
            .filter(public_q(request))
            .child_of(self)
            .annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(count=Count("id"))
            .order_by("-month")
        )
        return [(row["month"], row["count"]) for row in rows]

    def search_news(self, queryset, query):
        """Articles of ``queryset`` matching ``query``, accents and đ ignored, newest first."""
        return search_articles(queryset, query)

    # Views -----------------------------------------------------------------------------------

    def _listing(self, request, *, category=None, year=None, month=None):
        queryset = self.get_news_items(category, request=request)
        if year is not None:
            if not 1900 <= year <= 9999:
                raise Http404(gettext("No archive for the year %(year)s.") % {"year": year})
            if month is not None and not 1 <= month <= 12:
                raise Http404(gettext("There is no month %(month)s.") % {"month": month})
            queryset = queryset.filter(
                date__gte=datetime.date(year, month or 1, 1),
                date__lte=datetime.date(year, month or 12, monthrange(year, month or 12)[1]),
            )
        try:
            query = search_text(request.GET, "q")
            number = positive_int(request.GET, "page", default=1)
        except BadParameter as error:
            return bad_request(error, json=False)
        if query:
            queryset = self.search_news(queryset, query)
        paginator = Paginator(queryset, self.per_page)
        context = self.get_context(request)
        context.update(
            {
                # Counted and fetched when the template asks: a kept listing asks nothing.
                "articles": when_asked(lambda: paginator.get_page(number)),
                "paginator": paginator,
                # What the list shows: its inner kept part is keyed on it (``lists``).
                "list_shows": when_asked(lambda: lists.index_shows(queryset, paginator, number)),
                "category": category,
                "archive_year": year,
                "archive_month": datetime.date(year, month, 1) if month else None,
                "search_query": query,
                # Asked for by the side column, a cached fragment.
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
        return feed_answer(NewsRssFeed, self, request)

    @path("atom/", name="atom")
    def atom_view(self, request):
        return feed_answer(NewsAtomFeed, self, request)

    @path("category/<slug:slug>/rss/", name="category_rss")
    def category_rss_view(self, request, slug):
        return feed_answer(NewsRssFeed, self, request, self.get_category(slug))

    @path("category/<slug:slug>/atom/", name="category_atom")
    def category_atom_view(self, request, slug):
        return feed_answer(NewsAtomFeed, self, request, self.get_category(slug))


class NewsPageMixin(TranslatorsTagsMixin, RoutablePageMixin, models.Model):
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

    content_panels = ARTICLE_CONTENT_PANELS
    details_panels = ARTICLE_DETAILS_PANELS
    search_fields = ARTICLE_SEARCH_FIELDS
    api_fields = news_page_api_fields()

    #: The index page type articles live under, as "app_label.ModelName" (see ``index_model()``).
    index_model_name = "wagtail_ward_news.NewsIndexPage"
    family_template = "wagtail_ward/news/news_page.html"
    print_template = "wagtail_ward/news/news_page_print.html"

    class Meta:
        abstract = True

    @classmethod
    def index_model(cls):
        """The page type of the news index this article lives under.

        ``index_model_name`` resolved; a project's article over its own index sets
        ``index_model_name = "myapp.MyNewsIndexPage"`` (or overrides this classmethod).
        """
        return apps.get_model(cls.index_model_name)

    def get_template(self, request, *args, **kwargs):
        return with_family_template(
            super().get_template(request, *args, **kwargs), self.family_template
        )

    @classmethod
    def get_edit_handler(cls):
        return article_edit_handler(cls)

    def clean(self):
        super().clean()
        if self.source_url and not self.source_name:
            raise ValidationError(
                {"source_name": _("Give the name of the source whose address you entered.")}
            )

    def folded_text(self):
        """Title, lead and text without accents, so that "dao tao" finds "Đào tạo"."""
        return folded_article_text(self)

    # Related lists ---------------------------------------------------------------------------

    def get_other_news(self, limit=None, request=None):
        """ "Các tin khác": live, public articles of the same index, category and language,
        ``WAGTAIL_WARD["OTHER_NEWS"]`` of them unless ``limit`` says otherwise."""
        limit = limit or ward_setting("OTHER_NEWS")
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
        context["other_news"] = other = when_asked(lambda: lists.other_news_links(self, request))
        context["article_tags"] = when_asked(lambda: list(self.tags.all()))
        context["latest_items"] = latest = when_asked(lambda: lists.latest_links(self, request))
        # What the lists show, as values: their inner kept parts are keyed on them.
        context["foot_shows"] = when_asked(lambda: lists.foot_shows(other(), index_page()))
        context["latest_shows"] = when_asked(lambda: lists.latest_shows(latest()))
        context["full_url"] = when_asked(lambda: self.get_full_url(request))
        return context

    def _index_page(self):
        # The parent's specific class without a second query: only its URL and routes are used.
        return self.get_parent().specific_deferred

    def _category_url(self, index_page):
        if not self.category_id or not isinstance(index_page, NewsIndexPageMixin):
            return ""
        return index_page.url + index_page.reverse_subpage(
            "category", kwargs={"slug": self.category.slug}
        )

    @path("")
    def article_view(self, request):
        if "print" in request.GET:
            return self.print_view(request)
        return self.render(request)

    @path("print/", name="print")
    def print_view(self, request):
        return self.render(request, template=self.print_template)
