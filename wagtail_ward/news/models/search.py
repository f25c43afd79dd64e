"""What the search of the news reads: the indexed fields and the accent-folded text.

Wagtail's database backend does not fold đ, so each article also indexes a folded copy of its
text (``folded_text``) and a query is folded the same way before it is run.

The search runs on the list's own queryset: its filters (the index's tree path and depth, live,
public, the category, the archive's dates as ranges: the backend refuses ``__year`` and
``__month``) are ``FilterField`` s, so the database answers with
the matches of this index only, counted and paged there (SQLite's FTS5 table, PostgreSQL's
full-text vector), never every article of every site sorted out in Python.

On SQLite the backend's own query joins its FTS5 table to its entry table with the entry table
outside: SQLite then runs the full-text match once per indexed article of the type, and a
search whose word is in most articles grows with the square of their number (2,000 more
articles: 10 times slower). ``_match_first`` asks the same question the other way round: the
match once, as a list of entry ids, then the entries by their key.
"""

import sys

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
    results = queryset.search(folded, operator="and", order_by_relevance=False)
    return _match_first(queryset, results)


def _match_first(queryset, results):
    """``queryset`` filtered on the matches of ``results`` (the SQLite backend's search), the
    full-text match run once; ``results`` as they are with any other backend."""
    compiler = getattr(results, "query_compiler", None)
    backend = sys.modules[type(compiler).__module__]
    names = ("SQLiteSearchQueryCompiler", "SQLiteFTSIndexEntry", "IndexEntry", "MatchExpression")
    helpers = ("normalize", "MatchAll", "Not", "get_descendants_content_types_pks")
    parts = [getattr(backend, name, None) for name in (*names, *helpers)]
    if None in parts or type(compiler) is not parts[0]:
        return results
    _compiler, fts_entry, entry, match, normalize, match_all, negated, types_of = parts
    query = normalize(compiler.query)
    if isinstance(query, match_all | negated):
        return results
    expression = compiler.build_search_query(query, config=compiler.get_config(results.backend))
    columns = compiler.fields or compiler.FTS_TABLE_FIELDS
    matched = fts_entry.objects.filter(match(columns, expression))
    types = types_of(queryset.model)
    ids = entry.objects.filter(pk__in=matched.values("index_entry_id"), content_type_id__in=types)
    return queryset.filter(pk__in=ids.values("object_id"))
