"""Template tags of polls: ``{% load wagtail_ward_polls %}``.

- ``{% ward_poll poll %}`` renders a poll (form, results, messages) for the current visitor;
- ``{% ward_side_poll %}`` renders the poll chosen for the side column in the site settings.
"""

from django import template

from ..fragments import cached_fragment
from ..models import Poll, WardSettings
from ..polls.views import render_poll

register = template.Library()


@register.simple_tag(takes_context=True)
def ward_poll(context, poll):
    if poll is None:
        return ""
    return render_poll(context.get("request"), poll)


@register.simple_tag(takes_context=True)
def ward_side_poll(context):
    request = context.get("request")
    if request is None:
        return ""
    # Which poll the settings choose is cached as a fragment, under the site's structure token
    # (the settings retire it): no query when there is none.
    poll_id = cached_fragment(
        request,
        "side_poll",
        lambda: WardSettings.for_request(request).side_poll_id,
        structure=True,
    )
    if poll_id is None:
        return ""
    poll = Poll.objects.filter(pk=poll_id).first()
    if poll is None:
        return ""
    return render_poll(request, poll)
