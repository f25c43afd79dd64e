"""The spreadsheet import in the admin: upload, preview, then "Import" or "Cancel".

The upload is read once; what was understood is kept in the editor's session (server-side,
tied to the user and the page, expiring after SCHEDULE_IMPORT_PREVIEW_SECONDS), so the confirm
step imports exactly the rows the preview showed. Nothing is written before "Import".
"""

import datetime
import secrets
import time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..conf import ward_setting
from .importing import (
    ScheduleImportError,
    build_entries,
    create_leaders,
    describe_time,
    draft_entry_count,
    read_workbook,
    save_entries,
    unmatched_leaders,
)
from .importing.readers import xls_message
from .models import Session
from .views import _create_schedule, _editable_schedule

SESSION_KEY = "wagtail_ward_schedule_imports"
# Previews one editor may keep waiting at once.
MAX_PENDING = 3


class ScheduleImportForm(forms.Form):
    """The upload step of the spreadsheet import (the preview comes next)."""

    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        help_text=gettext_lazy(
            "An .xlsx, .ods or .csv file as the office keeps it: a title, a header row with "
            "Thứ/Ngày, Buổi, Thời gian, Nội dung, Chủ trì, Thành phần, Địa điểm, Chuẩn bị, "
            "Ghi chú (any order, with or without accents), then the entries. Start from the "
            "template."
        ),
    )
    replace = forms.BooleanField(
        label=gettext_lazy("Replace the entries already in the draft"),
        required=False,
        initial=True,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = int(ward_setting("SCHEDULE_IMPORT_MAX_UPLOAD_BYTES"))
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(size)s (setting %(setting)s).")
                % {
                    "size": f"{limit / (1024 * 1024):.0f} MB",
                    "setting": "SCHEDULE_IMPORT_MAX_UPLOAD_BYTES",
                }
            )
        name = upload.name.lower()
        if name.endswith(".xls"):
            raise forms.ValidationError(xls_message())
        if not name.endswith((".xlsx", ".xlsm", ".ods", ".csv", ".txt")):
            raise forms.ValidationError(_("Upload a .xlsx, .ods or .csv file."))
        return upload


def _pending(request):
    """The editor's previews still waiting, expired ones dropped."""
    now = time.time()
    return {
        token: item
        for token, item in (request.session.get(SESSION_KEY) or {}).items()
        if item.get("expires", 0) > now
    }


def _keep(request, schedule, result, replace):
    pending = _pending(request)
    for token in sorted(pending, key=lambda t: pending[t]["expires"])[: -MAX_PENDING + 1]:
        del pending[token]
    token = secrets.token_urlsafe(16)
    pending[token] = {
        "page": schedule.pk,
        "user": request.user.pk,
        "expires": time.time() + int(ward_setting("SCHEDULE_IMPORT_PREVIEW_SECONDS")),
        "replace": replace,
        "result": result,
    }
    request.session[SESSION_KEY] = pending
    return token


def _forget(request, token):
    pending = _pending(request)
    pending.pop(token, None)
    request.session[SESSION_KEY] = pending


def _kept(request, schedule, token):
    item = _pending(request).get(token)
    if item is None or item["page"] != schedule.pk or item["user"] != request.user.pk:
        return None
    return item


def import_view(request, page_id):
    """Step 1: the upload. A readable file goes on to the preview; problems are listed here."""
    schedule = _editable_schedule(request, page_id)
    errors = []
    if request.method == "POST":
        form = ScheduleImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                result = read_workbook(form.cleaned_data["file"], schedule)
            except ScheduleImportError as error:
                errors = error.errors
            else:
                token = _keep(request, schedule, result, form.cleaned_data["replace"])
                return redirect("wagtail_ward_schedule:import_preview", schedule.pk, token)
    else:
        form = ScheduleImportForm()
    return TemplateResponse(
        request,
        "wagtail_ward/schedule/admin/import.html",
        {
            "page": schedule,
            "form": form,
            "errors": errors,
            "header_title": _("Import entries"),
            "template_url": reverse("wagtail_ward_schedule:template"),
        },
        status=400 if errors or form.errors else 200,
    )


def _target(schedule, sheet, user):
    """``(schedule or None, start, label, allowed)``: where a sheet's entries go."""
    start, end = (datetime.date.fromisoformat(d) for d in sheet["week"])
    dates = {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"}
    if (start, end) == (schedule.start_date, schedule.end_date):
        return schedule, start, _("this schedule"), True
    index = schedule.get_parent().specific
    existing = None
    if hasattr(index, "schedule_model"):
        existing = index.schedule_model().objects.child_of(index).filter(start_date=start).first()
    if existing is not None:
        label = _("the schedule “%(title)s”") % {"title": existing.get_admin_display_title()}
        return existing, start, label, existing.permissions_for_user(user).can_edit()
    label = _("a new draft schedule from %(start)s to %(end)s") % dates
    allowed = (
        hasattr(index, "schedule_model") and index.permissions_for_user(user).can_add_subpage()
    )
    return None, start, label, allowed


def _sheets(schedule, item, user):
    sheets = []
    for position, sheet in enumerate(item["result"]["sheets"]):
        target, start, label, allowed = _target(schedule, sheet, user)
        removes = (
            bool(item["replace"] and target is not None and not sheet["entries"])
            and draft_entry_count(target) > 0
        )
        for entry in sheet["entries"]:
            entry["time_display"] = describe_time(entry)
            entry["date_display"] = f"{datetime.date.fromisoformat(entry['date']):%d/%m/%Y}"
            entry["session_label"] = Session(entry["session"]).label if entry["session"] else ""
        sheets.append(
            {
                "position": position,
                "sheet": sheet,
                "target": target,
                "start": start,
                "label": label,
                "allowed": allowed,
                "removes": removes,
            }
        )
    return sheets


class ConfirmForm(forms.Form):
    sheet = forms.TypedMultipleChoiceField(coerce=int, required=False)
    create_leader = forms.MultipleChoiceField(required=False)
    confirm_remove = forms.BooleanField(required=False)

    def __init__(self, *args, sheets, names, **kwargs):
        super().__init__(*args, **kwargs)
        self.sheets = sheets
        self.fields["sheet"].choices = [(s["position"], s["sheet"]["name"]) for s in sheets]
        self.fields["create_leader"].choices = [(name, name) for name in names]

    def clean(self):
        cleaned = super().clean()
        chosen = [s for s in self.sheets if s["position"] in cleaned.get("sheet", [])]
        if not chosen:
            raise forms.ValidationError(_("Choose at least one sheet to import."))
        if any(not s["allowed"] for s in chosen):
            raise forms.ValidationError(
                _("You may not edit or create the schedule of one of the chosen sheets.")
            )
        starts = [s["start"] for s in chosen]
        if len(set(starts)) < len(starts):
            raise forms.ValidationError(
                _("Two chosen sheets are for the same week: choose one of them.")
            )
        if any(s["removes"] for s in chosen) and not cleaned.get("confirm_remove"):
            raise forms.ValidationError(
                _(
                    "The file has no entries: importing it removes every entry of the draft. "
                    "Tick the box to confirm, or cancel."
                )
            )
        cleaned["chosen"] = chosen
        return cleaned


def preview_view(request, page_id, token):
    """Step 2: every row as understood, warnings and skipped rows; "Import" or "Cancel"."""
    schedule = _editable_schedule(request, page_id)
    item = _kept(request, schedule, token)
    if item is None:
        messages.error(request, _("The preview has expired. Upload the file again."))
        return redirect("wagtail_ward_schedule:import", schedule.pk)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        _forget(request, token)
        messages.info(request, _("The import was cancelled; nothing was changed."))
        return redirect("wagtailadmin_pages:edit", schedule.pk)
    sheets = _sheets(schedule, item, request.user)
    names = unmatched_leaders(item["result"])
    if request.method == "POST":
        form = ConfirmForm(request.POST, sheets=sheets, names=names)
        if form.is_valid():
            first = _confirm(request, schedule, item, form.cleaned_data)
            _forget(request, token)
            return redirect("wagtailadmin_pages:edit", first.pk)
    else:
        initial = [s["position"] for s in sheets if s["allowed"]]
        if len({s["start"] for s in sheets}) < len(sheets):
            initial = initial[:1]
        form = ConfirmForm(initial={"sheet": initial}, sheets=sheets, names=names)
    return TemplateResponse(
        request,
        "wagtail_ward/schedule/admin/import_preview.html",
        {
            "page": schedule,
            "form": form,
            "sheets": sheets,
            "names": names,
            "chosen": {int(p) for p in (form["sheet"].value() or [])},
            "replace": item["replace"],
            "removes": any(s["removes"] for s in sheets),
            "warning_count": sum(len(s["sheet"]["warnings"]) for s in sheets),
            "header_title": _("Check the import"),
        },
        status=400 if form.is_bound else 200,
    )


def _confirm(request, schedule, item, cleaned):
    """Write the chosen sheets, each into its schedule, in one transaction."""
    index = schedule.get_parent().specific
    done = []
    with transaction.atomic():
        leaders = create_leaders(cleaned["create_leader"], schedule.locale_id)
        for chosen in cleaned["chosen"]:
            target = chosen["target"]
            if target is None:
                if not index.permissions_for_user(request.user).can_add_subpage():
                    raise PermissionDenied
                target = _create_schedule(index, chosen["start"], request.user)
            entries = build_entries(target, chosen["sheet"]["entries"], leaders)
            save_entries(target, entries, user=request.user, replace=item["replace"])
            done.append((target, len(entries)))
    for target, count in done:
        messages.success(
            request,
            _("Imported %(count)s entries into the draft of “%(title)s”: check it and publish.")
            % {"count": count, "title": target.get_admin_display_title()},
        )
    return next((t for t, _count in done if t.pk == schedule.pk), done[0][0])
