import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    """A random token (32 hex digits)."""
    return uuid.uuid4().hex


class TokenFields(models.Model):
    """The random tokens and the time the content token last changed, shared by both kinds of
    content version.

    ``token`` changes with every change of published content the site shows; ``structure_token``
    only with what the site's chrome shows (header, menu, footer, the organisation's structured
    data): the settings, the unit profile, the site, its languages, images, and pages at the top
    of the site (the home page and its children), see ``wagtail_ward.content_scopes``. An
    article's publish leaves it alone.
    """

    token = models.CharField(_("token"), max_length=32)
    structure_token = models.CharField(_("structure token"), max_length=32, default=new_token)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        abstract = True

    def __str__(self):
        return self.token


class ContentVersion(TokenFields):
    """One row whose token changes whenever published content changes, anywhere in the install.

    Fragments of pages cached in Django's cache carry their site's token (``SiteContentVersion``)
    in their key, or this one for a site that has none yet; the poll API's cache and
    ``Last-Modified`` use this one. A change made in any process (the admin, a scheduled
    publish, an import) retires the fragments it concerns at once: the next request reads the
    new token and renders afresh. The token is written when a change
    commits (``wagtail_ward.fragments.bump_content_version``). It is random rather than a
    counter, so a database restored from a backup never meets a cached fragment made for other
    content under the same token.
    """

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")


class SiteContentVersion(TokenFields):
    """The content token of one site: it changes when content that site shows changes.

    A publish in one ward replaces its own token (and that of any site that shows its items,
    see ``wagtail_ward.content_scopes``), not every other ward's: their cached fragments stay.
    ``ContentVersion`` still changes with every change anywhere, for what is not per site (the
    poll API, ``Last-Modified``), and stands for a site that has no row yet.
    """

    site = models.OneToOneField(
        "wagtailcore.Site",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("site"),
    )

    class Meta:
        verbose_name = _("site content version")
        verbose_name_plural = _("site content versions")


class PageContentVersion(models.Model):
    """The token of a page and its translations (one row per ``translation_key``): it changes
    when the page or one of its translations is saved, published, unpublished, moved, deleted or
    restricted. A page's own kept parts (its head, header, the article's head) are keyed on it
    with the site's structure token, so another article's publish leaves them alone. A page
    without a row yet uses ``"0"``: its row is written at the first change."""

    translation_key = models.UUIDField(_("translation key"), primary_key=True)
    token = models.CharField(_("token"), max_length=32)

    class Meta:
        verbose_name = _("page content version")
        verbose_name_plural = _("page content versions")

    def __str__(self):
        return self.token
