"""Change tracking: entries added or edited after a schedule was first published are marked,
so visitors see what changed since they last read it."""

from django.utils import timezone

from .sessions import session_for_time

# The fields whose change after publication marks an entry as changed.
TRACKED_FIELDS = (
    "date",
    "start_time",
    "end_time",
    "session",
    "content",
    "leader_id",
    "presiding",
    "participants",
    "location",
    "preparing_unit",
    "note",
)


def tracked_values(entry):
    return tuple(getattr(entry, name) for name in TRACKED_FIELDS)


def source_changes(page, entries):
    """``{translation_key: changed_at}`` of the entries of the page that ``page`` translates."""
    source = (
        type(page)
        .objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    if source is None or source > page.pk:
        return {}
    return dict(
        page.entry_model()
        .objects.filter(page_id=source, translation_key__in=[e.translation_key for e in entries])
        .values_list("translation_key", "changed_at")
    )


def mark_changed_entries(page):
    """Stamp the entries of ``page`` added or edited after it was first published."""
    if page.pk is None:
        return
    was_published = type(page).objects.filter(pk=page.pk, first_published_at__isnull=False).exists()
    if not was_published:
        return
    saved = {
        entry.pk: tracked_values(entry)
        for entry in page.entry_model().objects.filter(page_id=page.pk)
    }
    now = timezone.now()
    entries = list(page.entries.all())
    from_source = source_changes(page, entries)
    for entry in entries:
        if entry.translation_key in from_source:
            # A translation is changed when (and since) its source entry was changed.
            entry.changed_at = from_source[entry.translation_key]
            continue
        if not entry.session:
            entry.session = session_for_time(entry.start_time)
        if entry.pk is None or entry.pk not in saved:
            entry.changed_at = entry.changed_at or now
        elif saved[entry.pk] != tracked_values(entry):
            entry.changed_at = now
