"""A project's own training pages over the training mixins, as a project would write them.

The family's tests run through these pages with ``WARD_TEST_PAGES=subclassed`` (see
tests/families.py): a mixin that names one of the family's concrete classes fails there. The
applications stay in the family's own model (``application_model_name``), which points to any
page.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.models import Page

from wagtail_ward.training.models import (
    AbstractTrainingCourse,
    TrainingIndexPageMixin,
    TrainingProgrammePageMixin,
)


class ProjectTrainingIndexPage(TrainingIndexPageMixin, Page):
    template = "wagtail_ward/training/training_index_page.html"
    subpage_types = ["subclassed_training.ProjectTrainingProgrammePage"]
    programme_model_name = "subclassed_training.ProjectTrainingProgrammePage"


class ProjectTrainingProgrammePage(TrainingProgrammePageMixin, Page):
    template = "wagtail_ward/training/training_programme_page.html"
    parent_page_types = ["subclassed_training.ProjectTrainingIndexPage"]
    subpage_types = []
    index_model_name = "subclassed_training.ProjectTrainingIndexPage"


class ProjectTrainingCourse(AbstractTrainingCourse):
    """The project's programme page has courses of its own: the fields come from the family."""

    page = ParentalKey(
        ProjectTrainingProgrammePage, related_name="courses", on_delete=models.CASCADE
    )

    class Meta(AbstractTrainingCourse.Meta):
        pass
