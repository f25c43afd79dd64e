"""``python -m wagtail_ward.admin_locale``: compile the package's Vietnamese catalogues.

Run after ``makemessages`` (``make messages`` does both), never ``compilemessages`` alone:
that would compile the package's django.po without the admin's translations.
"""

from .catalogue import LC_MESSAGES, build

django, js = build()
for name, catalogue in (("django.mo", django), ("djangojs.mo", js)):
    count = len(catalogue) if catalogue is not None else 0
    print(f"{LC_MESSAGES / name}: {count} translated messages")  # noqa: T201
