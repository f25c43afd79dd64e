"""The abstract mixins that carry the procedure pages' fields, behaviour and routes.

A mixin never names a concrete page: the index asks ``procedure_model()`` for its procedures
and a procedure asks ``index_model()`` for its index; a project's subclass overrides them.
"""

from django.apps import apps
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..forms import ProcedurePageForm
from ..serializers import procedure_page_api_fields
from .choices import Channel, Level, OnlineLevel
from .listing import ProcedureListingMixin
from .search import fold, home_path
from .snippets import Agency, ProcedureSector

CODE_VALIDATOR = RegexValidator(
    r"^[0-9A-Za-z][0-9A-Za-z.\-_]*$",
    _("Use digits, letters, dots and hyphens only, e.g. “1.001193”."),
)


class ProcedureIndexPageMixin(ProcedureListingMixin, RoutablePageMixin, models.Model):
    """The list of procedures ("Thủ tục hành chính"): by sector, with filters and search."""

    decree_42_item = "procedures"  # what the compliance report counts it as

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A sentence above the list, e.g. where and when the office receives dossiers."),
    )
    per_page = models.PositiveSmallIntegerField(
        _("procedures per page"), default=30, help_text=_("How many procedures to list per page.")
    )
    recent_count = models.PositiveSmallIntegerField(
        _("recently changed procedures"),
        default=5,
        help_text=_("How many recently updated procedures to show above the list; 0 hides them."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("per_page"), FieldPanel("recent_count")]),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        abstract = True

    # The procedure page this index lists, as "app_label.ModelName".
    procedure_model_name = "wagtail_ward_procedures.ProcedurePage"

    @classmethod
    def procedure_model(cls):
        """The procedure page listed by this index (``procedure_model_name`` resolved)."""
        return apps.get_model(cls.procedure_model_name)

    def sectors(self):
        return ProcedureSector.objects.filter(locale_id=self.locale_id)


class ProcedurePageMixin(RoutablePageMixin, models.Model):
    """One administrative procedure with the fields of the national procedure database.

    The concrete page has the inline rows ``steps``, ``methods``, ``dossier`` and
    ``legal_basis`` (see ``inlines.py``).
    """

    decree_42_item = "procedures"  # what the compliance report counts it as

    code = models.CharField(
        _("procedure code"),
        max_length=32,
        validators=[CODE_VALIDATOR],
        help_text=_(
            "The code of the national procedure database (mã thủ tục), e.g. “1.001193”. "
            "Unique among the procedures of this website and language."
        ),
    )
    decision = models.CharField(
        _("publishing decision"),
        max_length=255,
        blank=True,
        help_text=_("The decision that published or last changed the procedure."),
    )
    sector = models.ForeignKey(
        ProcedureSector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The sector (lĩnh vực) of the national list, e.g. “Hộ tịch”."),
    )
    level = models.CharField(_("level"), max_length=8, choices=Level.choices, default=Level.COMMUNE)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("implementing agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submission_place = models.TextField(
        _("where to submit"), blank=True, help_text=_("E.g. the one-stop desk of the ward office.")
    )
    applicants = models.TextField(_("applicants"), blank=True, help_text=_("Who may apply."))
    dossier_sets = models.PositiveSmallIntegerField(
        _("number of dossier sets"), default=1, help_text=_("Usually 1.")
    )
    processing_days = models.PositiveSmallIntegerField(
        _("processing time (working days)"),
        null=True,
        blank=True,
        help_text=_("The longest time in working days; 0 for the same day. Used for sorting."),
    )
    processing_time_text = models.CharField(
        _("processing time"),
        max_length=255,
        blank=True,
        help_text=_("As the decision words it, e.g. “Ngay trong ngày tiếp nhận hồ sơ”."),
    )
    result = models.TextField(_("result"), blank=True, help_text=_("What the citizen receives."))
    fees = models.TextField(_("fees and charges"), blank=True)
    requirements = models.TextField(_("requirements and conditions"), blank=True)
    online_level = models.CharField(
        _("online service level"),
        max_length=8,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    portal_url = models.URLField(
        _("link on the national portal"),
        max_length=500,
        blank=True,
        help_text=_("The procedure on dichvucong.gov.vn, where citizens submit online."),
    )
    last_updated = models.DateField(
        _("last updated"), null=True, blank=True, help_text=_("The date of the latest change.")
    )
    announced_on = models.DateField(
        _("announced on"),
        null=True,
        blank=True,
        help_text=_(
            "Fill in to list this procedure in “Latest news” as a new or changed procedure; "
            "leave empty otherwise."
        ),
    )
    change_note = models.CharField(
        _("what changed"),
        max_length=255,
        blank=True,
        help_text=_("Shown with the announcement, e.g. “Thủ tục mới công bố”."),
    )
    # Written on save: the title folded for search (see search.py).
    search_title = models.CharField(max_length=512, blank=True, editable=False, db_index=True)

    base_form_class = ProcedurePageForm

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
                FieldRowPanel([FieldPanel("sector"), FieldPanel("agency")]),
                FieldPanel("decision"),
                FieldRowPanel([FieldPanel("last_updated"), FieldPanel("online_level")]),
                FieldPanel("portal_url"),
            ],
            heading=_("Identification"),
        ),
        FieldPanel("applicants"),
        FieldPanel("submission_place"),
        InlinePanel("steps", heading=_("Steps"), label=_("step")),
        InlinePanel("methods", heading=_("Ways to submit"), label=_("way to submit")),
        InlinePanel(
            "dossier",
            heading=_("Dossier components"),
            label=pgettext_lazy("dossier component", "document"),
        ),
        FieldRowPanel(
            [
                FieldPanel("dossier_sets"),
                FieldPanel("processing_days"),
                FieldPanel("processing_time_text"),
            ]
        ),
        FieldPanel("result"),
        FieldPanel("fees"),
        FieldPanel("requirements"),
        InlinePanel("legal_basis", heading=_("Legal basis"), label=_("legal document")),
        MultiFieldPanel(
            [FieldPanel("announced_on"), FieldPanel("change_note")],
            heading=_("Announcement"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("search_title"),
        index.FilterField("level"),
        index.FilterField("online_level"),
        index.FilterField("sector"),
    ]
    api_fields = procedure_page_api_fields()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_title = fold(self.title)[:512]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "title" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_title"}
        return super().save(*args, **kwargs)

    # The index that lists this procedure, as "app_label.ModelName".
    index_model_name = "wagtail_ward_procedures.ProcedureIndexPage"

    @classmethod
    def index_model(cls):
        return apps.get_model(cls.index_model_name)

    def code_taken(self, code, parent):
        """Whether another procedure of ``parent``'s website and this language has ``code``."""
        others = type(self).objects.filter(code=code, locale_id=self.locale_id or parent.locale_id)
        if parent is not None:
            others = others.filter(path__startswith=home_path(parent))
        if self.pk:
            others = others.exclude(pk=self.pk)
        return others.exists()

    # Reading -------------------------------------------------------------------------------

    @property
    def is_online(self):
        return self.online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL) and bool(
            self.portal_url
        )

    def dossier_groups(self):
        """``[(case, [components])]`` in order; one group with case "" when there are none."""
        groups = []
        for component in self.dossier.all():
            if not groups or groups[-1][0] != component.case:
                groups.append((component.case, []))
            groups[-1][1].append(component)
        return groups

    def online_methods(self):
        return [m for m in self.methods.all() if m.channel == Channel.ONLINE]

    def with_parts(self, request=None):
        """This page with its rows loaded in one query each (a preview keeps the form's rows)."""
        if not getattr(request, "is_preview", False):
            model = type(self)
            prefetch_related_objects(
                [self],
                "steps",
                "methods",
                Prefetch(
                    "dossier",
                    queryset=model._meta.get_field("dossier")
                    .related_model.objects.select_related("template")
                    .order_by("sort_order", "pk"),
                ),
                "legal_basis",
            )
        return self

    # Views -----------------------------------------------------------------------------------

    @path("")
    def procedure_view(self, request):
        self.with_parts(request)
        return self.render(request)

    @path("print/", name="print")
    def print_view(self, request):
        self.with_parts(request)
        return self.render(request, template="wagtail_ward/procedures/procedure_page_print.html")
