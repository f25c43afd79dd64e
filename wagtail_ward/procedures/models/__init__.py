"""Administrative procedures: the index, the procedure page, its rows, sectors and agencies."""

from .choices import Channel, Level, OnlineLevel
from .inlines import (
    AbstractDossierComponent,
    AbstractLegalBasis,
    AbstractProcedureStep,
    AbstractSubmissionMethod,
    DossierComponent,
    LegalBasis,
    ProcedureStep,
    SubmissionMethod,
)
from .mixins import ProcedureIndexPageMixin, ProcedurePageMixin
from .pages import ProcedureIndexPage, ProcedurePage
from .records import RECORD_KEYS, apply_record, procedure_record
from .search import fold, home_path, search_procedures
from .snippets import Agency, ProcedureSector

__all__ = [
    "RECORD_KEYS",
    "AbstractDossierComponent",
    "AbstractLegalBasis",
    "AbstractProcedureStep",
    "AbstractSubmissionMethod",
    "Agency",
    "Channel",
    "DossierComponent",
    "LegalBasis",
    "Level",
    "OnlineLevel",
    "ProcedureIndexPage",
    "ProcedureIndexPageMixin",
    "ProcedurePage",
    "ProcedurePageMixin",
    "ProcedureSector",
    "ProcedureStep",
    "SubmissionMethod",
    "apply_record",
    "fold",
    "home_path",
    "procedure_record",
    "search_procedures",
]
