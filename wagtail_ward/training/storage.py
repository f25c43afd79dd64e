"""Where applicants' documents are kept: a folder outside MEDIA_ROOT that no web server serves.

Reviewers download a document through the permission-checked view
(``wagtail_ward:training_document``, 404 to anyone else); the storage has no public address.
"""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

from .conf import training_setting


def upload_root():
    root = training_setting("TRAINING_UPLOAD_ROOT")
    if root:
        return str(root)
    media = Path(settings.MEDIA_ROOT or ".").resolve()
    return str(media.parent / "ward-private")


@deconstructible(path="wagtail_ward.training.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """A file system storage under ``upload_root()``, read when used (so tests and projects
    can move it), with no URL."""

    def __init__(self):
        super().__init__()

    @property
    def base_location(self):
        return upload_root()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Applicants' documents have no public address.")


private_storage = PrivateStorage()


def document_path(instance, filename):
    """A random name that keeps only the extension of what the applicant sent."""
    extension = os.path.splitext(filename)[1].lower()[:8]
    return f"training/{uuid.uuid4().hex}{extension}"
