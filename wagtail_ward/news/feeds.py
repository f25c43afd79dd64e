"""RSS 2.0 and Atom feeds of a news index, whole or per category (Django's syndication).

Served by the routes of a news index page (``rss/``, ``atom/``, ``category/<slug>/rss/`` …),
so a private or unpublished index has no public feed either. A feed gives the newest
``WAGTAIL_WARD["NEWS_FEED_ITEMS"]`` articles, or every article with ``?all=1``; the answer is
kept in the cache under the site's content token (``wagtail_ward.feeds``). A feed works on the
index page it is given (its ``get_news_items()``, which asks the page's ``article_model()``
hook) and imports none of the family's models.

The author of every feed and article (required by Atom, RFC 4287) is the unit's governing body
from the site settings, in the feed's language, or the unit's name, or else the site's name.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.functional import cached_property
from django.utils.translation import gettext
from wagtail.models import Site

from ..dates import ward_timezone
from ..feeds import kept_answer, news_feed_items, wants_archive
from ..params import BadParameter, bad_request
from ..public import settings_for


def feed_answer(feed_class, index_page, request, category=None):
    """The answer of feed ``feed_class`` of ``index_page``: its window, or with ``?all=1`` the
    full archive; kept until the next publish. 400 when ``all`` is neither 0 nor 1."""
    try:
        archive = wants_archive(request)
    except BadParameter as error:
        return bad_request(error, json=False)
    feed = feed_class(index_page, category, archive=archive)
    return kept_answer(request, f"news.{feed_class.__name__}", lambda: feed(request), [archive])


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page, category=None, archive=False):
        super().__init__()
        self.index_page = index_page
        self.category = category
        self.archive = archive

    def __call__(self, request, *args, **kwargs):
        self.request = request
        with translation.override(self.index_page.locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = self.index_page.locale.language_code
        return feed

    @cached_property
    def site(self):
        return Site.find_for_request(self.request) or self.index_page.get_site()

    @cached_property
    def publisher(self):
        """The name the feed is published under."""
        site = self.site
        if site is None:
            return ""
        profile = settings_for(site, self.request).profile
        if profile is not None and profile.locale_id != self.index_page.locale_id:
            profile = profile.get_translation_or_none(self.index_page.locale) or profile
        if profile is not None and (profile.governing_body or profile.name):
            return profile.governing_body or profile.name
        return site.site_name or site.hostname

    def author_name(self):
        return self.publisher

    def item_author_name(self, item):
        return self.publisher

    def title(self):
        if self.category is not None:
            return f"{self.index_page.title} – {self.category.name}"
        return self.index_page.title

    def link(self):
        page = self.index_page
        if self.category is not None:
            return page.url + page.reverse_subpage("category", kwargs={"slug": self.category.slug})
        return page.url

    def description(self):
        return self.index_page.intro or gettext("The latest articles of %(title)s.") % {
            "title": self.title()
        }

    def items(self):
        items = self.index_page.get_news_items(self.category, self.request)
        items = items.order_by("-date", "-pk")
        return items if self.archive else items[: news_feed_items()]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        # Midnight of the publication day in the ward's time zone.
        return datetime.datetime.combine(item.date, datetime.time.min, tzinfo=ward_timezone())

    def item_updateddate(self, item):
        # Atom requires an update time on every entry: an article that never went through
        # Publish (an import) counts as updated on its publication day.
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [item.category.name] if item.category_id else []


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
