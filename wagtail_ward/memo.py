"""What every page of a request asks more than once, answered once per request.

Wagtail's ``PageQuerySet.public()`` reads the view restrictions on every call; a ward page calls
it for the menu, the language links, "latest news" and more. ``public_q(request)`` reads them
once per request (never across requests, so a new restriction takes effect at once).

This module sits below the core's models (the sitemap page and the item index use it) and
imports none of them; ``wagtail_ward.public`` offers the same names with the site settings.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction


def request_memo(request, name):
    """A dict kept on ``request`` for what is worked out once per request (a throwaway dict
    without a request)."""
    if request is None:
        return {}
    memos = request.__dict__.setdefault("_wagtail_ward_memo", {})
    return memos.setdefault(name, {})


def public_q(request=None, field="path"):
    """A filter that keeps pages with no view restriction on them or on an ancestor.

    ``field`` names the tree path to test, for a query over another model than pages
    (``"page__path"`` for a model with a ``page`` foreign key).
    """
    memo = request_memo(request, "public_q")
    if "paths" not in memo:
        memo["paths"] = list(
            PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
        )
    if field not in memo:
        q = Q()
        for path in memo["paths"]:
            q &= ~Q(**{f"{field}__startswith": path})
        memo[field] = q
    return memo[field]
