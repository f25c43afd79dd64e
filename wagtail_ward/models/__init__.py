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
from .versions import ContentVersion, PageContentVersion, SiteContentVersion
from .visits import DailyVisitCount

__all__ = [
    "CitizenQuestion",
    "CitizenQuestionsPage",
    "CitizenQuestionsPageMixin",
    "ContentPage",
    "ContentPageMixin",
    "ContentVersion",
    "DailyVisitCount",
    "DuplicateVotePolicy",
    "IndexedItem",
    "OrganisationDepartment",
    "OrganisationLeader",
    "OrganisationPage",
    "OrganisationPageMixin",
    "PageContentVersion",
    "Poll",
    "PollChoice",
    "PollStatus",
    "PollTotal",
    "PollVote",
    "QuestionStatus",
    "ResultsVisibility",
    "SideBox",
    "SideBoxKind",
    "SiteContentVersion",
    "SitemapPage",
    "SitemapPageMixin",
    "UnitLevel",
    "UnitProfile",
    "WardHomePage",
    "WardHomePageMixin",
    "WardSettings",
]
