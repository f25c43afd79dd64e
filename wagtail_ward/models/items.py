import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import DateTimeField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..conf import ward_setting
from ..dates import ward_timezone
from ..item_types import ItemType, item_type_of, item_type_of_page, item_types
from ..memo import public_q
from ..text import searchable_text


class IndexedItem(models.Model):
    """One live page of a registered page family, kept for the "latest items" lists and the
    site-wide search.

    ``wagtail_ward.registry`` writes a row whenever such a page is saved, published or moved,
    from its live values in the database, so a draft never shows here. Unpublishing the page in
    any way (the bulk action and ``publish_scheduled`` expiry included, which save a plain
    ``Page``) removes the row, and so does deleting it. View restrictions are applied when the
    list is read, together with the page's own ``live`` flag. One query then lists the newest
    items of every family together. A live page whose date is empty (the family's date field is
    optional, as a procedure's announcement date) has a row too, not ``listed``: the site-wide
    search finds it, the latest items lists leave it out.
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
    search_text = models.TextField(
        _("search text"),
        blank=True,
        help_text=_("The page's text without accents, read by the site-wide search."),
    )
    listed = models.BooleanField(
        _("listed"),
        default=True,
        help_text=_(
            "Whether the item shows in the latest items lists. An item without its date (a "
            "procedure that is not announced) is kept for the site-wide search only."
        ),
    )

    class Meta:
        verbose_name = _("indexed item")
        verbose_name_plural = _("indexed items")
        indexes = [
            models.Index(fields=["locale", "-sort_at"], name="wagtail_ward_item_latest"),
            # The site-wide search: the rows of one site (a path range) in one language.
            models.Index(fields=["locale", "path"], name="wagtail_ward_item_site"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.sort_at:%Y-%m-%d}"


@dataclass(frozen=True)
class LatestItem:
    page: object
    date: object
    summary: str
    item_type: ItemType


# What a list of links shows of each item's page: its title and its address (Wagtail's
# ``Page.get_url`` reads the tree's ``url_path`` and the sites' root paths, kept per request).
LINK_FIELDS = ("page__id", "page__title", "page__url_path", "page__content_type_id")


def latest_items(
    site, locale, limit=None, request=None, section=None, types=None, links_only=False
):
    """The newest live, public items of ``site`` in ``locale`` (a locale or its id) across every
    registered family.

    One query over the item index (plus the view restrictions, once per request when
    ``request`` is given), whatever the number of families or items. The index follows every
    way a page leaves public view; the query checks the page's own ``live`` flag and tree path
    against the view restrictions as well, so a row left behind by a change that sent no signal
    (a ``QuerySet.update()``, raw SQL) never links to a page a visitor cannot open.

    ``section`` (a page) keeps the items below it only, e.g. those of one news section;
    ``types`` (registered item types) keeps the items of those types only. With ``links_only``
    the pages hold only their id, title, address and type (``LINK_FIELDS``): enough for a list
    of links ("Tin mới"), without loading whole page rows.
    """
    limit = limit or ward_setting("LATEST_ITEMS")
    if (site is None and section is None) or not item_types():
        return []
    locale_id = getattr(locale, "pk", locale)
    root = site.root_page if section is None else section
    if root.locale_id != locale_id:
        root = root.get_translation_or_none(locale_id) or root
    rows = (
        IndexedItem.objects.filter(path__startswith=root.path, locale_id=locale_id)
        .exclude(path=root.path)
        .filter(page__live=True, listed=True)
        .filter(public_q(request, field="page__path"))
        .filter(_of_types(types))
        .order_by("-sort_at", "-page_id")
    )
    if links_only:
        rows = rows.select_related("page").only("sort_at", "summary", *LINK_FIELDS)
    else:
        rows = rows.select_related("page", "page__locale")
    rows = rows[:limit]
    items = []
    for row in rows:
        item_type = item_type_of(row.page.content_type_id)
        if item_type is None:  # a family that is no longer installed
            continue
        items.append(
            LatestItem(
                page=row.page,
                date=_display_date(item_type, row.sort_at),
                summary=row.summary,
                item_type=item_type,
            )
        )
    return items


def _of_types(types):
    """Rows of pages of ``types`` (item types) only; every row when ``types`` is None."""
    if types is None:
        return models.Q()
    content_types = ContentType.objects.get_for_models(*(item.model for item in types))
    return models.Q(page__content_type__in=list(content_types.values()))


def _display_date(item_type, sort_at):
    """The item's own value back: a datetime as stored, a date as that day in the ward."""
    if isinstance(item_type.model._meta.get_field(item_type.date_field), DateTimeField):
        return sort_at
    return sort_at.astimezone(ward_timezone()).date()


def _sort_at(value):
    """Dates and datetimes sort together: a date counts as its midnight in the ward's time zone."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=ward_timezone())
        return value
    return datetime.datetime.combine(value, datetime.time.min, tzinfo=ward_timezone())


def index_item(page):
    """Write (or remove) the index row of ``page``, from its live values in the database.

    The instance in memory may hold a draft (``save_revision`` saves the page row with the
    draft's fields in memory only): the values are read again from the database.
    """
    item_type = item_type_of_page(page)
    if item_type is None:
        return
    fields = ["live", "path", "locale_id", "last_published_at", item_type.date_field]
    if item_type.summary_field:
        fields.append(item_type.summary_field)
    values = item_type.model.objects.filter(pk=page.pk).values(*fields).first()
    if values is None or not values["live"]:
        IndexedItem.objects.filter(page_id=page.pk).delete()
        return
    # Without its own date the item is searched but not listed, sorted by its last publishing.
    dated = values[item_type.date_field] is not None
    sort_at = values[item_type.date_field] if dated else values["last_published_at"]
    # Read again from the database: the row holds the live values, never a draft's.
    live_page = item_type.model.objects.get(pk=page.pk)
    IndexedItem.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "path": values["path"],
            "locale_id": values["locale_id"],
            "sort_at": _sort_at(sort_at or timezone.now()),
            "summary": values.get(item_type.summary_field) or "" if item_type.summary_field else "",
            "search_text": searchable_text(live_page),
            "listed": dated,
        },
    )


def rebuild_item_index():
    """Index every page of every registered family again; returns the number of live items."""
    IndexedItem.objects.all().delete()
    count = 0
    for item_type in item_types():
        for page in item_type.model.objects.live().only("pk"):
            index_item(page)
            count += 1
    return count
