"""An article found in one query, not two, when a reader opens it.

Wagtail routes ``/tin-tuc/<slug>/`` by reading the child page, then its specific row: two
queries. The news index reads the article's specific row in one. Its category, picture and
language are not joined in: a reader served from kept parts needs none of them, and the joins
cost that reader more time than the queries they save the first reader. Whatever else lies
below the index (a routable sub-page, another page type, a missing slug) goes Wagtail's own
way.
"""

from django.http import Http404

from ...page_routing import with_page_token


def route_to_article(index, request, path_components):
    """The route of the article ``path_components`` leads to below ``index``, or None."""
    if not path_components:
        return None
    if index.live:  # the index's own routes (category/, archive/, rss/ ...) come first
        try:
            index.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            pass
        else:
            return None
    # With the article's own token (its kept parts' key, ``fragments.page_token``), read in
    # the same query as the article: the token is never newer than what is kept under it.
    article = with_page_token(
        index.article_model().objects.child_of(index).filter(slug=path_components[0])
    ).first()
    if article is None:
        return None
    article._cached_parent_obj = index  # get_parent() without a query, as Wagtail does
    return article.route(request, path_components[1:])
