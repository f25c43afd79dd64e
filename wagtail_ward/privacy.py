"""Privacy that follows translations: a page is never private in one language and public in
another.

wagtail-localize copies a page's view restriction to its translations when they are created and
when an editor runs "Sync translated pages"; Wagtail copies it to an alias when the alias is
made. A restriction added, changed or removed later stays on the one page. Here every such change
reaches the page's *privacy family*: its translations in the other languages (same
``translation_key``), the aliases of any of them, and the page an alias stands for. Whichever
member the editor changed wins; the others take its restriction type, password and groups, or
lose their own restriction when it lost its.

Only restrictions set on the family's pages themselves follow: a page that is private because an
ancestor is keeps that ancestor's restriction (whose own family follows it in turn).
``WAGTAIL_WARD["PRIVACY_FOLLOWS_TRANSLATIONS"] = False`` keeps privacy per language.
``manage.py sync_translation_privacy`` brings existing pages in line, once, on upgrade.
"""

import contextlib
import contextvars
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Locale, PageViewRestriction

from .conf import ward_setting

# Set while this module copies a restriction: the saves it makes must not be followed again.
_following = contextvars.ContextVar("wagtail_ward_privacy_following", default=False)


@contextlib.contextmanager
def _copying():
    token = _following.set(True)
    try:
        with transaction.atomic():
            yield
    finally:
        _following.reset(token)


def _page_model():
    """The project's page model (swappable in Wagtail 8), as view restrictions point to it."""
    return PageViewRestriction._meta.get_field("page").related_model


def follows_translations():
    """Whether privacy follows translations on this site (the default)."""
    return bool(ward_setting("PRIVACY_FOLLOWS_TRANSLATIONS"))


@dataclass(frozen=True)
class PrivacyChange:
    """One page brought in line with ``source``: ``action`` is "restricted", "changed" or
    "made public"."""

    page: object
    source: object
    action: str
    restriction_type: str


def _family_ids(page_model, pk, translation_key, alias_of_id):
    """The primary keys of the privacy family of one page, itself included."""
    ids = {pk}
    keys = {translation_key}
    originals = {alias_of_id} - {None}
    while True:
        rows = page_model.objects.filter(
            Q(translation_key__in=keys) | Q(alias_of_id__in=ids) | Q(pk__in=originals)
        ).values_list("pk", "translation_key", "alias_of_id")
        found = {row[0] for row in rows}
        if found <= ids:
            return ids
        ids |= found
        keys |= {row[1] for row in rows}
        originals |= {row[2] for row in rows} - {None}


def privacy_family(page):
    """The other pages whose privacy follows ``page``: its translations, the aliases of any of
    them and the page an alias stands for, as a queryset of the page model."""
    page_model = page.get_translation_model()
    ids = _family_ids(page_model, page.pk, page.translation_key, page.alias_of_id)
    return page_model.objects.filter(pk__in=ids - {page.pk})


def _direct_restriction(page_id):
    return PageViewRestriction.objects.filter(page_id=page_id).order_by("pk").first()


def _group_ids(restriction):
    if restriction is None or restriction.pk is None:
        return set()
    return set(restriction.groups.values_list("pk", flat=True))


def _bring_in_line(target, source_restriction, source_groups, *, groups, dry_run=False):
    """Give ``target`` (a page) the restriction of its source; returns the action, or None when
    it already has it."""
    existing = list(PageViewRestriction.objects.filter(page_id=target.pk).order_by("pk"))
    if source_restriction is None:
        if not existing:
            return None
        if not dry_run:
            for restriction in existing:
                restriction.delete()
        return "made public"
    current = existing[0] if existing else None
    action = None
    if current is None:
        action = "restricted"
        current = PageViewRestriction(page=target)
    elif (current.restriction_type, current.password) != (
        source_restriction.restriction_type,
        source_restriction.password,
    ) or len(existing) > 1:
        action = "changed"
    if action and not dry_run:
        for extra in existing[1:]:
            extra.delete()
        current.restriction_type = source_restriction.restriction_type
        current.password = source_restriction.password
        current.save()
    if (groups or action == "restricted") and _group_ids(current) != source_groups:
        if not dry_run:
            current.groups.set(source_groups)
        action = action or "changed"
    return action


def follow(page, *, groups=True, dry_run=False):
    """Give every page of ``page``'s privacy family the view restriction set on ``page`` itself
    (or none, if it has none). Returns the changes, made unless ``dry_run``.

    ``groups=False`` leaves the groups of restrictions that already exist alone: a restriction is
    saved before its groups are (the admin's privacy form, a copied restriction), and the groups
    follow when they are written.
    """
    source = _direct_restriction(page.pk)
    source_groups = _group_ids(source)
    changes = []
    with _copying():
        for target in privacy_family(page).order_by("path"):
            action = _bring_in_line(target, source, source_groups, groups=groups, dry_run=dry_run)
            if action:
                changes.append(
                    PrivacyChange(target, page, action, source.restriction_type if source else "")
                )
    return changes


def sync_all(*, dry_run=False):
    """Bring every privacy family in line with its source page: the page in the default
    language (the original, not an alias, where both are), else the oldest original. Returns the
    changes, made unless ``dry_run``. Reads the tree once and touches only the pages that differ.
    """
    page_model = _page_model().get_translation_model()
    rows = list(page_model.objects.values_list("pk", "translation_key", "alias_of_id", "locale_id"))
    parent = {pk: pk for pk, *_ in rows}

    def find(pk):
        while parent[pk] != pk:
            parent[pk] = parent[parent[pk]]
            pk = parent[pk]
        return pk

    def union(a, b):
        parent[find(a)] = find(b)

    first_with_key = {}
    for pk, key, alias_of_id, _locale_id in rows:
        union(pk, first_with_key.setdefault(key, pk))
        if alias_of_id in parent:
            union(pk, alias_of_id)
    families = {}
    for pk, _key, alias_of_id, locale_id in rows:
        families.setdefault(find(pk), []).append((pk, alias_of_id, locale_id))
    families = [members for members in families.values() if len(members) > 1]
    if not families:
        return []

    state = {}
    restrictions = PageViewRestriction.objects.order_by("pk").prefetch_related("groups")
    for restriction in restrictions:
        state.setdefault(
            restriction.page_id,
            (
                restriction.restriction_type,
                restriction.password,
                frozenset(group.pk for group in restriction.groups.all()),
            ),
        )
    default_locale_id = Locale.get_default().pk

    def rank(member):
        pk, alias_of_id, locale_id = member
        return (locale_id != default_locale_id, alias_of_id is not None, pk)

    changes = []
    for members in families:
        source_id = min(members, key=rank)[0]
        wanted = state.get(source_id)
        out_of_line = [pk for pk, *_ in members if pk != source_id and state.get(pk) != wanted]
        if not out_of_line:
            continue
        source = page_model.objects.get(pk=source_id)
        source_restriction = _direct_restriction(source_id)
        source_groups = set(wanted[2]) if wanted else set()
        with _copying():
            for target in page_model.objects.filter(pk__in=out_of_line).order_by("path"):
                action = _bring_in_line(
                    target, source_restriction, source_groups, groups=True, dry_run=dry_run
                )
                if action:
                    changes.append(
                        PrivacyChange(target, source, action, wanted[0] if wanted else "")
                    )
    return changes


# Signals --------------------------------------------------------------------------------------


def _should_follow():
    return not _following.get() and follows_translations()


def _restriction_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not _should_follow():
        return
    # A new restriction is saved before its groups: they follow through m2m_changed.
    follow(instance.page, groups=not created)


def _restriction_deleted(sender, instance, origin=None, **kwargs):
    if not _should_follow():
        return
    # Only a restriction removed for itself: a page being deleted takes its restriction with it,
    # and its translations keep theirs.
    removed_for_itself = isinstance(origin, PageViewRestriction) or (
        isinstance(origin, QuerySet) and issubclass(origin.model, PageViewRestriction)
    )
    if not removed_for_itself:
        return
    page = _page_model().objects.filter(pk=instance.page_id).first()
    if page is not None:
        follow(page)


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if reverse and action == "pre_clear":
        # A group taken off every restriction at once: remember which, for post_clear.
        instance._wagtail_ward_cleared_restrictions = list(
            instance.pageviewrestriction_set.values_list("pk", flat=True)
        )
        return
    if action not in ("post_add", "post_remove", "post_clear") or not _should_follow():
        return
    if not reverse:
        follow(instance.page)
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_wagtail_ward_cleared_restrictions", ())
    restrictions = PageViewRestriction.objects.filter(pk__in=pk_set or ()).select_related("page")
    for restriction in restrictions:
        follow(restriction.page)


def connect():
    """Called from the core app's ``ready()``."""
    uid = "wagtail-ward-privacy-follows-translations"
    post_save.connect(_restriction_saved, sender=PageViewRestriction, dispatch_uid=uid)
    post_delete.connect(_restriction_deleted, sender=PageViewRestriction, dispatch_uid=uid)
    m2m_changed.connect(
        _groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid=uid
    )
