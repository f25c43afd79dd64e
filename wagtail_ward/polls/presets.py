"""Polls an editor can start from, with their English translation.

The keys of the choices are stable: they identify an answer in every language, in the votes
table and in the CSV export.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from ..models import Poll, PollChoice, ResultsVisibility

PRESETS = {
    "dossier_timeliness": {
        "title": _("Dossier timeliness (before the deadline, on time, a little late, very late)"),
        "question": ("Hồ sơ của quý vị được giải quyết:", "Your dossier was handled:"),
        "description": (
            "Ý kiến của quý vị giúp phường nâng cao chất lượng phục vụ.",
            "Your answer helps the ward office serve citizens better.",
        ),
        "choices": [
            ("truoc-han", "Trước hạn", "Before the deadline"),
            ("dung-han", "Đúng hạn", "On time"),
            ("tre-hen-mot-it", "Trễ hẹn một ít", "A little late"),
            ("qua-tre-hen", "Quá trễ hẹn", "Very late"),
        ],
    },
    "satisfaction": {
        "title": _("Satisfaction, five levels (very satisfied … very dissatisfied)"),
        "question": (
            "Quý vị có hài lòng với sự phục vụ của cơ quan hành chính?",
            "Are you satisfied with the service of the administrative office?",
        ),
        "description": ("", ""),
        "choices": [
            ("rat-hai-long", "Rất hài lòng", "Very satisfied"),
            ("hai-long", "Hài lòng", "Satisfied"),
            ("binh-thuong", "Bình thường", "Neither satisfied nor dissatisfied"),
            ("khong-hai-long", "Không hài lòng", "Dissatisfied"),
            ("rat-khong-hai-long", "Rất không hài lòng", "Very dissatisfied"),
        ],
    },
}


def _column(locale):
    return 1 if locale.language_code.startswith("en") else 0


@transaction.atomic
def create_poll_from_preset(name, locale, **fields):
    """Create a poll in ``locale`` from the preset ``name``; other fields from ``fields``.

    The text is the preset's English in an English locale and its Vietnamese otherwise.
    """
    preset = PRESETS[name]
    column = _column(locale)
    fields.setdefault("results_visibility", ResultsVisibility.AFTER_VOTE)
    poll = Poll(
        locale=locale,
        question=preset["question"][column],
        description=preset["description"][column],
        **fields,
    )
    poll.choices = [
        PollChoice(key=key, label=(vi, en)[column], locale=locale, sort_order=index)
        for index, (key, vi, en) in enumerate(preset["choices"])
    ]
    poll.save()
    return poll


def preset_english():
    """Vietnamese → English of every preset string, to fill a wagtail-localize translation."""
    strings = {}
    for preset in PRESETS.values():
        for vi, en in (preset["question"], preset["description"]):
            if vi:
                strings[vi] = en
        for _key, vi, en in preset["choices"]:
            strings[vi] = en
    return strings
