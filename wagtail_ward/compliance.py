"""What Decree 42/2022/NĐ-CP asks a state agency's website to publish, checked for one site.

``site_compliance(site)`` returns one ``ComplianceItem`` per item of the list documented in
``docs/decree-42.md``, each present, missing, stale or not applicable, with the admin address
where an editor fixes it. A fixed number of queries per site, whatever the size of the site.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from .conf import ward_setting
from .dates import ward_timezone, ward_today
from .item_types import item_types
from .models import (
    CitizenQuestionsPage,
    IndexedItem,
    OrganisationLeader,
    OrganisationPage,
    WardSettings,
)

PRESENT = "present"
MISSING = "missing"
STALE = "stale"
NOT_APPLICABLE = "not_applicable"

STATUS_LABELS = {
    PRESENT: _("present"),
    MISSING: _("missing"),
    STALE: _("out of date"),
    NOT_APPLICABLE: _("not applicable"),
}

# Items that the ward portals' footers carry by practice (and licensed websites by the rules on
# Internet information services); docs/decree-42.md explains the references.
FOOTER = "—"

# The report finds a family's pages by their ``decree_42_item`` (the core never imports a
# family); the procedures family is named when it is not installed.
PROCEDURES_PACKAGE = "wagtail_ward.procedures"


@dataclass
class ComplianceItem:
    key: str
    label: str
    reference: str
    status: str
    detail: str = ""
    fix_url: str = ""

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def ok(self):
        return self.status in (PRESENT, NOT_APPLICABLE)


def _settings_url(site):
    try:
        return reverse("wagtailsettings:edit", args=["wagtail_ward", "wardsettings", site.pk])
    except NoReverseMatch:  # pragma: no cover - wagtail.contrib.settings is always installed
        return ""


def _profile_url(profile, site):
    if profile is None:
        return _settings_url(site)
    return reverse("wagtailsnippets_wagtail_ward_unitprofile:edit", args=[profile.pk])


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _add_url(site, model):
    return reverse(
        "wagtailadmin_pages:add",
        args=[model._meta.app_label, model._meta.model_name, site.root_page_id],
    )


def _public_pages(site):
    """Live pages of ``site`` in its own language that no view restriction hides."""
    root = site.root_page
    restricted = list(
        PageViewRestriction.objects.filter(page__path__startswith=root.path).values_list(
            "page__path", flat=True
        )
    )
    pages = Page.objects.filter(path__startswith=root.path, live=True, locale_id=root.locale_id)
    for path in restricted:
        pages = pages.exclude(path__startswith=path)
    return pages


def _family_pages(pages, item):
    """The pages of ``pages`` whose type says it answers the Decree 42 item ``item``
    (``decree_42_item``, set by a family's mixins): the family's own pages and a project's own
    pages over its mixins alike."""
    models = [
        model for model in apps.get_models() if getattr(model, "decree_42_item", None) == item
    ]
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    return pages.filter(content_type__in=list(content_types.values()))


def site_compliance(site, today=None):
    """The Decree 42 items of ``site``, in the order of ``docs/decree-42.md``."""
    today = today or ward_today()
    ward = WardSettings.for_site(site)
    profile = ward.profile
    pages = _public_pages(site)
    items = []

    def add(key, label, reference, ok, detail="", fix_url="", status=None):
        items.append(
            ComplianceItem(
                key=key,
                label=label,
                reference=reference,
                status=status or (PRESENT if ok else MISSING),
                detail=detail,
                fix_url=fix_url,
            )
        )

    profile_url = _profile_url(profile, site)
    add(
        "unit",
        _("Name of the unit and its governing body"),
        "Điều 4.1.e",
        bool(profile and profile.name and profile.governing_body),
        detail="" if profile else _("No unit profile is chosen in the site settings."),
        fix_url=profile_url,
    )
    add(
        "managing_agency",
        _("Managing agency"),
        FOOTER,
        bool(profile and profile.managing_agency),
        fix_url=profile_url,
    )
    add(
        "responsible_person",
        _("Person responsible for the content (name and post)"),
        FOOTER,
        bool(profile and profile.responsible_person and profile.responsible_person_post),
        fix_url=profile_url,
    )
    if ward.licence_required:
        add("licence", _("Licence"), FOOTER, bool(profile and profile.licence), fix_url=profile_url)
    else:
        add(
            "licence",
            _("Licence"),
            FOOTER,
            True,
            status=NOT_APPLICABLE,
            detail=_("The site settings say this website needs no licence."),
            fix_url=_settings_url(site),
        )
    lacking = [
        str(name)
        for name, value in (
            (_("address"), profile.address if profile else ""),
            (_("phone"), ward.phone),
            (_("e-mail"), ward.email),
        )
        if not value
    ]
    add(
        "contact",
        _("Address, phone and e-mail"),
        "Điều 4.1.e",
        not lacking,
        detail=", ".join(lacking),
        fix_url=_settings_url(site) if (not ward.phone or not ward.email) else profile_url,
    )

    organisation = pages.type(OrganisationPage).order_by("path").first()
    if organisation is None:
        add(
            "organisation",
            _("Organisation page with the leaders"),
            "Điều 4.1.e",
            False,
            detail=_("No published organisation page."),
            fix_url=_add_url(site, OrganisationPage),
        )
    else:
        has_leaders = OrganisationLeader.objects.filter(page_id=organisation.pk).exists()
        add(
            "organisation",
            _("Organisation page with the leaders"),
            "Điều 4.1.e",
            has_leaders,
            detail="" if has_leaders else _("The organisation page lists no leader."),
            fix_url=_edit_url(organisation),
        )

    questions = pages.type(CitizenQuestionsPage).order_by("path").first()
    add(
        "questions",
        _("Citizens' questions channel"),
        "Điều 4.1",
        questions is not None,
        detail="" if questions else _("No published citizens' questions page."),
        fix_url=_edit_url(questions) if questions else _add_url(site, CitizenQuestionsPage),
    )

    items.append(_news_item(site, pages, today))
    items.append(_procedures_item(site, pages))
    if apps.is_installed("wagtail_ward.schedule"):
        items.append(_schedule_item(site, pages, today))

    sitemap = ward.sitemap_page
    add("sitemap", _("Site map"), "", bool(sitemap and sitemap.live), fix_url=_settings_url(site))
    return items


def _procedures_item(site, pages):
    """Every site must publish its administrative procedures: without the procedures family
    installed the item is missing, and says so, rather than left out of the list."""
    label = _("Administrative procedures")
    if not apps.is_installed(PROCEDURES_PACKAGE):
        detail = _(
            "The administrative procedures family is not installed: add “%(app)s” to "
            "INSTALLED_APPS (see the installation guide), then publish the procedures."
        ) % {"app": PROCEDURES_PACKAGE}
        return ComplianceItem("procedures", label, "Điều 4.1", MISSING, detail)
    procedures = _family_pages(pages, "procedures").exists()
    return ComplianceItem(
        "procedures",
        label,
        "Điều 4.1",
        PRESENT if procedures else MISSING,
        "" if procedures else _("No published procedure page."),
        reverse("wagtailadmin_explore", args=[site.root_page_id]),
    )


def _news_item(site, pages, today):
    days = ward_setting("COMPLIANCE_NEWS_DAYS")
    label = _("News updated in the last %(days)s days") % {"days": days}
    root = site.root_page
    # Items dated in the future (next week's schedule) do not make the site up to date.
    end_of_today = datetime.datetime.combine(
        today + datetime.timedelta(days=1), datetime.time.min, tzinfo=ward_timezone()
    )
    newest = (
        IndexedItem.objects.filter(path__startswith=root.path, locale_id=root.locale_id)
        .exclude(path=root.path)
        .filter(page__in=pages, sort_at__lt=end_of_today, listed=True)
        .order_by("-sort_at")
        .values_list("sort_at", flat=True)
        .first()
    )
    fix_url = reverse("wagtailadmin_explore", args=[site.root_page_id])
    if not item_types() or newest is None:
        return ComplianceItem(
            "news", label, "Điều 4.1", MISSING, _("Nothing has been published."), fix_url
        )
    newest_day = newest.astimezone(ward_timezone()).date()
    age = (today - newest_day).days
    detail = _("Newest item: %(date)s.") % {"date": newest_day.strftime("%d/%m/%Y")}
    status = PRESENT if age <= days else STALE
    return ComplianceItem("news", label, "Điều 4.1", status, detail, fix_url)


def _schedule_item(site, pages, today):
    label = _("Work schedule of this week")
    fix_url = reverse("wagtailadmin_explore", args=[site.root_page_id])
    schedule_pages = _family_pages(pages, "schedule")
    if not schedule_pages.exists():
        return ComplianceItem(
            "schedule",
            label,
            "Điều 4.1",
            NOT_APPLICABLE,
            _("This site publishes no work schedules."),
            fix_url,
        )
    monday = today - datetime.timedelta(days=today.weekday())
    newest = None
    weeks = (t for t in item_types() if getattr(t.model, "decree_42_item", "") == "schedule")
    for item_type in weeks:
        value = (
            item_type.model.objects.filter(pk__in=schedule_pages.values("pk"))
            .filter(**{f"{item_type.date_field}__lte": today})
            .order_by(f"-{item_type.date_field}")
            .values_list(item_type.date_field, flat=True)
            .first()
        )
        if value is not None and (newest is None or value > newest):
            newest = value
    if newest is None:
        return ComplianceItem(
            "schedule", label, "Điều 4.1", MISSING, _("No weekly schedule is published."), fix_url
        )
    detail = _("Newest schedule starts on %(date)s.") % {"date": newest.strftime("%d/%m/%Y")}
    status = PRESENT if newest >= monday else STALE
    return ComplianceItem("schedule", label, "Điều 4.1", status, detail, fix_url)
