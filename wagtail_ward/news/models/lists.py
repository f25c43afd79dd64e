"""The article's lists ("Các tin khác", "Tin mới"), loaded with only what they show, and what
they show as plain values (``…_shows``).

A list's kept part lies inside a part kept under the site's content token (which every publish
in the site retires): its inner part is kept under the site's structure token and the values
it shows, so a publish that changes nothing the list shows (an older article republished, a
page of another section) leaves it rendered: the next reader reads the values again, in the
query the list needs anyway, and renders nothing. Everything the list shows is in the values
(the pages' ids, titles, addresses and dates, the tags' names, the section's address) or in the
structure token (the site, its root: the addresses), the language, the path or the date.
"""

from wagtail.models import Site

from ...registry import latest_items


def other_news_links(article, request):
    """ "Các tin khác" of ``article``: the title, address and date of each, nothing more."""
    return list(article.get_other_news(request=request).only("title", "url_path", "date"))


def latest_links(article, request):
    """ "Tin mới" of ``article``'s site in its language: links only (``links_only``)."""
    # The request's site is already loaded (with its root page) by Wagtail's routing.
    site = Site.find_for_request(request) if request is not None else None
    return latest_items(
        site or article.get_site(), article.locale_id, request=request, links_only=True
    )


def foot_shows(other_news, index_page):
    """What the article's foot shows: "Các tin khác" and the section's address (its tags are
    the article's own: kept with it, under its token)."""
    return (
        tuple((page.pk, page.title, page.url_path, str(page.date)) for page in other_news),
        getattr(index_page, "url_path", ""),
    )


def latest_shows(items):
    """What "Tin mới" shows: each item's page, title, address and date."""
    return tuple(
        (item.page.pk, item.page.title, item.page.url_path, str(item.date)) for item in items
    )


def index_shows(articles, paginator, number):
    """What page ``number`` of a news list (``paginator`` over the queryset ``articles``) shows,
    as values: how many articles there are, which page this is, and each article's id, live
    revision and address. The rest of what an item shows (title, date, lead, "featured", the
    category and the picture chosen) is its live revision's; a category or a picture changed
    retires the structure token. One query besides the count, for ids only: the articles
    themselves (and their pictures' renditions) are read only when the list is rendered."""
    number = paginator.get_page(number).number  # the count only: the page's rows are lazy
    bottom = (number - 1) * paginator.per_page
    rows = (
        articles.prefetch_related(None)
        .select_related(None)
        .values_list("pk", "live_revision_id", "url_path")[bottom : bottom + paginator.per_page]
    )
    return (paginator.count, number, tuple(rows))
