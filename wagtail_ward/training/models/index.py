"""The abstract mixin of the training index: programmes grouped by status."""

from django.apps import apps
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ...dates import ward_today
from ...params import BadParameter, bad_request, check_year, choice
from ...public import public_q
from .status import STATUS_ORDER, ProgrammeStatus


class TrainingIndexPageMixin(RoutablePageMixin, models.Model):
    """The list of programmes ("Đào tạo"): open for applications, in progress, planned,
    completed; ``?status=`` shows one group, ``archive/<year>/`` the programmes of a year."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A sentence above the list, e.g. who organises the programmes."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    programme_model_name = "wagtail_ward_training.TrainingProgrammePage"

    @classmethod
    def programme_model(cls):
        """The programme page listed by this index (``programme_model_name`` resolved)."""
        return apps.get_model(cls.programme_model_name)

    def live_programmes(self, request=None):
        """Live, public programmes of this index with their courses (two queries)."""
        model = self.programme_model()
        return (
            model.objects.child_of(self)
            .live()
            .filter(public_q(request))
            .prefetch_related(
                Prefetch("courses", queryset=model.course_model().objects.order_by("sort_order"))
            )
            .order_by("-applications_open", "-date", "-pk")
        )

    def grouped(self, programmes, today=None):
        """[(status, [programmes])] in the index's order, empty groups left out."""
        today = today or ward_today()
        groups = {code: [] for code in STATUS_ORDER}
        for programme in programmes:
            groups[programme.status(today).value].append(programme)
        return [(ProgrammeStatus(code), groups[code]) for code in STATUS_ORDER if groups[code]]

    def _render_index(self, request, programmes, **extra):
        try:
            wanted = choice(request.GET, "status", STATUS_ORDER)
        except BadParameter as error:
            return bad_request(error, json=False)
        groups = self.grouped(programmes)
        if wanted:
            groups = [(status, items) for status, items in groups if status.value == wanted]
        context = self.get_context(request)
        context.update(
            {
                "groups": groups,
                "status": wanted,
                "statuses": list(ProgrammeStatus),
                "years": [
                    d.year for d in self.live_programmes(request).dates("date", "year", "DESC")
                ],
                **extra,
            }
        )
        return TemplateResponse(request, self.get_template(request), context)

    @path("")
    def index_view(self, request):
        return self._render_index(request, self.live_programmes(request))

    @re_path(r"^archive/(?P<year>[0-9]{4})/$", name="archive")
    def archive_view(self, request, year):
        try:
            year = check_year(int(year))
        except BadParameter as error:
            raise Http404(error.message) from None
        return self._render_index(
            request, self.live_programmes(request).filter(date__year=year), year=year
        )
