"""News: articles with categories, feeds, print view and e-mail share."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "wagtail_ward.news"
    label = "wagtail_ward_news"
    verbose_name = _("News")
    default_auto_field = "django.db.models.BigAutoField"
    # Checked by wagtail_ward.checks (E005, E006).
    ward_requires_apps = ("wagtail.contrib.routable_page",)
    ward_requires_modules = ()

    def ready(self):
        from ..fragments import watch_models
        from ..registry import register_item_type
        from . import checks  # noqa: F401  (registers the checks of news page types)
        from .models import NewsCategory, NewsPage

        register_item_type(NewsPage, date_field="date", summary_field="lead")
        # Articles show their category's name in cached fragments.
        watch_models(NewsCategory)
