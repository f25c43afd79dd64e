"""Demo content of the news feature: filled in by the feature's change."""


def load(command):
    """Create the news demo content (idempotent). Nothing yet."""
