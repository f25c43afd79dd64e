"""The ordered parts of a procedure: steps, ways to submit, dossier components, legal basis.

Each has an abstract class with the fields; the concrete rows of the family's own page follow.
A project's own procedure page gives them concrete subclasses with a ``ParentalKey`` of the
same ``related_name`` (``steps``, ``methods``, ``dossier``, ``legal_basis``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin

from .choices import Channel


class AbstractProcedureStep(TranslatableMixin, Orderable):
    # Plain text only: nothing for Wagtail's reference index ("usage") to record.
    wagtail_reference_index_ignore = True

    text = models.TextField(
        _("step"), help_text=_("One step of the procedure, in the order the citizen follows.")
    )

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def export(self):
        return self.text


class AbstractSubmissionMethod(TranslatableMixin, Orderable):
    # Plain text only: nothing for Wagtail's reference index ("usage") to record.
    wagtail_reference_index_ignore = True

    channel = models.CharField(_("way to submit"), max_length=16, choices=Channel.choices)
    processing_time = models.CharField(
        _("processing time"),
        max_length=255,
        blank=True,
        help_text=_("For this way of submitting, e.g. “Ngay trong ngày làm việc”."),
    )
    fee = models.CharField(
        _("fee"),
        max_length=255,
        blank=True,
        help_text=_("For this way of submitting, e.g. “Miễn lệ phí” or “8.000 đồng”."),
    )
    description = models.TextField(_("note"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("channel"), FieldPanel("processing_time"), FieldPanel("fee")]),
        FieldPanel("description"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("way to submit")
        verbose_name_plural = _("ways to submit")

    def export(self):
        return {
            "channel": self.channel,
            "processing_time": self.processing_time,
            "fee": self.fee,
            "description": self.description,
        }


class AbstractDossierComponent(TranslatableMixin, Orderable):
    case = models.CharField(
        _("case"),
        max_length=255,
        blank=True,
        help_text=_("Where a procedure has several cases, the case this document belongs to."),
    )
    name = models.TextField(
        pgettext_lazy("dossier component", "document"),
        help_text=_("E.g. “Tờ khai đăng ký khai sinh”."),
    )
    originals = models.PositiveSmallIntegerField(_("originals"), default=1)
    copies = models.PositiveSmallIntegerField(_("copies"), default=0)
    required = models.BooleanField(
        _("required"), default=True, help_text=_("Untick when the document is optional.")
    )
    template = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("form template"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The blank form citizens can download and fill in."),
    )

    panels = [
        FieldPanel("case"),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("originals"), FieldPanel("copies"), FieldPanel("required")]),
        FieldPanel("template"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("dossier component")
        verbose_name_plural = _("dossier components")

    def export(self):
        return {
            "case": self.case,
            "name": self.name,
            "originals": self.originals,
            "copies": self.copies,
            "required": self.required,
            "template": self.template.title if self.template_id else "",
        }


class AbstractLegalBasis(TranslatableMixin, Orderable):
    # Plain text only: nothing for Wagtail's reference index ("usage") to record.
    wagtail_reference_index_ignore = True

    number = models.CharField(
        _("number"), max_length=64, blank=True, help_text=_("E.g. “60/2014/QH13”.")
    )
    title = models.TextField(_("title"), help_text=_("E.g. “Luật Hộ tịch”."))
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    issuer = models.CharField(
        _("issuing body"), max_length=255, blank=True, help_text=_("E.g. “Quốc hội”.")
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("issued_on"), FieldPanel("issuer")]),
        FieldPanel("title"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("legal document")
        verbose_name_plural = _("legal basis")

    def export(self):
        return {
            "number": self.number,
            "title": self.title,
            "date": self.issued_on.isoformat() if self.issued_on else "",
            "issuer": self.issuer,
        }


PAGE = "wagtail_ward_procedures.ProcedurePage"


class ProcedureStep(AbstractProcedureStep):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="steps")


class SubmissionMethod(AbstractSubmissionMethod):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="methods")


class DossierComponent(AbstractDossierComponent):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="dossier")


class LegalBasis(AbstractLegalBasis):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="legal_basis")
