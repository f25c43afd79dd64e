"""Reviewers see, change and export applications; nobody else sees them or their documents;
the purge removes personal data and keeps the counts."""

import datetime
import io
import os

import openpyxl
import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse

from tests.training.builders import make_application
from wagtail_ward.training.models import TrainingApplication

INDEX = "/admin/training_applications/"

# The group the training migrations make, named in Vietnamese for the admin (0003).
REVIEWERS = "Người duyệt hồ sơ đào tạo"


@pytest.fixture
def applications(programme):
    first = make_application(programme, status="selected")
    first.cv.save("cv.pdf", ContentFile(b"%PDF-1.4 secret"), save=True)
    second = make_application(
        programme, full_name="Phạm Thị Lan", birth_date=datetime.date(1990, 1, 2), status="rejected"
    )
    return first, second


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name=REVIEWERS))
    return user


@pytest.fixture
def plain_editor(django_user_model):
    """An editor of pages with admin access but not in the reviewers' group."""
    user = django_user_model.objects.create_user("editor", password="x")  # noqa: S106
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_the_reviewers_group_exists_with_its_permissions(db):
    assert not Group.objects.filter(name="Training reviewers").exists()  # renamed by 0003
    codenames = set(
        Group.objects.get(name=REVIEWERS).permissions.values_list("codename", flat=True)
    )
    assert {"access_admin", "view_trainingapplication", "change_trainingapplication"} <= codenames
    assert not {"add_trainingapplication", "delete_trainingapplication"} & codenames


def test_a_reviewer_sees_changes_and_exports_applications(client, reviewer, applications):
    first, second = applications
    client.force_login(reviewer)
    page = client.get(INDEX).content.decode()
    assert first.receipt_number in page and "Phạm Thị Lan" in page
    document_url = reverse("wagtail_ward:training_document", args=[first.pk, "cv"])
    assert document_url in page
    response = client.get(document_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 secret"
    assert response["Content-Disposition"].startswith("attachment")

    response = client.post(
        f"{INDEX}edit/{second.pk}/", {"status": "eligible", "reviewer_note": "Đủ điều kiện"}
    )
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.status == "eligible"

    response = client.get(INDEX + "?export=xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)
    assert len(rows) == 3
    assert {row[0] for row in rows[1:]} == {first.receipt_number, second.receipt_number}
    assert "Phạm Thị Lan" in {row[4] for row in rows[1:]}


def test_an_editor_without_the_group_sees_nothing(client, plain_editor, applications):
    first, _ = applications
    client.force_login(plain_editor)
    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(INDEX + "?export=xlsx").status_code in (302, 403)
    url = reverse("wagtail_ward:training_document", args=[first.pk, "cv"])
    assert client.get(url).status_code == 404
    assert "Nguyễn Văn Học" not in client.get("/admin/").content.decode()


def test_an_anonymous_visitor_gets_404_for_a_document(client, applications, settings):
    """Not the admin's login page: the visitor learns nothing, not even that it exists."""
    first, _ = applications
    url = reverse("wagtail_ward:training_document", args=[first.pk, "cv"])
    assert not url.startswith("/admin/")
    response = client.get(url)
    assert response.status_code == 404
    assert b"secret" not in response.content
    # Same answer for a document that does not exist.
    assert client.get(url.replace(f"/{first.pk}/", "/99999/")).status_code == 404
    # The file is not under MEDIA_ROOT: no media address reaches it.
    assert client.get(settings.MEDIA_URL + first.cv.name).status_code == 404
    assert client.get(settings.MEDIA_URL + "../ward-private/" + first.cv.name).status_code == 404


def test_nobody_adds_applications_in_the_admin(admin_client):
    """Even a superuser: applications come only from the public form."""
    assert (
        'href="/admin/training_applications/new/"' not in admin_client.get(INDEX).content.decode()
    )
    response = admin_client.post(INDEX + "new/", {"status": "selected"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not TrainingApplication.objects.exists()


def test_the_purge_removes_personal_data_and_keeps_the_counts(programme, applications):
    first, _ = applications
    path = first.cv.path
    with time_machine.travel(datetime.datetime(2012, 12, 1, tzinfo=datetime.UTC)):
        call_command("purge_training_applications", "--days", "365", stdout=io.StringIO())
    assert TrainingApplication.objects.filter(purged_at__isnull=False).count() == 0
    out = io.StringIO()
    with time_machine.travel(datetime.datetime(2013, 5, 2, tzinfo=datetime.UTC)):
        call_command("purge_training_applications", stdout=out)
    assert "2 applications" in out.getvalue()
    kept = list(
        TrainingApplication.objects.values_list(
            "status", "full_name", "birth_date", "phone", "cv", "age"
        )
    )
    assert sorted(kept) == [("rejected", "", None, "", "", 23), ("selected", "", None, "", "", 23)]
    assert not os.path.exists(path)
    programme.count_selected_applications = True
    assert programme.selected_so_far == 1
