"""Writing the content tokens (``wagtail_ward.fragments`` decides when: at the commit of a
change, for the sites it concerns)."""

import uuid

from django.db import IntegrityError, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from wagtail.models import Page, Site

from .content_scopes import EVERY_SITE, referring_page_keys, sites_of_pages
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


CHANGES = "_wagtail_ward_content_changes"  # the current transaction's, on its connection


class Changes:
    """What one transaction changed, written as new tokens when it commits
    (``wagtail_ward.fragments`` collects them)."""

    def __init__(self, now=False):
        self.now = now
        self.done = False
        self.every_site = False
        self.sites = set()
        self.structure_every_site = False  # the chrome's structure tokens too
        self.structure_sites = set()
        self.pages = set()
        self.keys = set()  # translation keys of deleted pages, and of pages that link to them
        self.referred_paths = set()  # deleted pages whose referring pages are in ``keys``
        self.positions = set()  # (path, url_path) of pages before a move or a deletion

    def flush(self):
        if self.done:  # written by an earlier callback of the same transaction
            return None
        self.done = True
        connection = transaction.get_connection()
        if connection.__dict__.get(CHANGES) is self:
            del connection.__dict__[CHANGES]
        sites = EVERY_SITE if self.every_site else set(self.sites)
        structure = EVERY_SITE if self.structure_every_site else set(self.structure_sites)
        parents = self._write_page_tokens()
        if (self.pages or self.positions) and (EVERY_SITE not in (sites, structure)):
            found, chrome = sites_of_pages(self.pages, self.positions)
            sites = EVERY_SITE if EVERY_SITE in (sites, found) else sites | found
            structure |= chrome
            if parents:  # the pages below a changed page: their addresses, their privacy
                structure = EVERY_SITE if found is EVERY_SITE else structure | found
        elif parents:
            structure = EVERY_SITE
        if sites is not EVERY_SITE:
            # What retires a site's chrome retires its content too (the chrome's kept parts may
            # lie inside parts kept under the content token).
            sites = EVERY_SITE if structure is EVERY_SITE else sites | structure
        return write_tokens(sites, structure)

    def _write_page_tokens(self):
        """New tokens for the changed pages and their translations (their own kept parts), and
        for the pages that link to one of them or to a page below one of them (what a link
        shows: the address, the translation that is live); True when one of them has pages below
        it. A page's kept parts are keyed on its token and its site's structure token: a change
        of a page above it (its address, its privacy, what its translations' language links
        show) retires its site's structure token instead."""
        rows = []
        if self.pages:
            rows = Page.objects.filter(pk__in=self.pages).values_list(
                "translation_key", "numchild", "path"
            )
        changed, parents = set(), []
        for key, numchild, path in rows:
            changed.add(key)
            if numchild:
                parents.append(path)
        keys = self.keys | changed
        if changed:
            keys |= referring_page_keys(changed, parents)
        write_page_tokens(keys)
        return bool(parents)

    def referring_before_deletion(self, page):
        """Before ``page`` is deleted (Wagtail then drops what refers to it from its reference
        index): the pages that link to it or to a page below it get new tokens at the commit."""
        if any(page.path.startswith(path) for path in self.referred_paths):
            return  # a page below one already read (a tree deleted at once)
        self.referred_paths.add(page.path)
        below = [page.path] if page.numchild else []
        self.keys |= referring_page_keys({page.translation_key}, below)
