"""Admin views of polls: results with a chart and votes over time, CSV export, and creating a
poll from a preset. Registered by ``PollViewSet`` in ``wagtail_ward.wagtail_hooks``."""

import csv

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton, ListingButton
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from ..dates import ward_timezone
from ..models import Poll, PollVote
from .presets import PRESETS, create_poll_from_preset
from .results import largest_remainder, poll_results


class PollAdminMixin(WagtailAdminTemplateMixin):
    permission_policy = None
    viewset = None
    permissions = ("view", "change")

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_any_permission(request.user, self.permissions):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_poll(self):
        return get_object_or_404(Poll.objects.select_related("locale"), pk=self.kwargs["pk"])

    def get_breadcrumbs_items(self):
        items = [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailsnippets:index"), "label": _("Snippets")},
            {
                "url": reverse(self.viewset.get_url_name("list")),
                "label": capfirst(Poll._meta.verbose_name_plural),
            },
        ]
        poll = getattr(self, "poll", None)
        if poll is not None:
            items.append(
                {
                    "url": reverse(self.viewset.get_url_name("edit"), args=[poll.pk]),
                    "label": str(poll),
                }
            )
        return [*items, {"url": "", "label": self.get_page_title()}]


def votes_per_day(poll):
    """``[(date, votes)]`` in the office's time zone, oldest first: one query."""
    rows = (
        PollVote.objects.filter(poll_key=poll.translation_key)
        .annotate(day=TruncDate("created_at", tzinfo=ward_timezone()))
        .values("day")
        .annotate(n=Count("*"))
        .order_by("day")
        .values_list("day", "n")
    )
    return list(rows)


class PollResultsView(PollAdminMixin, TemplateView):
    template_name = "wagtail_ward/polls/admin_results.html"
    header_icon = "list-ul"

    def get_page_title(self):
        return _("Poll results")

    def get_page_subtitle(self):
        return str(self.poll)

    def get(self, request, *args, **kwargs):
        self.poll = self.get_poll()
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        days = votes_per_day(self.poll)
        peak = max((n for _day, n in days), default=0)
        busiest = (
            PollVote.objects.filter(poll_key=self.poll.translation_key, ip_hash__isnull=False)
            .values("ip_hash")
            .annotate(n=Count("*"))
            .order_by("-n")
            .values_list("n", flat=True)
            .first()
        )
        context.update(
            poll=self.poll,
            results=poll_results(self.poll),
            dom_id=f"ward-poll-admin-{self.poll.pk}",
            days=[
                {"day": day, "count": n, "percent": round(n * 100 / peak) if peak else 0}
                for day, n in days
            ],
            busiest_address=busiest or 0,
            csv_url=reverse(self.viewset.get_url_name("results_csv"), args=[self.poll.pk]),
            edit_url=reverse(self.viewset.get_url_name("edit"), args=[self.poll.pk]),
        )
        return context


class _Echo:
    def write(self, value):
        return value


def poll_results_csv(request, pk, permission_policy=None):
    """Every vote of the poll (all languages): time, answer key, answer, and the summary.

    No hash leaves the database: the export holds nothing about the voter.
    """
    if not permission_policy.user_has_any_permission(request.user, ("view", "change")):
        raise PermissionDenied
    poll = get_object_or_404(Poll, pk=pk)
    labels = {choice.key: choice.label for choice in poll.choices.all()}
    tz = ward_timezone()

    def rows():
        writer = csv.writer(_Echo())
        yield "\ufeff"  # so that spreadsheet programs read the Vietnamese letters right
        yield writer.writerow([_("Answer key"), _("Answer"), _("Votes"), _("Percent")])
        results = poll_results(poll)
        for row in results.rows:
            yield writer.writerow([row.key, row.label, row.count, row.percent])
        yield writer.writerow(["", _("Total"), results.total, 100 if results.total else 0])
        yield writer.writerow([])
        yield writer.writerow([_("Cast at"), _("Answer key"), _("Answer")])
        votes = (
            PollVote.objects.filter(poll_key=poll.translation_key)
            .order_by("created_at", "pk")
            .values_list("created_at", "choice_key")
        )
        for created_at, key in votes.iterator(chunk_size=2000):
            local = timezone.localtime(created_at, tz)
            yield writer.writerow([local.isoformat(), key, labels.get(key, "")])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    filename = f"poll-{poll.pk}-results-{timezone.localdate(timezone=tz).isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class PresetForm(forms.Form):
    preset = forms.ChoiceField(
        label=gettext_lazy("Start from"),
        widget=forms.RadioSelect,
        choices=[(name, preset["title"]) for name, preset in PRESETS.items()],
    )
    locale = forms.ModelChoiceField(
        label=gettext_lazy("Language"),
        queryset=Locale.objects.all(),
        empty_label=None,
        help_text=gettext_lazy(
            "Create the poll in the site's main language; translate it afterwards."
        ),
    )


class CreateFromPresetView(PollAdminMixin, FormView):
    template_name = "wagtail_ward/polls/admin_preset.html"
    form_class = PresetForm
    header_icon = "list-ul"
    permissions = ("add",)

    def get_page_title(self):
        return _("New poll from a preset")

    def get_initial(self):
        return {"locale": Locale.get_default(), "preset": next(iter(PRESETS))}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["presets"] = [
            {
                "name": name,
                "title": preset["title"],
                "choices": [vi for _key, vi, _en in preset["choices"]],
                "percentages": largest_remainder([1] * len(preset["choices"])),
            }
            for name, preset in PRESETS.items()
        ]
        return context

    def form_valid(self, form):
        poll = create_poll_from_preset(form.cleaned_data["preset"], form.cleaned_data["locale"])
        messages.success(
            self.request,
            _("Poll “%(question)s” created. Check the dates and answers, then save.")
            % {"question": poll.question},
        )
        return redirect(self.viewset.get_url_name("edit"), poll.pk)


class PollIndexView(IndexView):
    preset_url_name = None
    results_url_name = None

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(
                HeaderButton(
                    _("New poll from a preset"),
                    url=reverse(self.preset_url_name),
                    icon_name="list-ul",
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        buttons.append(
            ListingButton(
                _("Results"),
                url=reverse(self.results_url_name, args=[instance.pk]),
                icon_name="list-ul",
                attrs={"aria-label": _("Results of “%(poll)s”") % {"poll": instance}},
                priority=5,
            )
        )
        return buttons


class PollViewSet(SnippetViewSet):
    """Snippets → Polls: the list, the editor, "New poll from a preset" and each poll's
    results (chart, votes over time, CSV)."""

    model = Poll
    icon = "list-ul"
    menu_label = gettext_lazy("Polls")
    list_display = ["question", "opens_at", "closes_at", "results_visibility"]
    search_fields = ["question"]
    index_view_class = PollIndexView

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            preset_url_name=self.get_url_name("from_preset"),
            results_url_name=self.get_url_name("results"),
            **kwargs,
        )

    def get_urlpatterns(self):
        common = {"permission_policy": self.permission_policy, "viewset": self}
        return [
            *super().get_urlpatterns(),
            path(
                "from-preset/",
                CreateFromPresetView.as_view(**common),
                name="from_preset",
            ),
            path("results/<int:pk>/", PollResultsView.as_view(**common), name="results"),
            path(
                "results/<int:pk>/csv/",
                partial_view(poll_results_csv, self.permission_policy),
                name="results_csv",
            ),
        ]


def partial_view(view, permission_policy):
    def wrapped(request, pk):
        return view(request, pk, permission_policy=permission_policy)

    return wrapped
