"""The admin import as an editor goes through it: upload, preview, then Import or Cancel."""

import datetime
import time
from pathlib import Path

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from tests import factories
from tests.families import ScheduleEntry, WeeklySchedulePage
from tests.schedule.importing import confirm, preview_of, upload_to
from wagtail_ward.schedule.models import Leader

FILES = Path(__file__).parent / "files"
WEEK = datetime.date(2026, 12, 7)


def office_file(name="office_layout.xlsx"):
    return SimpleUploadedFile(name, (FILES / name).read_bytes())


@pytest.fixture
def week(schedule_index, vi):
    factories.LeaderFactory(locale=vi, name="Nguyễn Văn An", position="Chủ tịch UBND phường")
    factories.LeaderFactory(locale=vi, name="Trần Thị Bình", position="Phó Chủ tịch UBND")
    return factories.make_schedule(schedule_index, start=WEEK, entries=2, publish=False)


def draft_contents(page):
    page.refresh_from_db()
    return [e.content for e in page.get_latest_revision_as_object().entries.all()]


def test_preview_shows_rows_skipped_rows_and_unmatched_leaders_then_imports(editor, week):
    with translation.override("en"):
        preview = preview_of(editor, week, office_file())
    rows = preview.select(".ward-import-row")
    assert [r.select_one(".ward-import-row__content").get_text() for r in rows][:2] == [
        "Chào cờ đầu tuần",
        "Giao ban lãnh đạo",
    ]
    # The afternoon row without a time is shown in the afternoon, the all-day row as such.
    assert rows[5]["data-session"] == "afternoon"
    assert rows[3]["data-all-day"] == "true"
    an = Leader.objects.get(name="Nguyễn Văn An")
    assert rows[0].select_one(".ward-import-leader")["data-leader"] == str(an.pk)
    assert len(preview.select(".ward-import-skipped li")) == 8
    assert preview.select_one("#id_create_leader_0")["value"] == "Lê Văn Cường"
    # Nothing is written before "Import".
    assert draft_contents(week) == ["Công việc số 1", "Công việc số 2"]
    response = confirm(editor, preview, create_leader=["Lê Văn Cường"])
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[week.pk])
    assert draft_contents(week)[0] == "Chào cờ đầu tuần"
    created = Leader.objects.get(name="Lê Văn Cường")
    draft = week.get_latest_revision_as_object()
    assert [e.leader for e in draft.entries.all()][5] == created
    # The preview is used up: the same address now sends the editor back to the upload.
    assert editor.get(preview.url)["Location"].endswith(f"/schedule/{week.pk}/import/")


def test_cancel_writes_nothing(editor, week):
    revisions = week.revisions.count()
    preview = preview_of(editor, week, office_file())
    response = confirm(editor, preview, action="cancel")
    assert response.status_code == 302
    assert week.revisions.count() == revisions
    assert draft_contents(week) == ["Công việc số 1", "Công việc số 2"]


def test_a_file_without_entries_asks_before_emptying_the_draft(editor, week):
    preview = preview_of(editor, week, office_file("header_only.xlsx"))
    assert preview.select_one("#id_confirm_remove") is not None
    response = confirm(editor, preview)
    assert response.status_code == 400
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.select_one("#ward-import-confirm-errors") is not None
    assert draft_contents(week) == ["Công việc số 1", "Công việc số 2"]
    response = confirm(editor, preview, confirm_remove="on")
    assert response.status_code == 302
    assert draft_contents(week) == []


def test_the_preview_is_kept_for_its_user_and_page_only_and_expires(
    client, editor, week, admin_user, django_user_model, schedule_index
):
    preview = preview_of(editor, week, office_file())
    other_week = factories.make_schedule(schedule_index, start=WEEK + datetime.timedelta(days=7))
    other_url = preview.url.replace(f"/{week.pk}/", f"/{other_week.pk}/")
    assert editor.get(other_url).status_code == 302
    other = django_user_model.objects.create_superuser("other", "o@example.com", "x")
    client.force_login(other)
    assert client.get(preview.url).status_code == 302
    client.force_login(admin_user)
    with time_machine.travel(time.time() + 3601):
        assert client.get(preview.url)["Location"].endswith("/import/")
    assert draft_contents(week) == ["Công việc số 1", "Công việc số 2"]


def test_two_sheets_go_into_two_weeks(editor, week):
    preview = preview_of(editor, week, office_file("two_weeks.xlsx"))
    assert len(preview.select(".ward-import-sheet")) == 2
    response = confirm(editor, preview)
    assert response.status_code == 302
    assert draft_contents(week) == ["Việc tuần 50"]
    next_week = WeeklySchedulePage.objects.get(start_date=WEEK + datetime.timedelta(days=7))
    assert next_week.live is False
    assert draft_contents(next_week) == ["Việc tuần 51, thứ hai", "Việc tuần 51, thứ ba"]


def test_the_editor_may_pick_one_sheet(editor, week):
    preview = preview_of(editor, week, office_file("two_weeks.xlsx"))
    response = editor.post(preview.url, {"action": "import", "sheet": ["0"]})
    assert response.status_code == 302
    assert draft_contents(week) == ["Việc tuần 50"]
    assert not WeeklySchedulePage.objects.filter(start_date=WEEK + datetime.timedelta(days=7))


GARBAGE = {
    "x.xlsx": b"PK\x03\x04garbage",
    "x.ods": b"PK\x05\x06" + b"\x00" * 18,
    "x.csv": b"\xff\xfe\x00\x00\x00",
    "empty.csv": b"",
    "x.xls": b"anything",
    "x.pdf": b"%PDF-1.4",
    "nul.csv": b"Ng\xc3\xa0y,N\xe1\xbb\x99i dung\n\x00\x00,\x00\n",
    "deep.csv": b'Ng\xc3\xa0y,N\xe1\xbb\x99i dung\n"' + b"a" * 200_000 + b'"\n',
    "dates.csv": "Ngày,Nội dung\n99/99/9999,x\n31/02,y\nThứ 9,z\n0,w\n".encode(),
    "times.csv": "Ngày,Giờ,Nội dung\n07/12,99h99,x\n07/12,25:00,y\n".encode(),
}


def test_no_upload_answers_500(editor, week):
    statuses = {}
    for name, data in GARBAGE.items():
        response = upload_to(editor, week, SimpleUploadedFile(name, data))
        statuses[name] = response.status_code
    # NUL bytes are dropped: that file is a header without entries, which goes to the preview.
    assert statuses == {**dict.fromkeys(GARBAGE, 400), "nul.csv": 302}
    assert ScheduleEntry.objects.filter(page=week).count() == 2


@override_settings(WAGTAIL_WARD={"SCHEDULE_IMPORT_MAX_UPLOAD_BYTES": 1000})
def test_the_upload_size_is_a_setting(editor, week):
    response = upload_to(editor, week, office_file())
    assert response.status_code == 400
    # The admin speaks the editor's language; the message names the setting in every one.
    errors = BeautifulSoup(response.content.decode(), "html.parser").get_text()
    assert "0 MB" in errors and "SCHEDULE_IMPORT_MAX_UPLOAD_BYTES" in errors
