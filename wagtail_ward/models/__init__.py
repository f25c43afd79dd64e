from .items import IndexedItem
from .organisation import (
    OrganisationDepartment,
    OrganisationLeader,
    OrganisationPage,
    OrganisationPageMixin,
)
from .pages import (
    ContentPage,
    ContentPageMixin,
    SitemapPage,
    SitemapPageMixin,
    WardHomePage,
    WardHomePageMixin,
)
from .poll_totals import PollTotal
from .polls import DuplicateVotePolicy, Poll, PollChoice, PollStatus, PollVote, ResultsVisibility
from .profile import UnitLevel, UnitProfile
from .questions import (
    CitizenQuestion,
    CitizenQuestionsPage,
    CitizenQuestionsPageMixin,
    QuestionStatus,
)
from .settings import WardSettings
from .side_boxes import SideBox, SideBoxKind
from .versions import ContentVersion, SiteContentVersion
from .visits import DailyVisitCount

__all__ = [
    "CitizenQuestion",
    "CitizenQuestionsPage",
    "CitizenQuestionsPageMixin",
    "OrganisationDepartment",
    "OrganisationLeader",
    "OrganisationPage",
    "OrganisationPageMixin",
    "QuestionStatus",
    "UnitLevel",
    "IndexedItem",
    "ContentPage",
    "ContentPageMixin",
    "ContentVersion",
    "DailyVisitCount",
    "DuplicateVotePolicy",
    "Poll",
    "PollChoice",
    "PollStatus",
    "PollTotal",
    "PollVote",
    "ResultsVisibility",
    "SideBox",
    "SideBoxKind",
    "SiteContentVersion",
    "SitemapPage",
    "SitemapPageMixin",
    "UnitProfile",
    "WardHomePage",
    "WardHomePageMixin",
    "WardSettings",
]
