from .items import IndexedItem
from .pages import (
    ContentPage,
    ContentPageMixin,
    SitemapPage,
    SitemapPageMixin,
    WardHomePage,
    WardHomePageMixin,
)
from .polls import DuplicateVotePolicy, Poll, PollChoice, PollStatus, PollVote, ResultsVisibility
from .profile import UnitProfile
from .settings import WardSettings
from .side_boxes import SideBox, SideBoxKind
from .versions import ContentVersion
from .visits import DailyVisitCount

__all__ = [
    "IndexedItem",
    "ContentPage",
    "ContentPageMixin",
    "ContentVersion",
    "DailyVisitCount",
    "DuplicateVotePolicy",
    "Poll",
    "PollChoice",
    "PollStatus",
    "PollVote",
    "ResultsVisibility",
    "SideBox",
    "SideBoxKind",
    "SitemapPage",
    "SitemapPageMixin",
    "UnitProfile",
    "WardHomePage",
    "WardHomePageMixin",
    "WardSettings",
]
