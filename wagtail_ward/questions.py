"""Where the form of the citizens' questions page posts: ``POST /questions/<page id>/ask/``.

The page is the same for every anonymous reader, so that a shared cache can keep it: its form
holds no CSRF token. This view is exempt from Django's token check and refuses a question sent
from another website by its ``Origin`` or ``Referer`` (``wagtail_ward.sameorigin``); the page's
own ``serve`` then checks the form, its honeypot, time trap and rate limit, stores the question
and answers with the page, as when the form posted to the page itself.
"""

from django.http import Http404, HttpResponseForbidden
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .models.questions import CitizenQuestionsPageMixin
from .sameorigin import refused


@csrf_exempt
@require_POST
def ask_question(request, page_id):
    if refused(request):
        return HttpResponseForbidden(
            _("Questions sent from another website are not accepted."), content_type="text/plain"
        )
    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if not isinstance(page, CitizenQuestionsPageMixin):
        raise Http404("No public questions page with this number.")
    with translation.override(page.locale.language_code):
        request.LANGUAGE_CODE = page.locale.language_code
        return page.serve(request)
