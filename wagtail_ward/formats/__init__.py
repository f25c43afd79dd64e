"""Date and number formats of a ward site: ``FORMAT_MODULE_PATH = ["wagtail_ward.formats"]``.

Django reads a format from these modules first and falls back to its own locale's, so only
what a ward office needs differently is here:

- date and time inputs as ``dd/mm/yyyy`` and ``dd/mm/yyyy hh:mm``, the formats of
  ``WAGTAIL_DATE_FORMAT`` / ``WAGTAIL_DATETIME_FORMAT`` (Wagtail's check ``wagtailadmin.E003``
  wants them among the input formats of every language in ``LANGUAGES``);
- weeks that start on Monday: Wagtail's date picker takes its first day from
  ``get_format("FIRST_DAY_OF_WEEK")``, which Django's Vietnamese formats leave unset (Sunday);
- numbers grouped by three with a dot (``1.234``) in Vietnamese.
"""

# The input formats of the admin's date pickers (WAGTAIL_*_FORMAT): first in every language.
DATE_INPUT = "%d/%m/%Y"
DATETIME_INPUT = "%d/%m/%Y %H:%M"
TIME_INPUT = "%H:%M"
