from wagtail.models import Site

from .conf import ward_setting
from .visits import count_visit


class VisitCounterMiddleware:
    """Counts the first HTML page a browser opens on a site each day. Stores nothing personal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._countable(request, response):
            count_visit(request, response, Site.find_for_request(request))
        return response

    def _countable(self, request, response):
        if not ward_setting("VISIT_COUNTER"):
            return False
        if request.method != "GET" or response.status_code != 200:
            return False
        if getattr(request, "is_preview", False):
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        return not request.path.startswith(tuple(ward_setting("VISIT_IGNORE_PATHS")))
