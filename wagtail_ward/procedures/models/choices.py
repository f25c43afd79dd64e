"""The fixed values of the national procedure database: level, online level, ways to submit.

The stored values are the keys of the import format (docs/procedures-import.md); they are
copied, not translated, by wagtail-localize.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    """Cấp thực hiện. The district level (cấp huyện) ended on 1 July 2025: older records only."""

    COMMUNE = "xa", _("Commune level")
    PROVINCE = "tinh", _("Provincial level")
    DISTRICT = "huyen", _("District level (before 1 July 2025)")


class OnlineLevel(models.TextChoices):
    """Mức độ dịch vụ công trực tuyến."""

    FULL = "full", _("Fully online")
    PARTIAL = "partial", _("Partly online")
    NONE = "none", _("Not online")


class Channel(models.TextChoices):
    """Cách thức thực hiện."""

    IN_PERSON = "in_person", _("In person")
    POST = "post", _("By post")
    ONLINE = "online", _("Online")
