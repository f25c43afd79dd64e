"""The project serves its own programmes at /api/v2/training/ when the tests run through them
(see tests/subclassed_news/wagtail_hooks.py)."""

from wagtail import hooks

from tests.families import SUBCLASSED
from wagtail_ward.training.api import TrainingAPIViewSet

from .models import ProjectTrainingIndexPage


class ProjectTrainingAPIViewSet(TrainingAPIViewSet):
    index_model = ProjectTrainingIndexPage


if SUBCLASSED:

    @hooks.register("register_wagtail_ward_api_endpoints", order=1)
    def register_project_training_endpoint(router):
        router.register_endpoint("training", ProjectTrainingAPIViewSet)
