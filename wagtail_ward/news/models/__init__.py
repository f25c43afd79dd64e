"""The news family's models, one module per concern, named here explicitly.

- ``mixins``: ``NewsIndexPageMixin`` and ``NewsPageMixin``, the fields and behaviour;
- ``pages``: the thin concrete pages ``NewsIndexPage`` and ``NewsPage``;
- ``categories``: the ``NewsCategory`` snippet;
- ``tags``: ``NewsPageTag``, the tags of ``NewsPage``;
- ``panels``: the editor's forms;
- ``search``: the indexed fields and the accent-folded search.
"""

from .categories import NewsCategory
from .mixins import OTHER_NEWS_COUNT, NewsIndexPageMixin, NewsPageMixin
from .pages import NewsIndexPage, NewsPage
from .tags import NewsPageTag

__all__ = [
    "OTHER_NEWS_COUNT",
    "NewsCategory",
    "NewsIndexPage",
    "NewsIndexPageMixin",
    "NewsPage",
    "NewsPageMixin",
    "NewsPageTag",
]
