"""An editor imports the office's own spreadsheet in a real browser: upload, a preview with one
warning, "Import", publish; the week page shows each entry in its session with its leader.

Saves the screenshot of the preview shown in docs/schedule.md.
"""

import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from openpyxl import Workbook

pytestmark = pytest.mark.browser

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "img"
# Far enough ahead that no other test's week is touched.
WEEKS_AHEAD = 6


def office_file(folder, monday):
    """The office layout: title block, merged day cell, a Buổi column, footer and signature.
    One row says 14h in the morning: the preview's one warning."""
    day = lambda n: f"{monday + datetime.timedelta(days=n):%d/%m}"  # noqa: E731
    end = monday + datetime.timedelta(days=6)
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["ỦY BAN NHÂN DÂN PHƯỜNG LẠC VIÊN"])
    sheet.append([f"LỊCH CÔNG TÁC TUẦN (Từ ngày {monday:%d/%m/%Y} đến ngày {end:%d/%m/%Y})"])
    sheet.append([])
    sheet.append(["Thứ/Ngày", "Buổi", "Thời gian", "Nội dung", "Chủ trì", "Địa điểm"])
    sheet.append(
        [f"Thứ hai\n{day(0)}", "Sáng", "7h30", "Nhập: chào cờ", "Đ/c Nguyễn Văn A - Chủ tịch UBND"]
    )
    sheet.append([None, "Chiều", "2h", "Nhập: tiếp công dân", "Trần Thị B (PCT)", "Phòng 1"])
    sheet.merge_cells("A5:A6")
    sheet.append([f"Thứ ba\n{day(1)}", "Sáng", "14h", "Nhập: giờ lệch buổi", "", "Hội trường"])
    sheet.append([None, "Tối", "7h", "Nhập: sinh hoạt chi bộ", "Chủ tịch Nguyễn Văn A", ""])
    sheet.merge_cells("A7:A8")
    sheet.append([])
    sheet.append(["Nơi nhận:", None, None, None, "TM. ỦY BAN NHÂN DÂN"])
    sheet.append(["- Lưu: VT.", None, None, None, "CHỦ TỊCH"])
    path = folder / "lich-cong-tac.xlsx"
    workbook.save(path)
    return path


def log_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "ward-demo-2026")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def get_json(page, url):
    """GET ``url`` from the browser itself (the ward's host name resolves only there)."""
    return page.evaluate("async url => (await fetch(url)).json()", url)


def new_week(page, base, monday):
    """A new draft week under the demo's schedule list, through the admin's own address."""
    index = get_json(page, base + "/api/v2/pages/?slug=lich-cong-tac")["items"][0]
    token = next(c["value"] for c in page.context.cookies(base) if c["name"] == "csrftoken")
    final_url = page.evaluate(
        """async ([url, token]) => {
            const response = await fetch(url, {method: "POST", headers: {"X-CSRFToken": token}});
            if (!response.ok) throw new Error(response.status);
            return response.url;
        }""",
        [f"{base}/admin/schedule/index/{index['id']}/new/{monday:%Y-%m-%d}/", token],
    )
    # The new week's edit screen: /admin/pages/<id>/edit/
    return int(final_url.rstrip("/").split("/")[-2])


def test_an_editor_imports_the_office_file_and_publishes(page, demo_server, tmp_path):
    base = demo_server["ward"]
    today = datetime.date.today()
    monday = (
        today - datetime.timedelta(days=today.weekday()) + datetime.timedelta(weeks=WEEKS_AHEAD)
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base)
    page_id = new_week(page, base, monday)

    page.goto(f"{base}/admin/schedule/{page_id}/import/")
    page.set_input_files("#id_file", str(office_file(tmp_path, monday)))
    page.click("#ward-import-read")
    page.wait_for_selector("#ward-import-confirm")
    assert page.locator(".ward-import-row").count() == 4
    assert page.locator("#ward-import-warnings li").count() == 1
    assert "14h" in page.locator("#ward-import-warnings li").inner_text()
    assert page.locator(".ward-import-row .ward-import-leader").count() == 3
    sessions = page.locator(".ward-import-row").evaluate_all(
        "rows => rows.map(r => r.dataset.session)"
    )
    assert sessions == ["morning", "afternoon", "morning", "evening"]
    page.screenshot(path=str(IMAGES / "schedule-import-preview.png"), full_page=False)

    page.click("#ward-import-submit")
    page.wait_for_url(f"**/admin/pages/{page_id}/edit/")
    with page.expect_navigation():
        page.locator('button[name="action-publish"]').evaluate("button => button.click()")
    page.wait_for_load_state()

    detail = get_json(page, f"{base}/api/v2/schedules/{page_id}/")
    entries = {e["content"]: e for d in detail["days"] for e in d["entries"]}
    assert entries["Nhập: chào cờ"]["leader"]["name"] == "Nguyễn Văn A"
    assert entries["Nhập: tiếp công dân"]["leader"]["name"] == "Trần Thị B"
    assert entries["Nhập: sinh hoạt chi bộ"]["leader"]["name"] == "Nguyễn Văn A"
    assert entries["Nhập: tiếp công dân"]["start_time"] == "14:00"
    assert entries["Nhập: sinh hoạt chi bộ"]["start_time"] == "19:00"

    # The path only: the demo's sites are recorded on another port than the test server's.
    week_path = urlsplit(detail["meta"]["html_url"]).path
    response = page.goto(base + week_path)
    assert response.status == 200

    def session_of(content):
        entry = page.locator(".ward-schedule-entry", has_text=content)
        body = entry.locator("xpath=ancestor::tbody[1]")
        return body.locator(".ward-schedule-session").inner_text().strip()

    assert session_of("Nhập: chào cờ") == "Sáng"
    assert session_of("Nhập: tiếp công dân") == "Chiều"
    assert session_of("Nhập: sinh hoạt chi bộ") == "Tối"
    presiding = page.locator(".ward-schedule-entry", has_text="Nhập: chào cờ").locator(
        ".ward-schedule-entry__presiding"
    )
    assert "Nguyễn Văn A" in presiding.inner_text()
    # Linked, not only named: the entry is on the leader's own page.
    leader_id = entries["Nhập: chào cờ"]["leader"]["id"]
    index_path = week_path.rstrip("/").rsplit("/", 1)[0]
    page.goto(f"{base}{index_path}/leader/{leader_id}/")
    assert page.locator("text=Nhập: chào cờ").count() >= 1
