from .pages import (
    ContentPage,
    ContentPageMixin,
    SitemapPage,
    SitemapPageMixin,
    WardHomePage,
    WardHomePageMixin,
)
from .profile import UnitProfile
from .settings import WardSettings
from .visits import DailyVisitCount

__all__ = [
    "ContentPage",
    "ContentPageMixin",
    "DailyVisitCount",
    "SitemapPage",
    "SitemapPageMixin",
    "UnitProfile",
    "WardHomePage",
    "WardHomePageMixin",
    "WardSettings",
]
