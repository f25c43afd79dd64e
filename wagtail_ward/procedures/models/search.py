"""Search by name or code that ignores accents and đ, the same on SQLite and PostgreSQL.

Every procedure keeps ``search_title``: its title folded (lower case, no accents, đ → d) by
``wagtail_ward.text.fold_vietnamese``, written on every save. A query is folded the same way and
matched with plain ``LIKE`` (``contains``), which every database has, then ordered by relevance:
the exact code first, then names that start with the query, then names that contain it as a
whole, then names that contain all its words.
"""

from django.db.models import Case, IntegerField, Q, Value, When

from ...text import fold_vietnamese

MAX_WORDS = 10


def fold(text):
    return " ".join(fold_vietnamese(text or "").split())


def search_procedures(queryset, query):
    """``queryset`` narrowed to the procedures matching ``query``, best match first."""
    folded = fold(query)
    words = folded.split()[:MAX_WORDS]
    if not words:
        return queryset
    code = (query or "").strip()
    words_q = Q()
    for word in words:
        words_q &= Q(search_title__contains=word)
    return (
        queryset.filter(Q(code__iexact=code) | Q(code__istartswith=code) | words_q)
        .annotate(
            relevance=Case(
                When(code__iexact=code, then=Value(0)),
                When(code__istartswith=code, then=Value(1)),
                When(search_title__startswith=folded, then=Value(2)),
                When(search_title__contains=folded, then=Value(3)),
                default=Value(4),
                output_field=IntegerField(),
            )
        )
        .order_by("relevance", "title", "pk")
    )


def home_path(page):
    """The tree path of ``page``'s home page (its ancestor at depth 2): the website in the
    page's language. A site's home and its translations are siblings at that depth, so the
    procedures under one home are those of one website and language (``Page.get_site()``
    answers the site for a translation too, whose tree is not under the site's root)."""
    return page.path[: 2 * page.steplen]
