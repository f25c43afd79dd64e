"""Demo content of the schedule feature: filled in by the feature's change."""


def load(command):
    """Create the schedule demo content (idempotent). Nothing yet."""
