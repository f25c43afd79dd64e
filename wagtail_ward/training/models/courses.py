"""The courses (or phases) of a programme: name, length in months, dates and content."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin


class AbstractTrainingCourse(TranslatableMixin, Orderable):
    """The fields of a course. A project's own programme page gives its courses a concrete
    subclass with ``page = ParentalKey(<its page>, related_name="courses")``."""

    name = models.CharField(
        _("name"), max_length=255, help_text=_("E.g. “Khóa 1” or “Giai đoạn 1: lý luận chính trị”.")
    )
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"),
        help_text=_("How many months the course lasts. The courses should add up to the total."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    content = models.TextField(
        _("content"), blank=True, help_text=_("What the trainees learn or do in this course.")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("duration_months")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("content"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def api_representation(self):
        return {
            "id": self.pk,
            "name": self.name,
            "duration_months": self.duration_months,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "content": self.content,
        }


class TrainingCourse(AbstractTrainingCourse):
    page = ParentalKey(
        "wagtail_ward_training.TrainingProgrammePage",
        on_delete=models.CASCADE,
        related_name="courses",
    )

    class Meta(AbstractTrainingCourse.Meta):
        verbose_name = _("course")
        verbose_name_plural = _("courses")
