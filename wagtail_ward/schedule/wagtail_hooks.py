"""Admin of the schedules: the Leader snippet, buttons on a schedule, the dashboard panel."""

import datetime

from django.apps import apps
from django.contrib import messages
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ..dates import ward_today
from . import import_views, views
from .api import register_endpoints
from .models import Leader, ScheduleIndexPageMixin, WeeklySchedulePageMixin


class LeaderViewSet(SnippetViewSet):
    model = Leader
    icon = "user"
    menu_label = gettext_lazy("Leaders")
    list_display = ["name", "position", "sort_order"]
    search_fields = ["name", "position"]


register_snippet(LeaderViewSet)

hooks.register("register_wagtail_ward_api_endpoints", register_endpoints)


@hooks.register("register_admin_urls")
def register_schedule_urls():
    urls = [
        path("<int:page_id>/import/", import_views.import_view, name="import"),
        path(
            "<int:page_id>/import/<str:token>/",
            import_views.preview_view,
            name="import_preview",
        ),
        path("template.xlsx", views.template_view, name="template"),
        path("<int:page_id>/copy-next-week/", views.copy_to_next_week_view, name="copy"),
        path(
            "index/<int:index_id>/new/<str:start>/",
            views.create_week_view,
            name="create_week",
        ),
    ]
    return [
        path(
            "schedule/", include((urls, "wagtail_ward_schedule"), namespace="wagtail_ward_schedule")
        )
    ]


@hooks.register("register_page_header_buttons")
def schedule_header_buttons(page, user, view_name, next_url=None):
    if not issubclass(page.specific_class or type(page), WeeklySchedulePageMixin):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Import from spreadsheet"),
        reverse("wagtail_ward_schedule:import", args=[page.pk]),
        icon_name="upload",
        priority=80,
    )
    copy_url = reverse("wagtail_ward_schedule:copy", args=[page.pk])
    # Wagtail's w-action controller posts to its url value, not to the link's href: without
    # it, the click posts an empty form to the editor itself.
    yield Button(
        _("Copy to next week"),
        copy_url,
        icon_name="copy",
        priority=81,
        attrs={
            "data-controller": "w-action",
            "data-action": "w-action#post",
            "data-w-action-url-value": copy_url,
        },
    )


def _warn_about_overlaps(request, page):
    if not issubclass(page.specific_class or type(page), WeeklySchedulePageMixin):
        return
    page = page.specific
    for other in page.overlapping_schedules()[:3]:
        messages.warning(
            request,
            _(
                "“%(other)s” of the same list already covers some of these dates "
                "(%(start)s – %(end)s). Check that this is not the same week twice."
            )
            % {
                "other": other.get_admin_display_title(),
                "start": f"{other.start_date:%d/%m/%Y}",
                "end": f"{other.end_date:%d/%m/%Y}",
            },
        )


@hooks.register("after_create_page")
def warn_after_create(request, page):
    _warn_about_overlaps(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    _warn_about_overlaps(request, page)


def _state(page):
    if page is None:
        return "missing", _("Missing")
    if page.live and page.has_unpublished_changes:
        return "live-draft", _("Published, with unpublished changes")
    if page.live:
        return "live", _("Published")
    return "draft", _("Draft")


def _index_models():
    """Every concrete schedule index page: the family's own and a project's."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, ScheduleIndexPageMixin) and not model._meta.abstract
    ]


class ScheduleDashboardPanel(Component):
    """This week's and next week's schedule of every schedule list, with their state."""

    name = "wagtail_ward_schedule"
    order = 140
    template_name = "wagtail_ward/schedule/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        today = ward_today()
        monday = today - datetime.timedelta(days=today.weekday())
        next_monday = monday + datetime.timedelta(days=7)
        weeks = [(_("This week"), today, monday), (_("Next week"), next_monday, next_monday)]
        indexes = sorted(
            (
                index
                for model in _index_models()
                for index in model.objects.order_by("path").select_related("locale")
                if index.permissions_for_user(self.request.user).can_add_subpage()
            ),
            key=lambda index: index.path,
        )[:10]
        schedules = [
            schedule
            for model in {index.schedule_model() for index in indexes}
            for schedule in model.objects.filter(
                end_date__gte=today, start_date__lte=next_monday
            ).order_by("start_date")
        ]
        rows = []
        for index in indexes:
            children = [
                s for s in schedules if s.path.startswith(index.path) and s.depth == index.depth + 1
            ]
            cells = []
            for label, day, start in weeks:
                page = next((s for s in children if s.start_date <= day <= s.end_date), None)
                state, state_label = _state(page)
                cells.append(
                    {
                        "label": label,
                        "start": start,
                        "page": page,
                        "state": state,
                        "state_label": state_label,
                        "create_url": reverse(
                            "wagtail_ward_schedule:create_week", args=[index.pk, start.isoformat()]
                        ),
                    }
                )
            rows.append({"index": index, "weeks": cells})
        return {
            "rows": rows,
            "request": self.request,
            "csrf_token": parent_context.get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_schedule_panel(request, panels):
    if any(model.objects.exists() for model in _index_models()):
        panels.append(ScheduleDashboardPanel(request))
