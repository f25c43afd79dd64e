"""The abstract mixin of the training programme page: its fields, checks, reading and routes.

It never names a concrete class: it asks ``index_model()``, ``course_model()`` and
``application_model()``, which a project's subclass may override (see docs/page-families.md).
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ...blocks import DocumentBlock, WardBodyBlock
from ...dates import ward_today
from ...ratelimit import retry_after, too_many_requests
from ..blocks import ProgrammeListBlock
from ..conf import training_setting
from ..forms import ApplicationForm, TrainingProgrammeForm, duration_difference_message
from ..forms import programme_problems as _programme_problems
from .applications import DegreeGrade, save_application
from .fields import PROGRAMME_API_FIELDS
from .status import ProgrammeStatus, days_left, derived_status


def _list_field(verbose_name, help_text):
    return StreamField(
        ProgrammeListBlock(), verbose_name=verbose_name, blank=True, help_text=help_text
    )


class TrainingProgrammePageMixin(RoutablePageMixin, models.Model):
    """A training programme: key numbers, application period, courses, criteria, benefits,
    obligations, forms, and the online application while it is open.

    The concrete page has courses: an inline model with ``ParentalKey(<the page>,
    related_name="courses")``.
    """

    date = models.DateField(
        _("date"),
        default=ward_today,
        help_text=_("The day the programme was announced; “Tin mới” lists it by this date."),
    )
    organiser = models.CharField(
        _("organiser"),
        max_length=255,
        help_text=_("Who runs the programme, e.g. “Thành ủy Hải Phòng”."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: the aim of the programme and for whom.")
    )
    target_trainees = models.PositiveIntegerField(
        _("target number of trainees"),
        null=True,
        blank=True,
        help_text=_("How many people the programme means to train in all."),
    )
    selected_count = models.PositiveIntegerField(
        _("selected so far"),
        default=0,
        help_text=_("How many trainees have been selected so far; not above the target."),
    )
    count_selected_applications = models.BooleanField(
        _("count online applications"),
        default=False,
        help_text=_(
            "Show as “selected so far” the number of online applications marked “selected”, "
            "instead of the number above."
        ),
    )
    participating_units_count = models.PositiveSmallIntegerField(
        _("number of participating units"),
        null=True,
        blank=True,
        help_text=_("E.g. 14 when the trainees come from 14 districts."),
    )
    participating_units = models.TextField(
        _("participating units"),
        blank=True,
        help_text=_("Their names, one per line. Leave empty when only the number is known."),
    )
    total_duration_months = models.PositiveSmallIntegerField(
        _("total duration (months)"),
        null=True,
        blank=True,
        help_text=_("The whole programme; the courses below should add up to it."),
    )
    applications_open = models.DateField(
        _("applications open"), null=True, blank=True, help_text=_("First day to apply.")
    )
    applications_close = models.DateField(
        _("applications close"),
        null=True,
        blank=True,
        help_text=_("Last day to apply; the online form closes after this day."),
    )
    status_override = models.CharField(
        _("status (by hand)"),
        max_length=16,
        choices=ProgrammeStatus.choices,
        blank=True,
        help_text=_(
            "Leave empty: the status follows the dates (planned, open, in progress, "
            "completed). Choose one only when the dates do not tell, e.g. a programme stopped "
            "early."
        ),
    )
    age_limit = models.PositiveSmallIntegerField(
        _("age limit"),
        null=True,
        blank=True,
        help_text=_("Applicants must be younger than this, e.g. 30 for “under 30”."),
    )
    civil_servant_age_limit = models.PositiveSmallIntegerField(
        _("age limit for civil servants"),
        null=True,
        blank=True,
        help_text=_("Civil servants may apply up to this age, included, e.g. 35."),
    )
    online_applications = models.BooleanField(
        _("online applications"),
        default=True,
        help_text=_("Offer the online application form while applications are open."),
    )
    contact = models.TextField(
        _("contact"), blank=True, help_text=_("Office, address, phone and e-mail for questions.")
    )
    eligibility = _list_field(
        _("eligibility criteria"), _("Who may apply: one criterion per item.")
    )
    benefits = _list_field(_("benefits while studying"), _("Salary, allowances, scholarships."))
    graduate_policy = _list_field(
        _("policy after graduation"), _("Where graduates work and how they can be promoted.")
    )
    obligations = _list_field(
        _("obligations"), _("What trainees commit to, including when they must repay the costs.")
    )
    application_forms = StreamField(
        [("document", DocumentBlock())],
        verbose_name=_("application forms"),
        blank=True,
        help_text=_("The forms applicants download and fill in."),
    )
    body = StreamField(
        WardBodyBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Everything else: background, the scheme, pictures, tables."),
    )

    base_form_class = TrainingProgrammeForm

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("organiser")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("target_trainees"), FieldPanel("selected_count")]),
                FieldPanel("count_selected_applications"),
                FieldRowPanel(
                    [FieldPanel("participating_units_count"), FieldPanel("total_duration_months")]
                ),
                FieldPanel("participating_units"),
            ],
            heading=_("Key numbers"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("applications_open"), FieldPanel("applications_close")]),
                FieldPanel("status_override"),
                FieldRowPanel([FieldPanel("age_limit"), FieldPanel("civil_servant_age_limit")]),
                FieldPanel("online_applications"),
            ],
            heading=_("Applications"),
        ),
        InlinePanel("courses", heading=_("Courses"), label=_("course")),
        FieldPanel("eligibility"),
        FieldPanel("benefits"),
        FieldPanel("graduate_policy"),
        FieldPanel("obligations"),
        FieldPanel("application_forms"),
        FieldPanel("contact"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("organiser"),
        index.SearchField("body"),
        index.RelatedFields("courses", [index.SearchField("name"), index.SearchField("content")]),
    ]
    api_fields = PROGRAMME_API_FIELDS

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = _programme_problems(
            {name: getattr(self, name) for name in self._checked_fields}, []
        )
        if errors:
            raise ValidationError(errors)

    _checked_fields = (
        "target_trainees",
        "selected_count",
        "applications_open",
        "applications_close",
    )

    # Model hooks -------------------------------------------------------------------------------

    index_model_name = "wagtail_ward_training.TrainingIndexPage"
    application_model_name = "wagtail_ward_training.TrainingApplication"

    @classmethod
    def index_model(cls):
        """The index page that lists this programme (``index_model_name`` resolved)."""
        return apps.get_model(cls.index_model_name)

    @classmethod
    def course_model(cls):
        """The course model: the inline model whose ParentalKey to this page is "courses"."""
        return cls._meta.get_field("courses").related_model

    @classmethod
    def application_model(cls):
        """The model the online applications are stored in."""
        return apps.get_model(cls.application_model_name)

    # Reading -----------------------------------------------------------------------------------

    def sorted_courses(self):
        return sorted(self.courses.all(), key=lambda c: (c.sort_order or 0, c.pk or 0))

    @property
    def ends_on(self):
        """The day the last course ends (None when no course has an end date)."""
        ends = [course.end_date for course in self.courses.all() if course.end_date]
        return max(ends) if ends else None

    def status(self, today=None):
        if self.status_override:
            return ProgrammeStatus(self.status_override)
        return derived_status(
            today or ward_today(), self.applications_open, self.applications_close, self.ends_on
        )

    @property
    def current_status(self):
        return self.status()

    @property
    def status_label(self):
        return self.status().label

    @property
    def days_left_to_apply(self):
        if self.status() != ProgrammeStatus.OPEN:
            return None
        return days_left(ward_today(), self.applications_close)

    @property
    def accepts_applications(self):
        return self.online_applications and self.status() == ProgrammeStatus.OPEN

    @property
    def selected_so_far(self):
        if not self.count_selected_applications:
            return self.selected_count
        if not hasattr(self, "_selected_applications"):
            self._selected_applications = (
                self.application_model()
                .objects.filter(programme_key=self.translation_key, status="selected")
                .count()
            )
        return self._selected_applications

    @property
    def unit_names(self):
        return [line.strip() for line in self.participating_units.splitlines() if line.strip()]

    @property
    def duration_warning(self):
        return duration_difference_message(
            self.total_duration_months, [c.duration_months for c in self.courses.all()]
        )

    def _with_courses(self, request=None):
        if not getattr(request, "is_preview", False):
            prefetch_related_objects(
                [self],
                Prefetch("courses", queryset=self.course_model().objects.order_by("sort_order")),
            )
        return self

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["today"] = ward_today()
        context["index_page"] = self.get_parent()
        return context

    # Views -------------------------------------------------------------------------------------

    @path("")
    def programme_view(self, request):
        self._with_courses(request)
        return self.render(request)

    @path("print/", name="print")
    def print_view(self, request):
        self._with_courses(request)
        return self.render(request, template="wagtail_ward/training/training_programme_print.html")

    @path("apply/", name="apply")
    def apply_view(self, request):
        self._with_courses(request)
        template = "wagtail_ward/training/training_application_form.html"
        context = self.get_context(request)
        if not self.accepts_applications:
            context["closed"] = True
            return TemplateResponse(request, template, context, status=403)
        today = ward_today()
        options = {
            "grades": DegreeGrade.choices,
            "today": today,
            "age_limit": self.age_limit,
            "civil_servant_age_limit": self.civil_servant_age_limit,
        }
        if request.method != "POST":
            context["form"] = ApplicationForm(**options)
            return TemplateResponse(request, template, context)
        rate = training_setting("TRAINING_APPLICATION_RATE")
        if too_many_requests(request, "wagtail_ward_training.apply", rate):
            context["too_many"] = True
            response = TemplateResponse(request, template, context, status=429)
            response["Retry-After"] = str(retry_after(rate))
            return response
        form = ApplicationForm(request.POST, request.FILES, **options)
        if form.is_valid():
            application = save_application(self, form.cleaned_data, today)
            if application is not None:
                context["application"] = application
                return TemplateResponse(
                    request, "wagtail_ward/training/training_application_done.html", context
                )
            form.add_error(
                None,
                _gettext(
                    "An application with this name and date of birth has already been received."
                ),
            )
        context["form"] = form
        return TemplateResponse(request, template, context, status=400)
