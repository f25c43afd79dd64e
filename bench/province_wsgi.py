"""The WSGI application of the province benchmark's gunicorn (``bench.province_settings``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.province_settings")
application = get_wsgi_application()
