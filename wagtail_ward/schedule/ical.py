"""iCalendar output of schedules: one event per entry, in the office's time zone.

It works on the entries it is given and imports none of the family's models.

Each event's UID comes from the entry's ``uid`` field, which stays the same when the entry is
edited and is shared by its translations, so a calendar app that subscribed to the feed updates
the event instead of adding a copy.

Every event has an end later than its start (RFC 5545 reads an event without ``DTEND`` as
lasting no time at all): the entry's end time, else the end of its session (morning,
afternoon, evening), whichever first comes after the start; else one hour after the start.

The feeds of an index (all its weeks, or one leader's) give a window: the weeks that end at
most ``WAGTAIL_WARD["ICAL_PAST_WEEKS"]`` weeks ago, and every coming week; ``?all=1`` gives every
week ever published. Each answer is kept in the cache under the site's content token
(``wagtail_ward.feeds``), so a calendar app polling it costs no query of the schedule.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event, vText

from ..conditional import last_publish
from ..dates import ward_timezone
from ..feeds import ical_window_start, kept_answer, wants_archive
from ..params import BadParameter, bad_request


def entry_uid(entry, language_code):
    return f"{entry.uid}-{language_code}@wagtail-ward"


# How long an event lasts when neither its end time nor its session's end is after its start.
FALLBACK_DURATION = datetime.timedelta(hours=1)


def event_times(entry):
    """``(start, end)`` of an entry's event, in the office's time zone, ``start < end``."""
    zone = ward_timezone()
    start_of_session, end_of_session = entry.session_hours
    start = datetime.datetime.combine(entry.date, entry.start_time or start_of_session, tzinfo=zone)
    for end_time in (entry.end_time, end_of_session):
        if end_time is not None:
            end = datetime.datetime.combine(entry.date, end_time, tzinfo=zone)
            if end > start:
                return start, end
    return start, start + FALLBACK_DURATION


def entry_event(entry, request, language_code, stamp):
    if entry.all_day and not entry.start_time:
        # An all-day entry ("Cả ngày") is a date event: DTEND is the next day (RFC 5545 3.6.1).
        start, end = entry.date, entry.date + datetime.timedelta(days=1)
    else:
        start, end = event_times(entry)
    event = Event()
    event.add("uid", entry_uid(entry, language_code))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", entry.content.splitlines()[0][:200] if entry.content else "")
    lines = [entry.content]
    for label, value in (
        ("Thời gian" if language_code == "vi" else "Time", entry.time_note),
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
    calendar.add("prodid", f"-//wagtail-ward//schedule//{language_code.upper()}")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # An X- property is written as it comes unless it is given as text: a comma or a semicolon
    # left unescaped splits the name for the calendar apps that read it.
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-timezone", str(ward_timezone()))
    # The last publish, not the time of the request: the same content gives the same file, so
    # its ETag matches and a calendar app's next poll is answered 304.
    stamp = last_publish() or timezone.now()
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


def ical_answer(request, page, entries, name, windowed=True):
    """The iCal answer of ``entries`` (a queryset of entries with their ``page``), kept until the
    next publish. ``windowed``: the feed covers many weeks, so without ``?all=1`` it gives only
    the weeks of the window (``ICAL_PAST_WEEKS``); 400 when ``all`` is neither 0 nor 1."""
    archive = False
    if windowed:
        try:
            archive = wants_archive(request)
        except BadParameter as error:
            return bad_request(error, json=False)

    def build():
        shown = entries
        if windowed and not archive:
            shown = entries.filter(page__end_date__gte=ical_window_start())
        return calendar_response(request, page, shown, name)

    return kept_answer(request, "schedule.ical", build, [archive])
