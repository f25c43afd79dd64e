"""The training family in the admin: the applications (reviewers only), links to their
documents (served by ``views.document_view`` outside the admin), the duration warning after saving a
programme, and the ``training`` API endpoint."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .api import register_endpoints
from .models import TrainingApplication, TrainingProgrammePageMixin


def document_links(application):
    """Links to the applicant's documents through the permission-checked view."""
    return format_html_join(
        ", ",
        '<a href="{}">{}</a>',
        (
            (reverse("wagtail_ward:training_document", args=[application.pk, name]), label)
            for name, label in application.documents()
        ),
    ) or format_html("{}", "–")


class DocumentsColumn(Column):
    def get_value(self, instance):
        return document_links(instance)


class ApplicationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("programme")

    def get_add_url(self):
        return None  # applications come only from the public form


class NoAddView(CreateView):
    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class TrainingApplicationViewSet(ModelViewSet):
    """Applications, for the reviewers' group: list, filter, change the status, export."""

    model = TrainingApplication
    icon = "form"
    menu_label = _("Training applications")
    add_to_admin_menu = True
    index_view_class = ApplicationIndexView
    add_view_class = NoAddView
    list_display = [
        "receipt_number",
        "full_name",
        "programme",
        "submitted_at",
        "status",
        "degree_grade",
        "age",
        DocumentsColumn("documents", label=_("documents")),
    ]
    list_filter = ["status", "degree_grade", "is_civil_servant", "is_party_member"]
    list_export = [
        "receipt_number",
        "programme",
        "submitted_at",
        "status",
        "full_name",
        "birth_date",
        "age",
        "degree",
        "degree_grade",
        "current_post",
        "is_civil_servant",
        "is_party_member",
        "phone",
        "email",
        "reviewer_note",
    ]
    export_headings = {"programme": _("programme")}
    export_filename = "training-applications"
    form_fields = ["status", "reviewer_note"]
    search_fields = ["receipt_number", "full_name"]
    search_backend_name = None
    copy_view_enabled = False


training_application_viewset = TrainingApplicationViewSet("training_applications")


@hooks.register("register_admin_viewset")
def register_application_viewset():
    return training_application_viewset


hooks.register("register_wagtail_ward_api_endpoints", register_endpoints)


def warn_about_duration(request, page):
    page = page.specific
    if isinstance(page, TrainingProgrammePageMixin) and page.duration_warning:
        messages.warning(request, page.duration_warning)


hooks.register("after_create_page", warn_about_duration)
hooks.register("after_edit_page", warn_about_duration)
