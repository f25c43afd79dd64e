"""URLs of the training family, included from ``wagtail_ward.urls`` (namespace
``wagtail_ward``).

``ward/training/applications/<id>/document/<field>/``: an applicant's document, for reviewers only
(``views.document_view``). It lives outside the admin's URLs so that a visitor who is not
signed in gets a plain 404, not the admin's login page.
"""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "ward/training/applications/<int:pk>/document/<str:field>/",
        views.document_view,
        name="training_document",
    ),
]
