from wagtail.models import Site

from .conf import ward_setting
from .fragments import pin_content_version
from .visits import count_visit


class FragmentCacheMiddleware:
    """Reads the content token once per request, before the view runs.

    Wagtail loads the page inside its view: a token read afterwards, at the first
    ``{% ward_cache %}``, could be one that a publish committed in between, and the old page
    would then be cached under the new token. Read first, the token is never newer than what
    the request shows. Without this middleware fragments are rendered afresh.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and ward_setting("FRAGMENT_CACHE_SECONDS"):
            pin_content_version(request)
        return self.get_response(request)


class VisitCounterMiddleware:
    """With ``VISIT_COUNT_ON_PAGES``, counts the first HTML page a browser opens on a site each
    day when it is served. Off by default: the page's script or image reports the visit
    (``wagtail_ward.visits``), so that the page holds nothing per visitor. Stores nothing
    personal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._countable(request, response):
            count_visit(request, response, Site.find_for_request(request))
        return response

    def _countable(self, request, response):
        if not ward_setting("VISIT_COUNTER") or not ward_setting("VISIT_COUNT_ON_PAGES"):
            return False
        if request.method != "GET" or response.status_code != 200:
            return False
        if getattr(request, "is_preview", False):
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        return not request.path.startswith(tuple(ward_setting("VISIT_IGNORE_PATHS")))
