"""iCalendar output of schedules: one event per entry, in the office's time zone.

Each event's UID comes from the entry's ``uid`` field, which stays the same when the entry is
edited and is shared by its translations, so a calendar app that subscribed to the feed updates
the event instead of adding a copy.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event

from ..dates import ward_timezone
from .models import SESSION_HOURS


def entry_uid(entry, language_code):
    return f"{entry.uid}-{language_code}@wagtail-ward"


def entry_event(entry, request, language_code, stamp):
    zone = ward_timezone()
    session = entry.effective_session
    start_time = entry.start_time or SESSION_HOURS[session][0]
    end_time = entry.end_time or (None if entry.start_time else SESSION_HOURS[session][1])
    event = Event()
    event.add("uid", entry_uid(entry, language_code))
    event.add("dtstamp", stamp)
    event.add("dtstart", datetime.datetime.combine(entry.date, start_time, tzinfo=zone))
    if end_time is not None:
        event.add("dtend", datetime.datetime.combine(entry.date, end_time, tzinfo=zone))
    event.add("summary", entry.content.splitlines()[0][:200] if entry.content else "")
    lines = [entry.content]
    for label, value in (
        ("Chủ trì" if language_code == "vi" else "Presiding", entry.presiding_display),
        ("Thành phần" if language_code == "vi" else "Participants", entry.participants),
        ("Chuẩn bị" if language_code == "vi" else "Preparing unit", entry.preparing_unit),
        ("Ghi chú" if language_code == "vi" else "Note", entry.note),
    ):
        if value:
            lines.append(f"{label}: {value}")
    event.add("description", "\n".join(lines))
    if entry.location:
        event.add("location", entry.location)
    if entry.changed_at:
        event.add("last-modified", entry.changed_at)
    page = entry.page
    url = page.get_url(request)
    if url:
        event.add("url", request.build_absolute_uri(url) if url.startswith("/") else url)
    return event


def build_calendar(request, page, entries, name):
    language_code = page.locale.language_code
    calendar = Calendar()
    calendar.add("prodid", "-//wagtail-ward//schedule//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(ward_timezone()))
    stamp = timezone.now()
    for entry in entries:
        calendar.add_component(entry_event(entry, request, language_code, stamp))
    calendar.add_missing_timezones()
    return calendar


def calendar_response(request, page, entries, name):
    calendar = build_calendar(request, page, entries, name)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    filename = slugify(page.slug) or "lich-cong-tac"
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
