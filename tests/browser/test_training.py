"""The training pages of the demo ward in a real browser: axe-core finds no violation on the
index, the programme and its print view at desktop and phone widths, nor on the application
form of a programme open today, which a visitor fills in to get a receipt number."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

EXAMPLE_SITE = Path(__file__).resolve().parents[2] / "example_site"
INDEX = "/dao-tao/"
PROGRAMME = INDEX + "dao-tao-nguon-chuc-danh-chu-chot/"
# The English page has an English address (the demo translates the slugs too).
ENGLISH_PROGRAMME = "/en/training/key-official-training-scheme/"
OPEN_SLUG = "chuong-trinh-dang-nhan-ho-so"

# The demo's programme ran in the 2010s; the form needs one open today. Made in the demo's
# database by the same manage.py the server runs, as an editor would.
MAKE_OPEN_PROGRAMME = f"""
import datetime
from wagtail_ward.dates import ward_today
from wagtail_ward.training.models import TrainingIndexPage, TrainingProgrammePage
index = TrainingIndexPage.objects.get(slug="dao-tao", locale__language_code="vi")
if not TrainingProgrammePage.objects.filter(slug="{OPEN_SLUG}").exists():
    today = ward_today()
    page = TrainingProgrammePage(
        title="Chương trình đang nhận hồ sơ", slug="{OPEN_SLUG}", organiser="UBND phường",
        summary="Chương trình thử nghiệm biểu mẫu.", target_trainees=10,
        applications_open=today - datetime.timedelta(days=3),
        applications_close=today + datetime.timedelta(days=10), age_limit=30,
        civil_servant_age_limit=35, locale=index.locale,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def open_programme(demo_server, tmp_path_factory):
    database = next(tmp_path_factory.getbasetemp().glob("demo*/demo.sqlite3"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "district_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", MAKE_OPEN_PROGRAMME],
        cwd=EXAMPLE_SITE,
        env=env,
        check=True,
        capture_output=True,
    )
    return f"{INDEX}{OPEN_SLUG}/"


@pytest.mark.parametrize("width", [1280, 390])
def test_training_pages_have_no_accessibility_violations(
    page, demo_server, open_programme, width, axe_violations
):
    page.set_viewport_size({"width": width, "height": 900})
    for path in [INDEX, PROGRAMME, PROGRAMME + "print/", open_programme + "apply/"]:
        response = page.goto(demo_server["ward"] + path)
        assert response.status == 200, path
        assert axe_violations(page) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path


# The facts of the reference article, as each language's page must show them.
FACTS = {
    "": [
        "150",
        "77",
        "từ 14 đơn vị",
        "30 tháng",
        "15 tháng",
        "30/04/2011",
        "Đã kết thúc",
        "dưới 30",
        "không quá 35 tuổi",
        "khá, giỏi",
        "đảng viên",
        "85% hệ số 2,34",
        "25–30% lương cơ bản",
        "500.000 đồng",
        "thời gian công tác liên tục",
        "ít nhất 5 năm liên tục",
        "bồi hoàn toàn bộ kinh phí đào tạo",
        "ngạch chuyên viên bậc 1",
        "5–10%",
        "Phó Chủ tịch",
        "Lý luận chính trị, quản lý nhà nước",
    ],
    "/en": [
        "150",
        "77",
        "from 14 units",
        "30 months",
        "15 months",
        "30/04/2011",
        "Completed",
        "Under 30",
        "no older than 35",
        "good or excellent degree",
        "Communist Party",
        "85% of salary coefficient 2.34",
        "25–30% of the base salary",
        "500,000 VND",
        "continuous working time",
        "at least 5 years in a row",
        "repay the whole cost",
        "specialist, grade 1",
        "5–10%",
        "deputy chair",
        "Political theory, state management",
    ],
}


def test_the_demo_programme_shows_the_facts_in_both_languages(page, demo_server):
    for prefix, facts in FACTS.items():
        page.goto(demo_server["ward"] + (ENGLISH_PROGRAMME if prefix == "/en" else PROGRAMME))
        text = " ".join(page.locator("main").inner_text().split())
        missing = [fact for fact in facts if fact not in text]
        assert missing == [], prefix
    api = "/api/v2/training/?fields=*&locale=en&slug=key-official-training-scheme"
    listing = page.evaluate("async (url) => (await fetch(url)).json()", api)
    (data,) = listing["items"]
    assert (data["target_trainees"], data["selected_so_far"]) == (150, 77)
    assert data["participating_units"]["count"] == 14
    assert [c["duration_months"] for c in data["courses"]] == [15, 15]
    assert data["total_duration_months"] == 30
    assert data["applications_close"] == "2011-04-30"
    assert data["status"]["code"] == "completed"


def test_an_applicant_fills_in_the_form_and_gets_a_receipt(page, demo_server, open_programme):
    page.goto(demo_server["ward"] + open_programme)
    assert "Đang nhận hồ sơ" in page.locator(".ward-training-open h2").text_content()
    page.get_by_role("link", name="Đăng ký trực tuyến").click()
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Thử")
    born = datetime.date(datetime.date.today().year - 25, 1, 2)  # 24 or 25: under 30
    page.get_by_label("Ngày sinh").fill(born.isoformat())
    page.get_by_label("Bằng đại học").fill("Cử nhân Luật")
    page.get_by_label("Xếp loại tốt nghiệp").select_option("good")
    page.get_by_label("Điện thoại").fill("0912345678")
    page.get_by_label("Sơ yếu lý lịch").set_input_files(
        files=[{"name": "ly-lich.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n"}]
    )
    page.get_by_role("button", name="Gửi hồ sơ").click()
    errors = page.locator(".ward-field__error, .ward-form-errors").all_inner_texts()
    assert errors == []
    assert page.locator("h1").inner_text() == "Đã nhận hồ sơ"
    assert page.locator(".ward-training-receipt strong").inner_text().startswith("DT-")
