"""URLs of polls, included from ``wagtail_ward.urls`` (namespace ``wagtail_ward``)."""

from django.urls import path

from . import results_api, views

urlpatterns = [
    path("polls/<int:poll_id>/vote/", views.vote, name="poll_vote"),
    path("api/ward/polls/<int:poll_id>/", views.api_poll, name="poll_api"),
    path("api/ward/polls/<int:poll_id>/vote/", views.api_vote, name="poll_api_vote"),
    path(
        "api/ward/polls/<int:poll_id>/results/",
        results_api.api_results,
        name="poll_api_results",
    ),
]
