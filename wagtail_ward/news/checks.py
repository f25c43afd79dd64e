"""System checks for news page types, the family's own and a project's.

A project's page built on a news mixin names its sibling through a hook
(``NewsIndexPageMixin.article_model()``, ``NewsPageMixin.index_model()``). A hook left at the
family's default on a project's page would list, search and feed the family's articles, not
the project's: these checks say so when Django starts.
"""

from django.apps import apps
from django.core import checks
from django.utils.translation import gettext as _

from .models import NewsIndexPageMixin, NewsPageMixin


def _sibling(model, hook, mixin, allowed, check_id):
    """Errors for ``model`` whose ``hook`` gives no concrete ``mixin`` subclass in ``allowed``."""
    try:
        sibling = getattr(model, hook)()
    except (LookupError, ValueError) as error:
        return [checks.Error(f"{model._meta.label}.{hook}(): {error}", obj=model, id=check_id)]
    if not (isinstance(sibling, type) and issubclass(sibling, mixin)):
        message = _("%(hook)s() of %(model)s gives %(sibling)s, which is not a %(mixin)s.")
    elif sibling not in allowed:
        message = _(
            "%(hook)s() of %(model)s gives %(sibling)s, which its page types do not allow "
            "there: set %(hook)s_name (or override %(hook)s()) to the project's own page."
        )
    else:
        return []
    values = {
        "hook": hook,
        "model": model._meta.label,
        "sibling": getattr(sibling, "__name__", sibling),
        "mixin": mixin.__name__,
    }
    return [checks.Error(message % values, obj=model, id=check_id)]


@checks.register(checks.Tags.models)
def check_news_page_types(app_configs=None, **kwargs):
    errors = []
    for model in apps.get_models():
        if app_configs is not None and model._meta.app_config not in app_configs:
            continue
        if issubclass(model, NewsIndexPageMixin):
            errors += _sibling(
                model,
                "article_model",
                NewsPageMixin,
                model.allowed_subpage_models(),
                "wagtail_ward_news.E001",
            )
        if issubclass(model, NewsPageMixin):
            errors += _sibling(
                model,
                "index_model",
                NewsIndexPageMixin,
                model.allowed_parent_page_models(),
                "wagtail_ward_news.E002",
            )
    return errors
