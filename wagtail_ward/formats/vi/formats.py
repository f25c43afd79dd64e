"""Vietnamese formats of a ward site, over Django's ``django.conf.locale.vi.formats``."""

from .. import DATE_INPUT, DATETIME_INPUT, TIME_INPUT

FIRST_DAY_OF_WEEK = 1  # Thứ hai (Monday)

DATE_INPUT_FORMATS = [DATE_INPUT, "%d-%m-%Y", "%d/%m/%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    DATETIME_INPUT,
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
TIME_INPUT_FORMATS = [TIME_INPUT, "%H:%M:%S", "%Hh%M"]

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
