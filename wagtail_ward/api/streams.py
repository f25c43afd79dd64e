"""StreamFields of a whole listing converted together: a fixed number of queries per listing.

Wagtail converts each page's StreamField on its own when it is first read, so a listing of
pages whose bodies hold pictures, documents, snippets or chosen pages costs a query per page
and block type, plus one per picture for its rendition. ``load_stream_fields()`` gathers the
raw stream data of every page of the listing, converts it with the stream block's own
``bulk_to_python()`` (one query per chosen model for the whole listing, nested blocks
included), hands each page its converted value, and loads the renditions of every picture
found and the locale of every translatable object in one query each. Polls (the poll block)
come with their answers and vote totals, one query each for the whole listing.

Only Wagtail's public block API is used (``StreamValue.raw_data``,
``StreamBlock.bulk_to_python``), the same on Wagtail 7 and 8.
"""

from django.db import models
from django.db.models import prefetch_related_objects
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage

from ..models import Poll, PollTotal
from ..polls.results import remember_counts


def _stream_fields(model, names):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, StreamField) and (names is None or field.name in names)
    ]


def chosen_objects(value):
    """Every model instance inside a converted block value (streams, structs, lists)."""
    if isinstance(value, StreamValue):
        for child in value:
            yield from chosen_objects(child.value)
    elif isinstance(value, StructValue):
        for child in value.values():
            yield from chosen_objects(child)
    elif isinstance(value, ListValue):
        for child in value:
            yield from chosen_objects(child)
    elif isinstance(value, models.Model):
        yield value


def load_polls(polls):
    """The answers and the vote totals of ``polls``, read in one query each for all of them."""
    if not polls:
        return
    prefetch_related_objects(polls, "choices")
    counts = {}
    totals = PollTotal.objects.filter(poll_key__in={poll.translation_key for poll in polls})
    for key, choice, votes in totals.values_list("poll_key", "choice_key", "votes"):
        counts.setdefault(key, {})[choice] = votes
    for poll in polls:
        remember_counts(poll, counts.get(poll.translation_key, {}))


def load_stream_fields(pages, names=None):
    """Convert the StreamFields of ``pages`` (those in ``names``, or all) together, in place.

    Returns the model instances the streams hold. A field a page has not loaded (deferred) is
    left alone.
    """
    owners = {}
    for page in pages:
        for field in _stream_fields(type(page), names):
            if field.attname in page.__dict__:
                owners.setdefault(field, []).append(page)
    found = []
    for field, field_pages in owners.items():
        raw = [list(getattr(page, field.attname).raw_data) for page in field_pages]
        for page, value in zip(field_pages, field.stream_block.bulk_to_python(raw), strict=True):
            setattr(page, field.attname, value)
            found.extend(chosen_objects(value))
    images = [obj for obj in found if isinstance(obj, AbstractImage)]
    if images:
        # ImageBlock and Wagtail's image serializers read the prefetched renditions.
        prefetch_related_objects(images, "renditions")
    by_model = {}
    for obj in found:
        by_model.setdefault(type(obj), []).append(obj)
    for model, objects in by_model.items():
        if any(field.name == "locale" for field in model._meta.concrete_fields):
            prefetch_related_objects(objects, "locale")
    load_polls([obj for obj in found if isinstance(obj, Poll)])
    return found
