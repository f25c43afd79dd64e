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
