"""Endpoints for headless frontends: the site's header and footer data, and visit counting."""

import functools
import json

from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale, Site

from ..conf import ward_setting
from ..dates import long_date, ward_today
from ..models import CitizenQuestionsPage, DailyVisitCount, OrganisationPage, Poll
from ..models.organisation import leader_data
from ..navigation import home_for, top_navigation
from ..params import (
    BadParameter,
    answer_language,
    bad_request,
    json_object,
    positive_int,
    requested_language,
)
from ..public import public_q, settings_for
from ..ratelimit import retry_after, too_many_requests
from ..visits import already_counted_today, count_visit, group_digits, visitor_total


def in_answer_language(view):
    """Runs ``view`` in the language of the API's one rule (``params.answer_language``)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        with translation.override(answer_language(request)):
            return view(request, *args, **kwargs)

    return wrapped


def _error(message, status, **extra):
    return JsonResponse({"message": message, **extra}, status=status)


def _requested_site(request):
    """The site named by ``?site=<id>``, or the one the request's host belongs to."""
    if not request.GET.get("site"):
        return Site.find_for_request(request)
    try:
        site_id = positive_int(request.GET, "site")
    except BadParameter:
        return None  # Not the number of a site, however written: no such site.
    return Site.objects.select_related("root_page").filter(pk=site_id).first()


def _requested_locale(request):
    """The ``Locale`` of ``?locale=``, or of the site's default language without it (the rule of
    every endpoint, ``params.requested_language``); None when the language has no locale."""
    return Locale.objects.filter(language_code=requested_language(request.GET)).first()


def _site_page(request, site, locale, model):
    """The first live, public page of ``model`` on ``site`` in ``locale``, or in the site's own
    language when ``locale`` has none."""
    for root in dict.fromkeys([home_for(site, locale), site.root_page]):
        page = (
            model.objects.live()
            .filter(path__startswith=root.path, locale_id=root.locale_id)
            .filter(public_q(request))
            .order_by("path")
            .first()
        )
        if page is not None:
            return page
    return None


def _page_link(request, page):
    if page is None:
        return None
    return {"id": page.pk, "title": page.title, "url": page.get_full_url(request)}


def _organisation(request, site, locale):
    """The organisation page with its leaders and departments, or None."""
    page = _site_page(request, site, locale, OrganisationPage)
    if page is None:
        return None
    return {
        **_page_link(request, page),
        "leaders": [leader_data(leader, request) for leader in page.leader_list()],
        "departments": [
            {
                "name": department.name,
                "head": department.head,
                "phone": department.phone,
                "email": department.email,
                "description": department.description,
            }
            for department in page.department_list()
        ],
    }


def _side_poll(request, ward_settings, locale):
    """The poll of the side column (site settings): its id in ``locale`` (or its own language
    when it has no translation there), the address of the poll endpoint in that language, and
    its id in every language it has. None when the settings choose none."""
    if ward_settings.side_poll_id is None:
        return None
    group = Poll.objects.filter(translation_key=ward_settings.side_poll.translation_key)
    ids = dict(group.values_list("locale__language_code", "pk"))
    poll_id = ids.get(locale.language_code, ward_settings.side_poll_id)
    url = reverse("wagtail_ward:poll_api", args=[poll_id])
    return {
        "id": poll_id,
        "url": request.build_absolute_uri(f"{url}?{urlencode({'locale': locale.language_code})}"),
        "translations": ids,
    }


@require_GET
@in_answer_language
def site_info(request):
    """``GET /api/ward/site-info/?locale=en&site=<id>``: everything a header and footer need."""
    site = _requested_site(request)
    if site is None:
        return _error(_("No such site."), 404)
    try:
        locale = _requested_locale(request)
    except BadParameter as error:
        return bad_request(error)  # a NUL byte: 400; a language the site does not have: 404
    if locale is None:
        message = _("No such language: %(code)s.") % {"code": request.GET.get("locale", "")}
        return _error(message, 404, parameter="locale")
    ward_settings = settings_for(site, request)
    profile = ward_settings.profile
    if profile is not None and profile.locale_id != locale.pk:
        profile = profile.get_translation_or_none(locale) or profile
    total = visitor_total(site)
    logo = None
    if ward_settings.logo is not None:
        rendition = ward_settings.logo.get_rendition("max-240x240|format-png")
        logo = {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": ward_settings.logo.title,
        }
    with translation.override(locale.language_code):
        data = {
            "site": {"id": site.pk, "hostname": site.hostname, "name": site.site_name},
            "locale": locale.language_code,
            "unit": {
                "name": profile.name if profile else site.site_name,
                "governing_body": profile.governing_body if profile else "",
                "level": profile.level if profile else "",
                "parent_unit_name": profile.parent_unit_name if profile else "",
                "parent_level": profile.parent_level if profile else "",
                "parent_line": profile.parent_line if profile else "",
                "parent_unit_url": ward_settings.parent_unit_url,
                "parent_link_label": profile.parent_link_text if profile else "",
                "managing_agency": profile.managing_agency if profile else "",
                "responsible_person": {
                    "name": profile.responsible_person if profile else "",
                    "post": profile.responsible_person_post if profile else "",
                },
                "licence": profile.licence if profile else "",
                "address": profile.address if profile else "",
                "office_hours": profile.office_hours if profile else "",
                "phone": ward_settings.phone,
                "email": ward_settings.email,
                "logo": logo,
            },
            "organisation": _organisation(request, site, locale),
            "side_poll": _side_poll(request, ward_settings, locale),
            "questions_page": _page_link(
                request, _site_page(request, site, locale, CitizenQuestionsPage)
            ),
            "date": {"iso": ward_today().isoformat(), "long": long_date()},
            "visitors": {
                "total": total,
                "total_display": group_digits(total, locale.language_code),
            },
            "navigation": [
                {
                    "title": item["title"],
                    "url": request.build_absolute_uri(item["url"])
                    if not item["external"]
                    else item["url"],
                    "kind": item["kind"],
                    "external": item["external"],
                }
                for item in top_navigation(request, site, locale)
            ],
        }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@csrf_exempt
@require_POST
@in_answer_language
def record_visit(request):
    """``POST /api/ward/visits/`` with a JSON body ``{"site": <id>}`` (optional).

    Called once per visit by a headless frontend. CSRF-safe without the CSRF cookie: only a JSON
    body is accepted, which a cross-site HTML form cannot send. Rate-limited per client address;
    the address is never stored.
    """
    if not ward_setting("VISIT_COUNTER"):
        return _error(_("Visit counting is switched off on this site."), 404)
    if request.content_type != "application/json":
        return _error(_("Send the visit as JSON (Content-Type: application/json)."), 415)
    rate = ward_setting("VISIT_RATE")
    # Only a visit that would count is rate-limited: every page a counted browser reads asks for
    # the total again, and readers behind one office address must not use up its rate.
    if not already_counted_today(request) and too_many_requests(
        request, "wagtail_ward.visits", rate
    ):
        seconds = retry_after(rate)
        # Not counted, but the page that reported it can still show the total.
        site = Site.find_for_request(request)
        response = _error(
            _("Too many requests. Please try again in %(seconds)s seconds.") % {"seconds": seconds},
            429,
            counted=False,
            total=visitor_total(site) if site is not None else None,
        )
        response["Retry-After"] = str(seconds)
        return response
    try:
        body = json_object(request)
    except BadParameter as error:
        return bad_request(error)
    site_id = body.get("site")
    if site_id is None:
        site = Site.find_for_request(request)
    elif isinstance(site_id, int) and not isinstance(site_id, bool):
        site = Site.objects.filter(pk=site_id).first()
    else:
        return _error(_("“site” must be the number of a site."), 400)
    if site is None:
        return _error(_("No such site."), 404)
    response = JsonResponse({})
    counted = count_visit(request, response, site)
    today = (
        DailyVisitCount.objects.filter(site=site, date=ward_today())
        .values_list("count", flat=True)
        .first()
    )
    response.content = json.dumps(
        {"counted": counted, "today": today or 0, "total": visitor_total(site)}
    )
    return response
