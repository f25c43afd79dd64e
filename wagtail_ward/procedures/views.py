"""Admin views of the procedures: the import upload with its dry-run preview, and the export."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..params import MAX_DB_INT
from ..ratelimit import too_many_requests
from .forms import ProcedureImportForm
from .importers import ProcedureImportError, export_procedures, import_procedures
from .models import ProcedureIndexPageMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _index(request, page_id):
    if page_id > MAX_DB_INT:
        raise Http404
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ProcedureIndexPageMixin):
        raise Http404(_("There is no page with the id %(id)s.") % {"id": page_id})
    if not page.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return page


def import_view(request, page_id):
    index = _index(request, page_id)
    errors, result, status = [], None, 200
    if request.method == "POST":
        form = ProcedureImportForm(request.POST, request.FILES)
        if too_many_requests(request, "procedure-import", "30/h"):
            errors, status = [_("Too many imports in an hour: try again later.")], 429
        elif form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = import_procedures(
                    index,
                    upload.name,
                    upload.read(),
                    user=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                    publish=form.cleaned_data["publish"],
                )
            except ProcedureImportError as error:
                errors, status = error.errors, 400
            else:
                if not result.dry_run:
                    messages.success(
                        request, _("Imported: %(summary)s") % {"summary": result.summary()}
                    )
                    return redirect("wagtailadmin_explore", index.pk)
        else:
            status = 400
    else:
        form = ProcedureImportForm()
    return TemplateResponse(
        request,
        "wagtail_ward/procedures/admin/import.html",
        {
            "page": index,
            "form": form,
            "errors": errors,
            "result": result,
            "header_title": _("Import procedures"),
        },
        status=status,
    )


def export_view(request, page_id, file_format):
    index = _index(request, int(page_id))
    data = export_procedures(index, file_format)
    response = HttpResponse(
        data, content_type=XLSX if file_format == "xlsx" else "application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="thu-tuc-{index.pk}.{file_format}"'
    return response
