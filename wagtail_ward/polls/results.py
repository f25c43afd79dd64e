"""Counting a poll: counts per answer, percentages that add up to exactly 100, the total.

Works on the poll it is given and imports no model: the poll model uses it.
"""

from dataclasses import dataclass, field


def largest_remainder(counts, total=100):
    """Whole percentages of ``counts`` that add up to exactly ``total`` (or all 0 when no vote).

    Each share is rounded down, then the points still missing go to the largest remainders;
    among equal remainders the later answer gets the point first, so 1/1/1 gives 33/33/34.
    """
    votes = sum(counts)
    if votes == 0:
        return [0 for _count in counts]
    quotas = [count * total for count in counts]
    shares = [quota // votes for quota in quotas]
    missing = total - sum(shares)
    order = sorted(range(len(counts)), key=lambda i: (quotas[i] % votes, i), reverse=True)
    for i in order[:missing]:
        shares[i] += 1
    return shares


@dataclass
class ResultRow:
    key: str
    label: str
    count: int
    percent: int


@dataclass
class PollResults:
    total: int
    rows: list = field(default_factory=list)

    def as_dict(self):
        return {
            "total": self.total,
            "choices": [
                {"key": row.key, "label": row.label, "count": row.count, "percent": row.percent}
                for row in self.rows
            ],
        }


# Where a listing that loaded the totals of many polls at once leaves each poll's counts.
LOADED_COUNTS = "_ward_loaded_counts"


def remember_counts(poll, counts):
    """Give ``poll`` its ``{choice key: votes}`` read beforehand (``api.streams`` reads the
    totals of every poll of a listing in one query): ``counts_by_key`` then needs none."""
    setattr(poll, LOADED_COUNTS, dict(counts))


def counts_by_key(poll):
    """``{choice key: votes}`` of the poll's translation group: one query on the per-answer
    totals each vote keeps (``PollTotal``), never a count of the vote rows; none when they
    were loaded beforehand (``remember_counts``)."""
    loaded = getattr(poll, LOADED_COUNTS, None)
    if loaded is not None:
        return loaded
    return dict(poll.totals().values_list("choice_key", "votes"))


def poll_results(poll, choices=None):
    """The results of ``poll`` labelled in its own language.

    Votes for an answer that no longer exists are left out of the total and the percentages.
    """
    choices = list(poll.choices.all()) if choices is None else choices
    counts = counts_by_key(poll)
    numbers = [counts.get(choice.key, 0) for choice in choices]
    percents = largest_remainder(numbers)
    return PollResults(
        total=sum(numbers),
        rows=[
            ResultRow(choice.key, choice.label, count, percent)
            for choice, count, percent in zip(choices, numbers, percents, strict=True)
        ],
    )
