"""A preset's name lists the answers the poll will have, in the editor's language."""

import pytest
from django.utils import translation

from wagtail_ward.polls.presets import PRESETS


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", list(PRESETS))
def test_the_preset_name_lists_its_answers(name, language):
    preset = PRESETS[name]
    column = 0 if language == "vi" else 1
    answers = [choice[1 + column].lower() for choice in preset["choices"]]
    with translation.override(language):
        title = str(preset["title"]).lower()
    listed = title[title.index("(") + 1 : title.rindex(")")]
    if "…" in listed:  # "the first … the last"
        first, last = (part.strip(" ,") for part in listed.split("…"))
        assert (first, last) == (answers[0], answers[-1])
    else:
        assert [part.strip() for part in listed.split(",")] == answers
