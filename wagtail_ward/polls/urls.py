"""URLs of polls, included from ``wagtail_ward.urls`` (namespace ``wagtail_ward``)."""

from django.urls import path

from . import api_views, box, results_api, views

urlpatterns = [
    path("polls/<int:poll_id>/vote/", views.vote, name="poll_vote"),
    path("polls/<int:poll_id>/box/", box.poll_box, name="poll_box"),
    path("api/ward/polls/<int:poll_id>/", api_views.api_poll, name="poll_api"),
    path("api/ward/polls/<int:poll_id>/vote/", api_views.api_vote, name="poll_api_vote"),
    path(
        "api/ward/polls/<int:poll_id>/results/",
        results_api.api_results,
        name="poll_api_results",
    ),
]
