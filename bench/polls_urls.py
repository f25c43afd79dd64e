"""URLs of the polls benchmark: the project's URLs plus the bare baseline view."""

import uuid

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from tests.urls import urlpatterns as project_urlpatterns
from wagtail_ward.models import PollVote

BARE_POLL_KEY = uuid.UUID("00000000-0000-4000-8000-00000000ba5e")


@csrf_exempt
def bare_vote(request):
    """The baseline: a Django view that inserts one row, with no check at all."""
    PollVote.objects.create(
        poll_key=BARE_POLL_KEY, choice_key="dung-han", voter_hash=request.headers["X-Ward-Voter"]
    )
    return JsonResponse({"ok": True}, status=201)


urlpatterns = [path("bench/bare-vote/", bare_vote), *project_urlpatterns]
