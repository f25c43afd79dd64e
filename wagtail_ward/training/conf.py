"""Settings of the training family, read from ``WAGTAIL_WARD`` with their defaults here.

``training_setting("NAME")`` reads ``WAGTAIL_WARD["NAME"]`` when the project sets it.
"""

from django.conf import settings

DEFAULTS = {
    # Folder of the documents applicants upload. It must be outside MEDIA_ROOT and never
    # served by the web server: reviewers download the files through a permission-checked view.
    # Empty: a "ward-private" folder beside MEDIA_ROOT.
    "TRAINING_UPLOAD_ROOT": "",
    # Largest uploaded document, in bytes (5 MB).
    "TRAINING_UPLOAD_MAX_BYTES": 5 * 1024 * 1024,
    # File types an applicant may upload (lower-case extensions).
    "TRAINING_UPLOAD_EXTENSIONS": ("pdf", "jpg", "jpeg", "png"),
    # Rate limit of the application form, per client address (django-ratelimit syntax).
    "TRAINING_APPLICATION_RATE": "5/h",
    # Days after the programme's closing date after which purge_training_applications removes
    # the applicants' personal data and documents (the counts stay).
    "TRAINING_PURGE_DAYS": 365,
}


def training_setting(name):
    """``WAGTAIL_WARD[name]`` when the project sets it, else the default above."""
    overrides = getattr(settings, "WAGTAIL_WARD", {}) or {}
    if name in overrides:
        return overrides[name]
    return DEFAULTS[name]
