"""``GET /polls/<id>/box/?box=<n>``: the poll as this reader sees it.

A page shows every reader the same poll (a shared cache keeps the page): the form, with no
CSRF token and no "you have voted". Once the page has loaded, ``poll.js`` asks this view for the
reader's own state (the form, or "you have voted" with the results) and puts it in place of the
page's. Never kept by any cache: it is this reader's.
"""

from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.decorators.http import require_GET

from ..params import BadParameter, bad_request, positive_int
from .views import MAX_BOXES, get_poll, render_poll


@require_GET
def poll_box(request, poll_id):
    poll = get_poll(poll_id)
    try:
        renders = positive_int(request.GET, "box", default=1, maximum=MAX_BOXES)
    except BadParameter as error:
        return bad_request(error, json=False)
    with translation.override(poll.locale.language_code):
        response = HttpResponse(render_poll(request, poll, personal=True, renders=renders))
    add_never_cache_headers(response)
    patch_vary_headers(response, ("Cookie",))
    return response
