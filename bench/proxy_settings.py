"""Settings of the caching proxy's benchmark: the demo site's, served by gunicorn behind nginx
(deploy/nginx/ward.conf), purged through the nginx purge address that ``WARD_PURGE_LOCATION``
names, as docs/caching.md ("Behind a caching proxy") tells a site to configure it."""

import os

from district_site.settings.dev import *  # noqa: F403

DEBUG = False
WAGTAILFRONTENDCACHE = {
    "nginx": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["WARD_PURGE_LOCATION"],
    },
}
WAGTAILFRONTENDCACHE_LANGUAGES = []
