"""Vietnamese text that must match regardless of accents."""

import unicodedata

from django.core.exceptions import FieldDoesNotExist
from django.utils.html import strip_tags
from wagtail.search import index


def fold_vietnamese(text):
    """Lower-case ``text`` without accents: "Đào tạo" → "dao tao".

    Unicode decomposition removes the tone and vowel marks, but đ/Đ have no decomposition, so
    they are replaced by hand. Used for search (the indexed text and the query alike) and for
    matching spreadsheet headers and names.
    """
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def searchable_text(page):
    """The text a site-wide search reads in ``page``, folded (see ``fold_vietnamese``).

    The page's own ``folded_text()`` when its family defines one; otherwise its title and every
    plain ``SearchField`` of its search fields, StreamFields read through their blocks' own
    searchable content.
    """
    if callable(getattr(page, "folded_text", None)):
        return page.folded_text()
    parts = [page.title]
    for search_field in page.get_search_fields():
        if type(search_field) is not index.SearchField or search_field.field_name == "title":
            continue
        try:
            model_field = page._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:
            model_field = None
        if hasattr(model_field, "get_searchable_content"):
            # A StreamField's text, read through its blocks (from the page's own value: the
            # search field's get_value() already returns that text on some Wagtail versions).
            value = getattr(page, search_field.field_name)
            parts.extend(str(text) for text in model_field.get_searchable_content(value))
            continue
        value = search_field.get_value(page)
        if value:
            parts.append(str(value))
    return fold_vietnamese(strip_tags(" ".join(parts)))
