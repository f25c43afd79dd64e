"""A project's own procedure pages over the procedures mixins, as a project would write them.

The family's tests run through these pages with ``WARD_TEST_PAGES=subclassed`` (see
tests/families.py): a mixin, the importer, the API or an admin view that names one of the
family's concrete classes fails there. The sectors and agencies stay the family's snippets.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.models import Page

from wagtail_ward.procedures.models import (
    AbstractDossierComponent,
    AbstractLegalBasis,
    AbstractProcedureStep,
    AbstractSubmissionMethod,
    ProcedureIndexPageMixin,
    ProcedurePageMixin,
)

PAGE = "subclassed_procedures.ProjectProcedurePage"


class ProjectProcedureIndexPage(ProcedureIndexPageMixin, Page):
    template = "wagtail_ward/procedures/procedure_index_page.html"
    subpage_types = [PAGE]
    procedure_model_name = PAGE


class ProjectProcedurePage(ProcedurePageMixin, Page):
    template = "wagtail_ward/procedures/procedure_page.html"
    parent_page_types = ["subclassed_procedures.ProjectProcedureIndexPage"]
    subpage_types = []
    index_model_name = "subclassed_procedures.ProjectProcedureIndexPage"


# The project's procedure page has rows of its own, under the family's relation names.


class ProjectProcedureStep(AbstractProcedureStep):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="steps")

    class Meta(AbstractProcedureStep.Meta):
        pass


class ProjectSubmissionMethod(AbstractSubmissionMethod):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="methods")

    class Meta(AbstractSubmissionMethod.Meta):
        pass


class ProjectDossierComponent(AbstractDossierComponent):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="dossier")

    class Meta(AbstractDossierComponent.Meta):
        pass


class ProjectLegalBasis(AbstractLegalBasis):
    page = ParentalKey(PAGE, on_delete=models.CASCADE, related_name="legal_basis")

    class Meta(AbstractLegalBasis.Meta):
        pass
