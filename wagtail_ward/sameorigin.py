"""CSRF safety of a public form without a token in the page (the poll's vote, the citizens'
question).

A page with such a form is the same for every anonymous reader, so a shared cache can keep it:
it holds no CSRF token. The view the form posts to is therefore exempt from Django's token check
and protects itself the way Django's own check does before it looks at the token:

- a browser sends ``Origin`` with every form ``POST`` (all current browsers) and, unless a
  referrer policy removes it, ``Referer``; a vote whose ``Origin`` (or, without it, whose
  ``Referer``) is another website than this one or one of ``CSRF_TRUSTED_ORIGINS`` is refused;
- a vote that carries neither header (an old or unusual client) falls back to Django's full
  check, token included, which such a form without a token does not pass;
- the views are rate-limited per address in any case (``POLL_RATE``, ``QUESTION_RATE``), and
  the voter cookie is ``SameSite=Lax``: a cross-site ``POST`` does not carry it.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware


def _origin_of(url):
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def _allowed(request, origin):
    if origin is None:
        return False
    if origin == f"{request.scheme}://{request.get_host()}".lower():
        return True
    return origin in {trusted.lower() for trusted in settings.CSRF_TRUSTED_ORIGINS}


def refused(request):
    """Whether the form ``POST`` of ``request`` must be refused as a cross-site request."""
    origin = request.headers.get("Origin")
    if origin:  # "null" too (a sandboxed frame, a privacy redirect): never this website
        return not _allowed(request, origin.lower())
    referer = request.headers.get("Referer")
    if referer:
        return not _allowed(request, _origin_of(referer))
    # Neither header: only Django's full check (with its token) lets the vote through.
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {}) is not None
