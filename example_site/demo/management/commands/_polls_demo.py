"""Demo content of the polls feature: filled in by the feature's change."""


def load(command):
    """Create the polls demo content (idempotent). Nothing yet."""
