"""The API endpoint and the admin: import upload with dry run, export, bad files."""

import io
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import Revision

from tests.families import ProcedurePage
from wagtail_ward.procedures.forms import MAX_UPLOAD_BYTES
from wagtail_ward.procedures.importers import import_procedures

from .builders import sample, to_bytes

pytestmark = pytest.mark.django_db


def api(client, query=""):
    response = client.get(f"/api/v2/procedures/{query}")
    return response.status_code, response.json()


def test_api_lists_every_field_with_objects(client, sample_index):
    status, data = api(client, "?code=1.001193&fields=*")
    assert status == 200 and data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["sector"]["name"] == "Hộ tịch" and item["sector"]["slug"] == "ho-tich"
    assert item["agency"]["name"] == "Ủy ban nhân dân phường"
    assert item["methods"][1] == {
        "channel": "online",
        "processing_time": "Ngay trong ngày",
        "fee": "Miễn lệ phí",
        "description": "",
    }
    assert item["legal_basis"][0]["number"] == "60/2014/QH13"
    assert item["steps"][0].startswith("Người yêu cầu nộp hồ sơ")
    assert item["online_level"] == "full" and item["processing_days"] == 0


@pytest.mark.parametrize(
    ("query", "count"),
    [("?sector=chung-thuc", 5), ("?level=huyen", 1), ("?online_level=full", 5), ("?q=khai+tu", 1)],
)
def test_api_filters(client, sample_index, query, count):
    status, data = api(client, query)
    assert status == 200 and data["meta"]["total_count"] == count


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("?level=quan", "level"), ("?online_level=x", "online_level"), ("?code=1%00", "code")],
)
def test_api_bad_filters_answer_400(client, sample_index, query, parameter):
    status, data = api(client, query)
    assert status == 400 and data["parameter"] == parameter


@pytest.mark.urls("tests.procedures.urls")
def test_api_gives_form_templates_with_download_urls(client, sample_index):
    document = get_document_model().objects.create(
        title="Mẫu tờ khai khai sinh", file=ContentFile(b"%PDF-1.4", name="to-khai.pdf")
    )
    content = sample()
    content["procedures"][0]["dossier"][0]["template"] = "Mẫu tờ khai khai sinh"
    result = import_procedures(sample_index, "t.json", to_bytes(content))
    assert result.updated == ["1.001193"]
    status, data = api(client, "?code=1.001193&fields=dossier")
    template = data["items"][0]["dossier"][0]["template"]
    assert template["id"] == document.pk and template["url"] == document.url
    assert template["full_url"].startswith("http://testserver/")
    page = ProcedurePage.objects.get(code="1.001193")
    assert f'href="{document.url}"' in client.get(page.url).content.decode()


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_admin_dry_run_then_import(admin_client, sample_index):
    content = sample()
    content["procedures"][3]["fees"] = "Miễn lệ phí"
    url = f"/admin/procedures/{sample_index.pk}/import/"
    revisions = Revision.objects.count()
    response = admin_client.post(
        url, {"file": upload("p.json", to_bytes(content)), "dry_run": "on", "publish": "on"}
    )
    assert response.status_code == 200
    # In the admin's language (Vietnamese here).
    assert "0 thêm mới, 1 cập nhật, 22 không đổi, 0 lỗi." in response.content.decode()
    assert Revision.objects.count() == revisions
    response = admin_client.post(
        url, {"file": upload("p.json", to_bytes(content)), "publish": "on"}
    )
    assert response.status_code == 302
    assert ProcedurePage.objects.get(code="1.004873").fees == "Miễn lệ phí"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "p.json",
            b'{"procedures": [{"code": "1"',
            "The JSON is broken at line %(line)s, column %(column)s: %(reason)s.",
        ),
        ("p.json", b'{"procedures": []}\x00', "The file contains a NUL character."),
        ("p.xlsm", b"PK\x03\x04", "Upload a .json or .xlsx file."),
        ("p.xlsx", b"not a zip", "The file is not a readable .xlsx spreadsheet."),
        ("p.json", b" " * (MAX_UPLOAD_BYTES + 1), "The file is larger than %(size)s MB."),
    ],
)
def test_admin_refuses_bad_files_with_400(admin_client, sample_index, name, data, message):
    """The messages are in the admin's language (Vietnamese here)."""
    revisions = Revision.objects.count()
    response = admin_client.post(
        f"/admin/procedures/{sample_index.pk}/import/",
        {"file": upload(name, data), "publish": "on"},
    )
    assert response.status_code == 400
    with translation.override("vi"):
        expected = gettext(message).split("%(")[0]
    assert expected and expected in response.content.decode()
    assert Revision.objects.count() == revisions


def test_admin_refuses_a_50_mb_upload(admin_client, sample_index):
    data = io.BytesIO(b"{" + b" " * (50 * 2**20) + b"}")
    data.name = "big.json"
    response = admin_client.post(
        f"/admin/procedures/{sample_index.pk}/import/", {"file": data, "publish": "on"}
    )
    assert response.status_code == 400


def test_admin_export_and_buttons(admin_client, sample_index):
    response = admin_client.get(f"/admin/procedures/{sample_index.pk}/export.json")
    assert response.status_code == 200
    assert len(json.loads(response.content)["procedures"]) == 23
    response = admin_client.get(f"/admin/procedures/{sample_index.pk}/export.xlsx")
    assert response.content[:2] == b"PK"
    edit = admin_client.get(f"/admin/pages/{sample_index.pk}/").content.decode()
    assert f"/admin/procedures/{sample_index.pk}/import/" in edit


def test_code_must_be_unique_in_the_site_and_language(sample_index):
    other = ProcedurePage.objects.get(code="1.000656")
    assert other.code_taken("1.001193", sample_index)
    assert not other.code_taken("1.000656", sample_index)
    assert not other.code_taken("1.123456", sample_index)
