"""``{% load wagtail_ward_training_tags %}``: the side-column box of programmes open for
applications ("Đang nhận hồ sơ"), with the days left to apply.

``{% training_open_box %}`` renders the box (nothing when no programme is open);
``{% training_open_programmes as programmes %}`` gives the list for a template of one's own.
"""

from django import template
from django.apps import apps
from wagtail.models import Locale, Site

from wagtail_ward.dates import ward_today
from wagtail_ward.public import public_q
from wagtail_ward.training.models import ProgrammeStatus, TrainingProgrammePageMixin, days_left

register = template.Library()


def open_programmes(request, limit=5):
    """Live, public programmes of the request's site and language whose application period
    includes today (unless set by hand to another status), the nearest deadline first; each
    with ``days_left``. One query per programme model, whatever the number of programmes."""
    today = ward_today()
    site = Site.find_for_request(request) if request is not None else None
    found = []
    for model in apps.get_models():
        if not issubclass(model, TrainingProgrammePageMixin):
            continue
        queryset = (
            model.objects.live()
            .filter(
                public_q(request),
                status_override__in=["", ProgrammeStatus.OPEN],
                online_applications=True,
                applications_open__lte=today,
                applications_close__gte=today,
                locale__language_code=Locale.get_active().language_code,
            )
            .order_by("applications_close", "pk")
        )
        if site is not None:
            queryset = queryset.filter(path__startswith=site.root_page.path)
        found.extend(queryset[:limit])
    found.sort(key=lambda page: (page.applications_close, page.pk))
    for page in found:
        page.days_left = days_left(today, page.applications_close)
    return found[:limit]


@register.simple_tag(takes_context=True)
def training_open_programmes(context, limit=5):
    return open_programmes(context.get("request"), limit)


@register.inclusion_tag("wagtail_ward/training/_open_box.html", takes_context=True)
def training_open_box(context, limit=5):
    return {"programmes": open_programmes(context.get("request"), limit)}
