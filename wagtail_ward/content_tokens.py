"""Writing the content tokens (``wagtail_ward.fragments`` decides when: at the commit of a
change, for the sites it concerns)."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from wagtail.models import Site

from .content_scopes import EVERY_SITE
from .models import ContentVersion, PageContentVersion, SiteContentVersion


def write_tokens(sites, structure=()):
    """New content tokens for ``sites`` (ids, or ``EVERY_SITE``) and new structure tokens for
    ``structure`` (a part of ``sites``) in one statement, a token for every site that has none
    yet, and a new install-wide token; returns the install-wide token."""
    now = timezone.now()
    rows = SiteContentVersion.objects.all()
    if sites is not EVERY_SITE:
        rows = rows.filter(site_id__in=sites)
    if sites:
        values = {"token": uuid.uuid4().hex, "changed_at": now}
        if structure is EVERY_SITE:
            values["structure_token"] = uuid.uuid4().hex
        elif structure:
            values["structure_token"] = Case(
                When(site_id__in=structure, then=Value(uuid.uuid4().hex)),
                default=F("structure_token"),
            )
        rows.update(**values)
    missing = Site.objects.exclude(pk__in=SiteContentVersion.objects.values("site_id"))
    new = [
        SiteContentVersion(site_id=pk, token=uuid.uuid4().hex, changed_at=now)
        for pk in missing.values_list("pk", flat=True)
    ]
    if new:
        SiteContentVersion.objects.bulk_create(new, ignore_conflicts=True)
    return write_token(structure=bool(structure))


def write_token(structure=False):
    """A new install-wide token (and structure token: it stands for a site without a row of its
    own, so any change of a site's chrome replaces it); returns the token."""
    return write_install_tokens(structure)["token"]


def write_install_tokens(structure):
    """New install-wide tokens (the structure token too with ``structure``): the values written."""
    values = {"token": uuid.uuid4().hex, "changed_at": timezone.now()}
    if structure:
        values["structure_token"] = uuid.uuid4().hex
    if not ContentVersion.objects.filter(pk=1).update(**values):
        try:
            with transaction.atomic():
                ContentVersion.objects.create(pk=1, **values)
        except IntegrityError:  # created meanwhile by another request
            ContentVersion.objects.filter(pk=1).update(**values)
    return values


def write_page_tokens(keys):
    """New tokens for the pages of ``keys`` (translation keys): one statement for the rows there
    are, one for those there are not yet. A row is never deleted, so a reader never meets a
    page without its row after its first change (``"0"`` stands for "never changed")."""
    keys = set(keys)
    if not keys:
        return
    token = uuid.uuid4().hex
    PageContentVersion.objects.filter(translation_key__in=keys).update(token=token)
    PageContentVersion.objects.bulk_create(
        [PageContentVersion(translation_key=key, token=token) for key in keys],
        ignore_conflicts=True,
    )
