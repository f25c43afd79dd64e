"""English formats of a ward site, over Django's ``django.conf.locale.en.formats``.

An English-speaking editor of a Vietnamese office enters dates as the office writes them
(``dd/mm/yyyy``) in calendars that start on Monday, as the weekly schedules do.
"""

from django.conf.locale.en import formats as django_en

from .. import DATE_INPUT, DATETIME_INPUT, TIME_INPUT

FIRST_DAY_OF_WEEK = 1  # Monday

DATE_INPUT_FORMATS = [DATE_INPUT, *(f for f in django_en.DATE_INPUT_FORMATS if f != DATE_INPUT)]
DATETIME_INPUT_FORMATS = [
    DATETIME_INPUT,
    *(f for f in django_en.DATETIME_INPUT_FORMATS if f != DATETIME_INPUT),
]
TIME_INPUT_FORMATS = [TIME_INPUT, *(f for f in django_en.TIME_INPUT_FORMATS if f != TIME_INPUT)]
