"""Admin views of the schedules: the import template, new weeks and copies (the import itself
is in import_views.py)."""

import datetime
import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from ..params import MAX_DB_INT, BadParameter, bad_request, parse_date
from .importing import template_workbook
from .models import ScheduleIndexPageMixin, WeeklySchedulePageMixin


def _check_id(page_id):
    """A page id in the address beyond the database's range names no page."""
    if page_id > MAX_DB_INT:
        raise Http404(_("There is no page with the id %(id)s.") % {"id": page_id})
    return page_id


def _specific_page(page_id, mixin):
    """The page with this id if it is a ``mixin`` page (the family's own or a project's)."""
    page = get_object_or_404(Page, pk=_check_id(page_id)).specific
    if not isinstance(page, mixin):
        raise Http404(_("There is no page with the id %(id)s.") % {"id": page_id})
    return page


def _editable_schedule(request, page_id):
    page = _specific_page(page_id, WeeklySchedulePageMixin)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def template_view(request):
    response = HttpResponse(
        template_workbook(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="lich-cong-tac-mau.xlsx"'
    return response


def _create_schedule(index, start_date, user, source=None):
    """A new draft schedule under ``index`` starting on ``start_date``.

    With ``source``, every entry is copied with modelcluster's copy helpers (so a new field of
    an entry is copied too), its date shifted, a new calendar identifier and translation key,
    and no change mark; the new schedule lasts as long as the source.
    """
    length = (source.end_date - source.start_date) if source else datetime.timedelta(days=6)
    page = index.schedule_model()(
        start_date=start_date,
        end_date=start_date + length,
        notice=source.notice if source else "",
        locale=index.locale,
        live=False,
        owner=user,
    )
    page.title, page.slug = page.title_and_slug(page.start_date, page.end_date)
    if source is not None:
        shift = start_date - source.start_date
        source.copy_child_relation("entries", page)
        for entry in page.entries.all():
            entry.date += shift
            entry.uid = uuid.uuid4()
            entry.translation_key = uuid.uuid4()
            entry.locale = index.locale
            entry.changed_at = None
    with transaction.atomic():
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
    return page


@require_POST
def copy_to_next_week_view(request, page_id):
    source = _editable_schedule(request, page_id).get_latest_revision_as_object()
    index = source.get_parent().specific
    if not isinstance(index, source.index_model()):
        raise Http404(_("This schedule is not in a list of schedules."))
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    start = source.start_date + datetime.timedelta(days=7)
    existing = index.schedule_model().objects.child_of(index).filter(start_date=start).first()
    if existing is not None:
        messages.error(
            request,
            _("There is already a schedule starting on %(date)s: “%(title)s”.")
            % {"date": f"{start:%d/%m/%Y}", "title": existing.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", existing.pk)
    page = _create_schedule(index, start, request.user, source=source)
    messages.success(
        request, _("Next week's draft was created from this week's entries. Check the dates.")
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def create_week_view(request, index_id, start):
    index = _specific_page(index_id, ScheduleIndexPageMixin)
    if not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    try:
        # Years 1 to 9998: the week that starts on the date must end within the calendar.
        start_date = parse_date(start, "start")
    except BadParameter as error:
        return bad_request(error, json=False)
    existing = index.schedule_model().objects.child_of(index).filter(start_date=start_date).first()
    if existing is not None:
        return redirect("wagtailadmin_pages:edit", existing.pk)
    page = _create_schedule(index, start_date, request.user)
    return redirect("wagtailadmin_pages:edit", page.pk)
