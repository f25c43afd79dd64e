"""What every page of a request asks more than once, answered once per request: the public
pages (``public_q``), a memo on the request (``request_memo``) and the site settings
(``settings_for``). Page families import these from here."""

from .memo import public_q, request_memo
from .models import WardSettings

__all__ = ["public_q", "request_memo", "settings_for"]


def settings_for(site, request=None):
    """The WardSettings of ``site``, from the request's cache when it is the request's site."""
    if request is not None:
        cached = getattr(request, WardSettings.get_cache_attr_name(), None)
        if cached is not None and cached.site_id == site.pk:
            return cached
        if getattr(request, "_wagtail_site", None) == site:
            return WardSettings.for_request(request)
    return WardSettings.for_site(site)
