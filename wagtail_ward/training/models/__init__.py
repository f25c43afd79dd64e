"""Training programmes: the index, the programme page, its courses and the applications."""

from .applications import (
    ApplicationStatus,
    DegreeGrade,
    TrainingApplication,
    applicant_hash,
    new_receipt_number,
    save_application,
)
from .courses import AbstractTrainingCourse, TrainingCourse
from .index import TrainingIndexPageMixin
from .mixins import TrainingProgrammePageMixin
from .pages import TrainingIndexPage, TrainingProgrammePage
from .status import STATUS_ORDER, ProgrammeStatus, days_left, derived_status

__all__ = [
    "STATUS_ORDER",
    "AbstractTrainingCourse",
    "ApplicationStatus",
    "DegreeGrade",
    "ProgrammeStatus",
    "TrainingApplication",
    "TrainingCourse",
    "TrainingIndexPage",
    "TrainingIndexPageMixin",
    "TrainingProgrammePage",
    "TrainingProgrammePageMixin",
    "applicant_hash",
    "days_left",
    "derived_status",
    "new_receipt_number",
    "save_application",
]
