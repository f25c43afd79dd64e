"""Preview for a separate frontend, with wagtail-headless-preview (``wagtail-ward[headless]``).

Imported only when ``wagtail_headless_preview`` is in ``INSTALLED_APPS`` (the app's ``ready()``
and ``ward_api_router()`` look first): the core never imports the package otherwise. With it:

- every ward page type (a page type with API fields built on wagtail-ward's classes, a
  project's own subclasses included) gets the headless preview of ``HeadlessPreviewMixin``
  when the apps are ready, as a second preview mode, "Separate frontend" (``headless``): the
  editor picks it in the preview panel, which then stores the draft under a signed token and
  shows the frontend's address ``<client>?content_type=<app.model>&token=<t>``
  (``WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"]``). The HTML preview stays the default. A page type
  with the mixin among its own classes keeps its own; one with ``headless_preview = False``
  keeps only Wagtail's preview;
- ``ward_api_router()`` registers ``page_preview``:
  ``GET /api/v2/page_preview/?content_type=<app.model>&token=<t>`` answers the draft in the
  JSON of one item of ``/api/v2/pages/?type=<type>&fields=*`` (``?fields=`` narrows it as
  there). A wrong or expired token is a 404 JSON answer.
"""

from django.apps import apps
from django.core import signing
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.api.v2.utils import parse_fields_parameter
from wagtail.models import Page, get_page_models
from wagtail_headless_preview.models import HeadlessBase, HeadlessPreviewMixin

from ..params import BadParameter, text
from .paths import json_response, query
from .router import WardPagesAPIViewSet

#: The preview mode that sends the editor to the separate frontend.
HEADLESS_MODE = "headless"
# A token older than this is refused (wagtail-headless-preview removes stored drafts after a day).
MAX_AGE = 60 * 60 * 24
# What a page type is given from the package's mixin (its methods, not its class).
PREVIEW_ATTRIBUTES = [
    name
    for klass in (HeadlessPreviewMixin, HeadlessBase)
    for name, value in vars(klass).items()
    if not name.startswith("__")
]


def ward_page_types():
    """The page types with API fields that are built on wagtail-ward's classes."""
    return [
        model
        for model in get_page_models()
        if model is not Page
        and getattr(model, "api_fields", None)
        and any(klass.__module__.startswith("wagtail_ward.") for klass in model.__mro__)
    ]


def _with_headless_mode(model):
    """``model``'s own preview, plus the ``headless`` mode of wagtail-headless-preview."""
    own_modes = model.preview_modes
    own_serve_preview = model.serve_preview

    def preview_modes(self):
        modes = own_modes.fget(self) if isinstance(own_modes, property) else own_modes
        if not modes:  # a page type without preview keeps none
            return modes
        return [*modes, (HEADLESS_MODE, _("Separate frontend"))]

    def serve_preview(self, request, mode_name):
        if mode_name == HEADLESS_MODE:
            return HeadlessPreviewMixin.serve_preview(self, request, mode_name)
        return own_serve_preview(self, request, mode_name)

    return property(preview_modes), serve_preview


def enable_headless_preview(models=None):
    """Give each page type of ``models`` (default: ``ward_page_types()``) the preview mode
    ``headless``, once."""
    for model in ward_page_types() if models is None else models:
        if (
            issubclass(model, HeadlessPreviewMixin)
            or getattr(model, "ward_headless_preview", False)
            or getattr(model, "headless_preview", True) is False
        ):
            continue
        preview_modes, serve_preview = _with_headless_mode(model)
        for name in PREVIEW_ATTRIBUTES:
            if name == "serve_preview":
                continue
            for klass in (HeadlessPreviewMixin, HeadlessBase):
                if name in vars(klass):
                    setattr(model, name, vars(klass)[name])
                    break
        model.preview_modes = preview_modes
        model.serve_preview = serve_preview
        model.ward_headless_preview = True


def has_headless_preview(model):
    return issubclass(model, HeadlessPreviewMixin) or getattr(model, "ward_headless_preview", False)


def _required(query, name):
    value = text(query, name)
    if not value:
        raise BadParameter(name, _("“%(name)s” is required.") % {"name": name})
    return value


class PagePreviewAPIViewSet(WardPagesAPIViewSet):
    """``/api/v2/page_preview/?content_type=<app.model>&token=<token>``: the draft being
    previewed, as the pages listing shows a page of its type with ``fields=*``."""

    name = "page_preview"
    #: The OpenAPI document has this endpoint's own route only (``openapi_paths``).
    openapi_own_paths = True
    known_query_parameters = WardPagesAPIViewSet.known_query_parameters.union(
        ["content_type", "token"]
    )

    @classmethod
    def openapi_paths(cls, prefix, errors, item):
        """The preview route in the OpenAPI document (wagtail_ward.api.openapi)."""
        parameters = [
            query("content_type", _("The page type, app_label.model_name."), {"type": "string"}),
            query("token", _("The token of the preview address."), {"type": "string"}),
            query("fields", _("Fields to add or remove (default: *)."), {"type": "string"}),
        ]
        for parameter in parameters[:2]:
            parameter["required"] = True
        return {
            prefix: {
                "get": {
                    "operationId": "page_preview",
                    "tags": ["page_preview"],
                    "summary": _("The draft being previewed, as the pages listing shows its type."),
                    "parameters": parameters,
                    "responses": {
                        "200": json_response(
                            _("The draft."), {"$ref": "#/components/schemas/Page"}
                        ),
                        **errors,
                    },
                }
            }
        }

    def listing_view(self, request):
        page = self.get_object()
        return Response(self.get_serializer(page).data)

    def detail_view(self, request, pk):
        raise Http404(_("Ask for a preview with ?content_type= and ?token=."))

    def get_object(self):
        if not hasattr(self, "_preview_page"):
            self._preview_page = self._find_page()
        return self._preview_page

    def _find_page(self):
        query = self.request.GET
        label = _required(query, "content_type")
        token = _required(query, "token")
        app_label, _dot, model_name = label.partition(".")
        try:
            model = apps.get_model(app_label, model_name)
        except (LookupError, ValueError):
            model = None
        if model is None or not has_headless_preview(model):
            raise BadParameter(
                "content_type", _("No page type with a preview: %(type)s.") % {"type": label}
            )
        try:
            model.get_preview_signer().unsign(token, max_age=MAX_AGE)
            page = model.get_page_from_preview_token(token)
        except signing.BadSignature:
            page = None
        if page is None:
            raise Http404(_("This preview has expired or does not exist."))
        if not page.pk:
            page.pk = page.id = 0  # a page not saved yet: its URLs need a number
        return page

    def get_serializer_class(self):
        fields = self.request.GET.get("fields", "*")
        try:
            fields_config = parse_fields_parameter(fields)
        except ValueError as error:
            raise BadParameter("fields", str(error)) from error
        return self._get_serializer_class(
            self.request.wagtailapi_router, type(self.get_object()), fields_config
        )


def register(router):
    """The ``page_preview`` endpoint on ``router``."""
    router.register_endpoint("page_preview", PagePreviewAPIViewSet)
