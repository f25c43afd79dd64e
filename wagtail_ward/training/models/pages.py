"""The family's own thin concrete pages over the mixins."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .index import TrainingIndexPageMixin
from .mixins import TrainingProgrammePageMixin


class TrainingIndexPage(TrainingIndexPageMixin, Page):
    template = "wagtail_ward/training/training_index_page.html"
    subpage_types = ["wagtail_ward_training.TrainingProgrammePage"]

    class Meta:
        verbose_name = _("training index page")
        verbose_name_plural = _("training index pages")


class TrainingProgrammePage(TrainingProgrammePageMixin, Page):
    template = "wagtail_ward/training/training_programme_page.html"
    parent_page_types = ["wagtail_ward_training.TrainingIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
