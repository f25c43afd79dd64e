"""What the search of the news reads: the indexed fields and the accent-folded text.

Wagtail's database backend does not fold đ, so each article also indexes a folded copy of its
text (``folded_text``) and a query is folded the same way before it is run.

The search runs on the list's own queryset: its filters (the index's tree path and depth, live,
public, the category, the archive's dates as ranges: the backend refuses ``__year`` and
``__month``) are ``FilterField`` s, so the database answers with
the matches of this index only, counted and paged there (SQLite's FTS5 table, PostgreSQL's
full-text vector), never every article of every site sorted out in Python.
"""

from wagtail.models import Page
from wagtail.search import index

from ...params import search_words
from ...text import fold_vietnamese

INDEX_SEARCH_FIELDS = [*Page.search_fields, index.SearchField("intro")]

ARTICLE_SEARCH_FIELDS = [
    *Page.search_fields,
    index.SearchField("lead"),
    index.SearchField("body"),
    index.SearchField("source_name"),
    index.RelatedFields("category", [index.SearchField("name")]),
    index.SearchField("folded_text"),
    index.FilterField("date"),
    index.FilterField("category"),
]


def folded_article_text(article):
    """Title, lead, source, category and text of ``article`` without accents."""
    parts = [article.title, article.lead, article.source_name]
    if article.category_id:
        parts.append(article.category.name)
    for block in article.body:
        if block.block_type == "paragraph":
            parts.append(str(block.value.source))
        elif hasattr(block.block, "get_searchable_content"):
            parts.extend(str(text) for text in block.block.get_searchable_content(block.value))
    return fold_vietnamese(" ".join(filter(None, parts)))


def search_articles(queryset, query):
    """The articles of ``queryset`` matching ``query``, accents and đ ignored, newest first;
    every word must match. Lazy: a paginator counts and slices them in the database."""
    queryset = queryset.order_by("-date", "-id")  # a featured article is no better a match
    # Folding can make quotes of other scripts into '"': drop them after it.
    folded = search_words(fold_vietnamese(query))
    if not folded:
        return queryset
    return queryset.search(folded, operator="and", order_by_relevance=False)
