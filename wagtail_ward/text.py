"""Vietnamese text that must match regardless of accents."""

import unicodedata


def fold_vietnamese(text):
    """Lower-case ``text`` without accents: "Đào tạo" → "dao tao".

    Unicode decomposition removes the tone and vowel marks, but đ/Đ have no decomposition, so
    they are replaced by hand. Used for search (the indexed text and the query alike) and for
    matching spreadsheet headers and names.
    """
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
