import functools
import importlib

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail import hooks
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, Site, get_page_models

from ..params import (
    MAX_DB_INT,
    BadParameter,
    answer_language,
    check_query,
    choice,
    field_value,
    non_negative_int,
    parse_int,
    parse_positive_int,
    requested_language,
    search_words,
    text,
)
from .streams import load_stream_fields
from .translations import WardPageSerializer, load_translations

# Parameters of Wagtail's v2 API that name a page by its id, or "root" for the site's root.
PAGE_ID_PARAMETERS = ("child_of", "ancestor_of", "descendant_of", "translation_of")
# The highest port a ``?site=host:port`` can name.
MAX_PORT = 65535


class WardAPIParametersMixin:
    """Checks the query parameters of a v2 API endpoint before Wagtail's code reads them.

    Wagtail's views pass some parameters straight to the database or the search backend, so a
    NUL byte, an ``offset`` beyond the database's range, ``search_operator=xor``, ``find/?id=abc``
    or ``?date=abc`` on a date field ends in a server error. Here each is refused first with a
    400 answer ``{"message", "parameter"}`` in the request's language; an id in the address
    beyond the database's range is a 404, and so is a ``?site=`` naming no site. ``?search=``
    reaches Wagtail as plain words. Every endpoint of ``ward_api_router()`` has it.

    Only Django REST framework's hooks are used (``initial``, ``filter_queryset``,
    ``handle_exception``, and ``request._request`` for the cleaned search), no Wagtail
    internals, so it works the same with Wagtail 7 and 8.
    """

    def dispatch(self, request, *args, **kwargs):
        # Data, labels and messages in the language of ?locale=, else the site's default
        # (params.answer_language): one rule for every endpoint.
        with translation.override(answer_language(request)):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        pk = kwargs.get("pk")
        if pk is not None and int(pk) > MAX_DB_INT:
            raise Http404(_("There is no item with the id %(id)s.") % {"id": pk})
        self.check_parameters(request.GET)
        self._clean_search(request)

    def check_parameters(self, query):
        """Raise ``BadParameter`` for the first parameter of ``query`` that cannot be used."""
        check_query(query)
        requested_language(query)  # an unknown ?locale= is a 404 naming it, on every endpoint
        non_negative_int(query, "offset")
        non_negative_int(query, "limit")
        text(query, "search")
        choice(query, "search_operator", ["and", "or"])
        if "id" in query:  # even empty: Wagtail's find view looks ?id= up whatever it holds
            parse_positive_int(query["id"], "id")
        for name in PAGE_ID_PARAMETERS:
            if query.get(name) != "root":
                non_negative_int(query, name)
        if "site" in query:
            # Wagtail 7 looks the site up with .get(): an unknown one would be a server error.
            hostname, colon, port = query["site"].partition(":")
            lookup = {"hostname": hostname}
            if colon:
                lookup["port"] = parse_int(port, "site", minimum=0, maximum=MAX_PORT)
            if not Site.objects.filter(**lookup).exists():
                raise Http404(_("No such site: %(site)s.") % {"site": query["site"]})

    def _clean_search(self, request):
        # Wagtail hands ?search= to the search backend as it is; give it plain words (see
        # params.search_words), or no search at all when no word is left.
        value = request.GET.get("search")
        if value is None or value == search_words(value):
            return
        query = request.GET.copy()
        if search_words(value):
            query["search"] = search_words(value)
        else:
            del query["search"]
        request._request.GET = query

    def filter_queryset(self, queryset):
        # Wagtail's FieldsFilter filters by every parameter named after a field of the model
        # (?date=, ?category=, ?width=): check each value against its field first.
        fields = set(self.get_available_fields(queryset.model, db_fields_only=True))
        fields.discard("locale")  # Wagtail filters it by language code, not as a field.
        for name in self.request.GET:
            if name in fields:
                try:
                    field = queryset.model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue
                field_value(self.request.GET, name, field)
        return super().filter_queryset(queryset)

    def handle_exception(self, exc):
        if isinstance(exc, BadParameter):
            return Response(exc.as_dict(), status=exc.status)
        return super().handle_exception(exc)


class WardPagesAPIViewSet(WardAPIParametersMixin, PagesAPIViewSet):
    """The pages endpoint, with the locale of every page loaded in the same query.

    ``?type=<app.Model>`` of a page type that a family's endpoint serves (its viewset's
    ``model``) is loaded with that family's ``load_related()``: the generic listing costs the
    same fixed number of queries as the family's own endpoint, however many pages.

    Every page's ``meta.translations`` names it in the other languages it is live and public
    in; the translations of a whole listing cost one query (``translations.load_translations``).
    """

    base_serializer_class = WardPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "translations"]

    @classmethod
    def load_related(cls, queryset):
        """``queryset`` with what this endpoint's fields read loaded in bulk (a family's
        viewset extends it with its ``select_related`` and ``prefetch_related``)."""
        return queryset.select_related("locale")

    def get_base_queryset(self):
        # Made once per request: it looks up the view restrictions and the site, and the
        # translations of the answer's pages are looked up in it too.
        if not hasattr(self, "_ward_base_queryset"):
            self._ward_base_queryset = super().get_base_queryset().select_related("locale")
        return self._ward_base_queryset

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        # A page type's fields that its family's endpoint gives on the detail only (they cost a
        # query per item, e.g. the news' "other_news") stay off the pages listing too.
        loader = router.loader_for(model) if isinstance(router, WardAPIRouter) else None
        target = cls
        if loader is not None and not issubclass(cls, loader):
            extra = [
                name for name in loader.detail_only_fields if name not in cls.detail_only_fields
            ]
            if extra:
                target = _with_detail_only_fields(cls, tuple(extra))
        return PagesAPIViewSet._get_serializer_class.__func__(
            target, router, model, fields_config, show_details=show_details, nested=nested
        )

    def get_serializer(self, *args, **kwargs):
        # A listing: the StreamFields it shows are converted for all its pages together, so
        # pictures, documents and snippets in bodies cost a fixed number of queries.
        if kwargs.get("many") and args:
            pages = list(args[0])
            fields = getattr(self.get_serializer_class().Meta, "fields", ())
            load_stream_fields(pages, set(fields))
            args = (pages, *args[1:])
        if "translations" in getattr(self.get_serializer_class().Meta, "fields", ()) and args:
            pages = args[0] if kwargs.get("many") else [args[0]]
            load_translations(pages, self.get_base_queryset())
        return super().get_serializer(*args, **kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        model = queryset.model
        if model is Page or model is getattr(type(self), "model", None):
            return queryset
        router = getattr(self.request, "wagtailapi_router", None)
        loader = router.loader_for(model) if isinstance(router, WardAPIRouter) else None
        # A type no family serves (such as the core's ContentPage): its locale in the same query.
        return (loader or WardPagesAPIViewSet).load_related(queryset)


@functools.cache
def _with_detail_only_fields(viewset, extra):
    """``viewset`` with the ``extra`` fields given on the detail only (made once per pair)."""
    return type(
        viewset.__name__,
        (viewset,),
        {"detail_only_fields": [*viewset.detail_only_fields, *extra], "__module__": __name__},
    )


class WardImagesAPIViewSet(WardAPIParametersMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, with its query parameters checked."""


class WardDocumentsAPIViewSet(WardAPIParametersMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, with its query parameters checked."""


class WardAPIRouter(WagtailAPIRouter):
    """Wagtail's v2 router, where every endpoint checks its query parameters.

    An endpoint registered without ``WardAPIParametersMixin`` is given it here, so a page
    family's viewset cannot let a bad parameter through to a server error.
    """

    def __init__(self, url_namespace):
        super().__init__(url_namespace)
        self._loaders = {}
        #: The registered endpoints, by name (what the OpenAPI document describes).
        self.endpoints = {}

    def page_models(self):
        """The page types the API can list with their own fields (``?type=``)."""
        return [
            model
            for model in get_page_models()
            if model is not Page and getattr(model, "api_fields", None)
        ]

    def loader_for(self, model):
        """The registered page endpoint serving ``model`` (or its nearest parent class), whose
        ``load_related()`` the pages endpoint uses for ``?type=``; None when there is none."""
        for klass in model.__mro__:
            if klass in self._loaders:
                return self._loaders[klass]
        return None

    def register_endpoint(self, name, class_):
        model = getattr(class_, "model", None)
        if (
            issubclass(class_, WardPagesAPIViewSet)
            and isinstance(model, type)
            and issubclass(model, Page)
            and model is not Page
        ):
            self._loaders.setdefault(model, class_)
        if not issubclass(class_, WardAPIParametersMixin):
            class_ = type(
                class_.__name__,
                (WardAPIParametersMixin, class_),
                {"__module__": class_.__module__, "__doc__": class_.__doc__},
            )
        self.endpoints[name] = class_
        return super().register_endpoint(name, class_)


def ward_api_router(name="wagtailapi"):
    """A Wagtail API v2 router with pages, images, documents and every family's endpoints.

    A page family adds its own endpoints from its ``wagtail_hooks.py``::

        @hooks.register("register_wagtail_ward_api_endpoints")
        def register_endpoints(router):
            router.register_endpoint("schedules", ScheduleAPIViewSet)

    Every endpoint checks its query parameters (``WardAPIParametersMixin``), even one whose
    viewset does not say so.
    """
    router = WardAPIRouter(name)
    router.register_endpoint("pages", WardPagesAPIViewSet)
    router.register_endpoint("images", WardImagesAPIViewSet)
    router.register_endpoint("documents", WardDocumentsAPIViewSet)
    for register in hooks.get_hooks("register_wagtail_ward_api_endpoints"):
        register(router)
    if apps.is_installed("wagtail_headless_preview"):
        # wagtail-ward[headless], imported only when installed. Registered last: the pages
        # endpoint stays the one the detail_url of a page names.
        importlib.import_module("wagtail_ward.api.preview").register(router)
    return router
