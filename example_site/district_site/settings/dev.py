from .base import *  # noqa: F403

DEBUG = True
# Only for the demo on this machine; production reads SECRET_KEY from the environment.
SECRET_KEY = "demo-only-not-secret-wagtail-ward"  # noqa: S105
# The district answers on 127.0.0.1, each ward on <ward>.localhost (no /etc/hosts needed).
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
