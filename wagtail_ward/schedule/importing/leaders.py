"""Leaders found by name in a "Chủ trì" cell, whatever titles the office writes around it.

"Đ/c Nguyễn Văn A - Chủ tịch UBND", "Chủ tịch Nguyễn Văn A" and "Nguyễn Văn A (PCT)" all name
the leader "Nguyễn Văn A": names are compared without accents and case, as whole words.
"""

import re

from .cells import fold

# Titles written before a name (compared without accents), longest first.
TITLES = sorted(
    (
        "dong chi",
        "d/c",
        "d.c",
        "dc",
        "ong",
        "ba",
        "pho chu tich ubnd",
        "pho chu tich hdnd",
        "pho chu tich",
        "chu tich ubnd",
        "chu tich hdnd",
        "chu tich",
        "pho bi thu",
        "bi thu",
        "pct",
        "ct",
        "chanh van phong",
        "cvp",
        "giam doc",
        "pho giam doc",
        "truong phong",
        "pho truong phong",
    ),
    key=len,
    reverse=True,
)
_PARENTHESES = re.compile(r"\([^)]*\)")
_AFTER_DASH = re.compile(r"\s+[-–—]\s+.*$")


def _words(text):
    return f" {re.sub(r'[^a-z0-9]+', ' ', fold(text)).strip()} "


def clean_name(text):
    """``(name, position)``: the person's name in a presiding cell and the title around it."""
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    position = ""
    dash = _AFTER_DASH.search(text)
    if dash:
        position = dash.group(0).strip(" -–—")
        text = text[: dash.start()]
    inside = _PARENTHESES.findall(text)
    if inside and not position:
        position = inside[0].strip("() ")
    text = _PARENTHESES.sub(" ", text).strip(" ,;:-")
    changed = True
    while changed:
        changed = False
        folded = fold(text)
        for title in TITLES:
            if folded.startswith(title) and (
                len(folded) == len(title) or not folded[len(title)].isalnum()
            ):
                # Folding keeps one character per character, so the same length is cut.
                if not position:
                    position = text[: len(title)].strip()
                text = text[len(title) :].strip(" .,;:-")
                changed = True
                break
    return text.strip(), position


class LeaderMatcher:
    """Finds the leader a presiding cell names among ``leaders``."""

    def __init__(self, leaders):
        self.leaders = list(leaders)
        self.by_name = [(_words(leader.name), leader) for leader in self.leaders if leader.name]
        self.by_position = {
            _words(leader.position): leader for leader in self.leaders if leader.position
        }

    def match(self, text):
        """The leader named in ``text``, or None."""
        if not str(text or "").strip():
            return None
        words = _words(text)
        found = [(len(name), leader) for name, leader in self.by_name if name in words]
        if found:
            return max(found, key=lambda item: item[0])[1]
        name, _position = clean_name(text)
        if name:
            words_of_name = _words(name)
            for leader_name, leader in self.by_name:
                if leader_name == words_of_name:
                    return leader
        return self.by_position.get(words)
