from .base import *  # noqa: F403

DEBUG = True
# Only for the demo on this machine; production reads SECRET_KEY from the environment.
SECRET_KEY = "demo-only-not-secret-wagtail-ward"  # noqa: S105
# The district answers on 127.0.0.1, each ward on <ward>.localhost (no /etc/hosts needed).
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The reference client (example_site/client/) or any frontend served on this machine, on any
# port, may call the API: `python -m http.server 8001 --directory example_site/client`, then
# http://127.0.0.1:8001/?api=http://lacvien.localhost:8000 (docs/headless.md).
CORS_ALLOWED_ORIGIN_REGEXES = [r"^http://127\.0\.0\.1:\d+$", r"^http://localhost:\d+$"]
