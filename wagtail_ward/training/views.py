"""Views of the training family: an applicant's document, for reviewers only.

The documents live outside MEDIA_ROOT (``storage.py``); this view is their only way out
(``urls.py``, outside the admin's URLs). It answers 404 to anyone without the permission to
view applications (the reviewers' group), signed in or not, so nobody learns whether an
application or a document exists; and 404 to a document that does not exist or was purged.
"""

import mimetypes
import os

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from .models import TrainingApplication

VIEW_PERMISSION = "wagtail_ward_training.view_trainingapplication"


def document_view(request, pk, field):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise Http404
    if field not in TrainingApplication.DOCUMENT_FIELDS:
        raise Http404
    application = get_object_or_404(TrainingApplication, pk=pk)
    document = getattr(application, field)
    if not document or not document.storage.exists(document.name):
        raise Http404
    extension = os.path.splitext(document.name)[1]
    response = FileResponse(
        document.open("rb"),
        as_attachment=True,
        filename=f"{application.receipt_number}-{field}{extension}",
        content_type=mimetypes.guess_type(document.name)[0] or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
