import importlib

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WagtailWardConfig(AppConfig):
    name = "wagtail_ward"
    label = "wagtail_ward"
    verbose_name = _("Ward website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # These modules import the models, which are loaded only now. Importing checks registers
        # the system checks, importing registry connects the item index's signals, importing
        # polls.cors registers the CORS checks and the POLL_CORS_ORIGINS receiver.
        from . import checks, privacy, purge  # noqa: F401
        from .fragments import watch_core_content, watch_models
        from .models import Poll, PollChoice
        from .polls import cors  # noqa: F401
        from .registry import fill_item_index

        post_migrate.connect(fill_item_index, sender=self)
        watch_core_content()
        # A poll's public state and answers are cached under the content token (polls.voting).
        watch_models(Poll, PollChoice)
        privacy.connect()
        purge.connect()  # a caching proxy, when WAGTAILFRONTENDCACHE is set
        if apps.is_installed("wagtail_headless_preview"):  # wagtail-ward[headless]
            importlib.import_module("wagtail_ward.api.preview").enable_headless_preview()
        if apps.is_installed("grapple"):  # wagtail-ward[graphql]: the ward types on its schema
            importlib.import_module("wagtail_ward.graphql").register()
        if apps.is_installed("wagtail.api.v3"):  # Wagtail 8's v3 API, where a project adds it
            importlib.import_module("wagtail_ward.api.v3").register_read_schemas()
