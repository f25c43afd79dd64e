from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedItem(models.Model):
    """One live page of a registered page family, kept for the "latest items" lists.

    The registry writes a row whenever such a page is saved, published or moved, and reads the
    live values from the database, so a draft never shows here. Unpublishing the page in any
    way (the bulk action and ``publish_scheduled`` expiry included, which save a plain
    ``Page``) removes the row, and so does deleting it. View restrictions are applied when the
    list is read, together with the page's own ``live`` flag. One query then lists the newest
    items of every family together.
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
    )
    path = models.CharField(_("tree path"), max_length=255)
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    sort_at = models.DateTimeField(_("date"))
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("indexed item")
        verbose_name_plural = _("indexed items")
        indexes = [models.Index(fields=["locale", "-sort_at"], name="wagtail_ward_item_latest")]

    def __str__(self):
        return f"{self.page_id} {self.sort_at:%Y-%m-%d}"
