"""What the search of the news reads: the indexed fields and the accent-folded text.

Wagtail's database backend does not fold đ, so each article also indexes a folded copy of its
text (``folded_text``) and a query is folded the same way before it is run.
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


def search_articles(article_model, queryset, query):
    """The articles of ``queryset`` (of ``article_model``) matching ``query``, accents and đ
    ignored; every word must match."""
    # Folding can make quotes of other scripts into '"': drop them after it.
    folded = search_words(fold_vietnamese(query))
    if not folded:
        return queryset
    matches = article_model.objects.live().search(folded, operator="and", order_by_relevance=False)
    return queryset.filter(pk__in=[page.pk for page in matches])
