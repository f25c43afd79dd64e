"""The project serves its own procedures at /api/v2/procedures/ when the tests run through them
(see tests/subclassed_news/wagtail_hooks.py)."""

from wagtail import hooks

from tests.families import SUBCLASSED
from wagtail_ward.procedures.api import ProcedureAPIViewSet

from .models import ProjectProcedureIndexPage


class ProjectProcedureAPIViewSet(ProcedureAPIViewSet):
    index_model = ProjectProcedureIndexPage


if SUBCLASSED:

    @hooks.register("register_wagtail_ward_api_endpoints", order=1)
    def register_project_procedure_endpoint(router):
        router.register_endpoint("procedures", ProjectProcedureAPIViewSet)
