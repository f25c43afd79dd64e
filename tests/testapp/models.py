"""Page types that play the part of page families (and of a plain Wagtail page) in the tests."""

from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Page

from wagtail_ward.blocks import WardBodyBlock


class NoticePage(Page):
    date = models.DateField()
    summary = models.CharField(max_length=255, blank=True)
    template = "wagtail_ward/content_page.html"


class EventPage(Page):
    starts_at = models.DateTimeField()
    template = "wagtail_ward/content_page.html"


class PlainPage(Page):
    """A plain Wagtail page with the shared body: the baseline of the benchmarks."""

    body = StreamField(WardBodyBlock(), blank=True)
    template = "testapp/plain_page.html"
