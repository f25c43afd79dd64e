"""Checking an applicant against a programme's criteria, with messages that name the limit.

Pure functions over the values they are given: the public form and the tests call them.
"""

from django.utils.translation import gettext as _


def age_on(birth_date, day):
    """Age in whole years on ``day`` of someone born on ``birth_date``."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - before_birthday


def eligibility_errors(*, birth_date, is_civil_servant, day, age_limit, civil_servant_age_limit):
    """Messages saying why the applicant does not meet the age criteria on ``day`` (empty when
    they do).

    ``age_limit``: applicants must be younger than this ("under 30").
    ``civil_servant_age_limit``: a civil servant may be this age at most ("not over 35").
    Either may be None (no limit).
    """
    age = age_on(birth_date, day)
    if age < 0:
        return [_("The date of birth is in the future.")]
    if is_civil_servant and civil_servant_age_limit is not None:
        if age > civil_servant_age_limit:
            return [
                _("Civil servants may apply up to the age of %(limit)s; you are %(age)s.")
                % {"limit": civil_servant_age_limit, "age": age}
            ]
        return []
    if age_limit is not None and age >= age_limit:
        message = _("Applicants must be under %(limit)s years old; you are %(age)s.") % {
            "limit": age_limit,
            "age": age,
        }
        if civil_servant_age_limit is not None:
            message += " " + _("Civil servants may apply up to the age of %(limit)s.") % {
                "limit": civil_servant_age_limit
            }
        return [message]
    return []
