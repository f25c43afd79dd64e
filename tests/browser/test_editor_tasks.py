"""The editor's daily tasks, in Vietnamese, in a real browser against the demo district.

Each step saves a screenshot into docs/editors/img/ (the editor's guide shows them); a failure
saves the page's HTML and a screenshot into build/browser-failures/ (``keep_failure``).
"""

import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from openpyxl import load_workbook

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "editors" / "img"

# A Vietnamese article made outside the browser, for the tasks that start from one.
MAKE_ARTICLE = """
import json
from wagtail.models import Locale
from wagtail_ward.news.models import NewsIndexPage, NewsPage
index = NewsIndexPage.objects.filter(locale__language_code="vi", url_path__contains="lac-vien")
index = (index.first() or NewsIndexPage.objects.filter(locale__language_code="vi").first())
page = NewsPage(title={title!r}, lead="Phường tổ chức ra quân làm sạch các tuyến phố.",
                body=[("paragraph", "<p>Sáng Chủ nhật, đoàn viên và người dân cùng ra quân.</p>")])
index.add_child(instance=page)
page.save_revision().publish()
print(json.dumps({{"id": page.pk, "url": page.full_url, "index": index.pk}}))
"""

# The Vietnamese list of weekly schedules of the ward.
SCHEDULE_INDEX = """
from wagtail_ward.schedule.models import ScheduleIndexPage
index = ScheduleIndexPage.objects.filter(locale__language_code="vi", slug="lich-cong-tac")
print((index.first() or ScheduleIndexPage.objects.filter(locale__language_code="vi").first()).pk)
"""

# The entries of the published version of a weekly schedule.
LIVE_ENTRIES = """
import json
from wagtail.models import Page
page = Page.objects.get(pk={page_id}, live=True).specific
print(json.dumps([entry.content for entry in page.entries.all()]))
"""

# The Vietnamese news index of the district, and the articles of a title with their state.
NEWS_INDEX = """
from wagtail_ward.news.models import NewsIndexPage
print(NewsIndexPage.objects.filter(locale__language_code="vi").order_by("path").first().pk)
"""
ARTICLES_TITLED = """
import json
from wagtail_ward.news.models import NewsPage
print(json.dumps(list(NewsPage.objects.filter(title={title!r}).values_list("live", flat=True))))
"""

# The address of the English translation of a page.
ENGLISH_URL = """
from wagtail.models import Locale, Page
page = Page.objects.get(pk={page_id})
print(page.get_translation(Locale.objects.get(language_code="en")).full_url)
"""


class Steps:
    """Screenshots of one task, numbered in the order the editor takes the steps."""

    def __init__(self, page, task):
        self.page, self.task, self.number = page, task, 0

    def shot(self, name):
        self.number += 1
        IMAGES.mkdir(parents=True, exist_ok=True)
        path = IMAGES / f"{self.task}-{self.number:02d}-{name}.jpg"
        self.page.screenshot(path=str(path), type="jpeg", quality=70)


def fetch(url):
    """GET ``url`` of the demo; ``*.localhost`` is loopback (as the browser knows)."""
    host = re.match(r"https?://([^/]+)", url).group(1)
    request = urllib.request.Request(  # noqa: S310 (loopback)
        re.sub(r"//[^/:]+", "//127.0.0.1", url, count=1), headers={"Host": host}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


def public(demo_server, url):
    """``url`` of the demo's page as served on the test's port."""
    path = re.sub(r"^https?://[^/]+", "", url)
    host = "ward" if "lacvien" in url else "district"
    return demo_server[host] + path


def latest_items(demo_server, host):
    """The titles in "Tin mới" on the home page of ``host``."""
    status, html = fetch(demo_server[host] + "/")
    assert status == 200
    return html


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A clerk's browser: Vietnamese (dates that the admin's scripts format follow it)."""
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture
def editor(page, keep_failure, demo_server, admin_login):
    page.set_viewport_size({"width": 1280, "height": 800})
    admin_login(page, demo_server["district"])
    return page


@pytest.fixture
def article(demo_server):
    def make(title):
        output = demo_server["manage"]("shell", "-c", MAKE_ARTICLE.format(title=title))
        return json.loads(output.strip().splitlines()[-1])  # after the shell's own notes

    return make


def open_more_actions(page):
    """The arrow next to "Lưu bản nháp" in the editor's footer: publish, unpublish ..."""
    page.locator("footer [data-w-dropdown-target=toggle]").first.click()


def publish(page):
    open_more_actions(page)
    page.locator("footer button[name=action-publish]").click()


def test_task_1_write_an_article_with_a_picture_and_a_poll(editor, demo_server):
    page, steps = editor, Steps(editor, "task1")
    title = f"Phường ra quân tổng vệ sinh {int(time.time())}"
    steps.shot("trang-tong-quan")
    page.goto(demo_server["district"] + "/admin/pages/")
    page.get_by_role("link", name="Cổng thông tin điện tử quận Ngô Quyền", exact=True).click()
    page.locator("#id_title").wait_for()
    page.goto(page.url.replace("/edit/", "/"))  # the district's pages
    page.get_by_role("link", name="Tin tức", exact=True).first.click()
    page.locator("#id_title").wait_for()
    page.goto(page.url.replace("/edit/", "/add_subpage/"))  # a news section takes articles only
    page.locator("#id_title").fill(title)
    page.locator("#id_lead").fill("Sáng Chủ nhật, đoàn viên và người dân cùng làm sạch phố.")
    steps.shot("viet-bai")

    page.get_by_role("tab", name="Chuyên mục, hình ảnh và nguồn").click()
    picture = page.locator("#id_featured_image-chooser")
    picture.scroll_into_view_if_needed()
    picture.locator(".unchosen [data-chooser-action-choose]").click()
    page.locator(".modal [data-chooser-modal-choice]").first.click()
    page.locator(".modal").wait_for(state="hidden")
    steps.shot("chon-hinh-anh")

    page.get_by_role("tab", name="Bài viết").click()
    page.locator("#panel-child-content-body-section button[title], .c-sf-add-button").first.click()
    page.get_by_role("option", name=re.compile("Thăm dò ý kiến")).first.click()
    page.locator(".snippet-chooser .unchosen [data-chooser-action-choose]:visible").first.click()
    page.locator(".modal [data-chooser-modal-choice]").first.click()
    page.locator(".modal").wait_for(state="hidden")
    steps.shot("them-tham-do")

    page.locator("[data-side-panel-toggle=preview]").click()
    page.locator("iframe").last.wait_for()
    steps.shot("xem-truoc")

    publish(page)
    page.locator(".messages").wait_for()
    assert "xuất bản" in page.locator(".messages").inner_text()
    steps.shot("da-xuat-ban")

    assert title in latest_items(demo_server, "district"), "the article is not in “Tin mới”"


def open_new_article(page, demo_server):
    """The form of a new article in the district's Vietnamese news index."""
    index = demo_server["manage"]("shell", "-c", NEWS_INDEX).strip().splitlines()[-1]
    page.goto(f"{demo_server['district']}/admin/pages/add/wagtail_ward_news/newspage/{index}/")


def articles_titled(demo_server, title):
    """Whether each article of ``title`` is live: [True] is one live article."""
    output = demo_server["manage"]("shell", "-c", ARTICLES_TITLED.format(title=title))
    return json.loads(output.splitlines()[-1])


def wait_until(page, condition, seconds):
    """Let the page run until ``condition()`` holds, for ``seconds`` at most; what it returns."""
    for _ in range(int(seconds * 10)):
        if condition():
            return True
        page.wait_for_timeout(100)
    return condition()


def test_a_publish_clicked_while_the_first_autosave_is_on_its_way_publishes(editor, demo_server):
    """Wagtail 8's first autosave of a new page creates it as a draft; a publish clicked before
    that save has answered went to the create view again and was refused ("the address is
    already used", by that draft). Here the save reaches the server and its answer is held back:
    the publish waits for it, then publishes the page the save made, once."""
    page = editor
    title = f"Phường ra quân dọn vệ sinh kênh {int(time.time())}"
    answers = []

    def hold_autosave_answer(route, request):
        if request.method == "POST" and "json" in request.headers.get("accept", ""):
            answers.append((route, route.fetch()))  # saved on the server, answered later
        else:
            route.fallback()

    page.route("**/admin/pages/add/**", hold_autosave_answer)
    open_new_article(page, demo_server)
    page.wait_for_timeout(2500)  # Wagtail takes the form as it was 2 s after loading, then edits
    page.locator("#id_title").fill(title)
    page.locator("#id_lead").fill("Sáng thứ Bảy, người dân cùng vớt rác trên kênh.")
    # The autosave runs a second or so after the typing stops.
    assert wait_until(page, lambda: answers, seconds=10), "no autosave was sent"
    assert articles_titled(demo_server, title) == [False], "the autosave has not made the draft"

    try:
        publish(page)
        page.wait_for_timeout(1000)  # a publish sent now would come back refused
        assert page.locator(".messages .error, .messages [class*=error]").count() == 0
    finally:
        for route, response in answers:
            route.fulfill(response=response)
    page.locator(".messages").wait_for()
    assert "xuất bản" in page.locator(".messages").inner_text()
    assert articles_titled(demo_server, title) == [True], "not one live article"


def test_no_autosave_starts_once_the_publish_is_sent(editor, demo_server):
    """Wagtail notices an edit about a second after it is made and autosaves then, even when
    the form has been sent meanwhile: made just before the click, that save could create the
    page while the publish was on its way, and the publish was refused. Here the publish is held
    before the server, an edit follows: no autosave is sent, and the publish then publishes."""
    page = editor
    title = f"Phường tổ chức ngày hội đọc sách {int(time.time())}"
    autosaves, publishes = [], []

    def hold_publish(route, request):
        if request.method != "POST":
            route.fallback()
        elif "json" in request.headers.get("accept", ""):
            autosaves.append(request.url)
            route.fallback()
        else:
            publishes.append(route)  # not yet sent to the server

    open_new_article(page, demo_server)
    page.locator("#id_title").fill(title)  # before Wagtail takes the form's first state
    page.locator("#id_lead").fill("Thư viện phường mở cửa cả ngày Chủ nhật.")
    page.wait_for_timeout(2500)
    page.route("**/admin/pages/**", hold_publish)
    try:
        open_more_actions(page)
        # An edit 0.3 s after the click, by the page itself: while the next page is loading,
        # Playwright waits for it before anything it does in the page, evaluate included.
        page.evaluate(
            "() => setTimeout(() => {"
            " document.getElementById('id_lead').value += ' Và ngày lễ.'; }, 300)"
        )
        page.evaluate("() => document.querySelector('footer button[name=action-publish]').click()")
        assert wait_until(page, lambda: publishes, seconds=5), "the publish was not sent"
        page.wait_for_timeout(3000)  # Wagtail's check, its notice and the autosave's own wait
        assert autosaves == []
    finally:
        for route in publishes:
            route.continue_()
    page.locator(".messages").wait_for()
    assert "xuất bản" in page.locator(".messages").inner_text()
    assert articles_titled(demo_server, title) == [True], "not one live article"


def test_task_4_translate_an_article_into_english(editor, demo_server, article):
    page, steps = editor, Steps(editor, "task4")
    stamp = int(time.time())
    made = article(f"Họp tổ dân phố số 3 {stamp}")
    english_title = f"Residential group 3 meets {stamp}"
    page.goto(f"{demo_server['district']}/admin/pages/{made['id']}/edit/")
    page.locator("#id_title").wait_for()
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    steps.shot("menu-dich")
    page.get_by_role("link", name="Dịch trang này").click()
    page.get_by_label("English").check()
    steps.shot("chon-ngon-ngu")
    page.locator("main form [type=submit]").last.click()

    page.get_by_role("button", name="Dịch", exact=True).first.wait_for()
    steps.shot("trinh-dich")
    page.get_by_role("button", name="Dịch", exact=True).first.click()
    page.locator("textarea").first.fill(english_title)
    page.get_by_role("button", name="Lưu", exact=True).first.click()
    page.get_by_text(english_title).first.wait_for()
    steps.shot("da-dich-tieu-de")
    page.get_by_role("button", name=re.compile("Xuất bản bằng")).first.click()
    page.locator(".messages").wait_for()
    steps.shot("da-xuat-ban")

    output = demo_server["manage"]("shell", "-c", ENGLISH_URL.format(page_id=made["id"]))
    status, html = fetch(public(demo_server, output.strip().splitlines()[-1]))
    assert status == 200
    assert english_title in html
    assert '<html lang="en"' in html


def test_task_5_unpublish_an_article(editor, demo_server, article):
    page, steps = editor, Steps(editor, "task5")
    title = f"Thông báo lịch tiếp dân {int(time.time())}"
    made = article(title)
    public_url = public(demo_server, made["url"])
    host = "ward" if "lacvien" in made["url"] else "district"
    assert fetch(public_url)[0] == 200
    assert title in latest_items(demo_server, host)

    page.goto(f"{demo_server['district']}/admin/pages/{made['index']}/")
    page.get_by_role("link", name=title).first.wait_for()
    steps.shot("danh-sach-tin")
    page.get_by_role("link", name=title).first.click()
    page.locator("#id_title").wait_for()
    open_more_actions(page)
    steps.shot("thao-tac-khac")
    page.locator("footer a[href$='/unpublish/']").click()
    page.get_by_role("button", name=re.compile("Có, ngừng xuất bản")).wait_for()
    steps.shot("xac-nhan")
    page.get_by_role("button", name=re.compile("Có, ngừng xuất bản")).click()
    page.locator(".messages").wait_for()
    assert "ngừng xuất bản" in page.locator(".messages").inner_text().lower()
    steps.shot("da-ngung-xuat-ban")

    assert fetch(public_url)[0] == 404
    assert title not in latest_items(demo_server, host)


def test_task_3_poll_from_the_preset_in_the_side_column(editor, demo_server):
    page, steps = editor, Steps(editor, "task3")
    page.goto(demo_server["district"] + "/admin/snippets/")
    steps.shot("noi-dung-dung-chung")
    page.get_by_role("link", name=re.compile("Thăm dò ý kiến")).first.click()
    page.get_by_role("link", name=re.compile("mẫu", re.I)).first.click()
    page.get_by_text(re.compile("Thời gian giải quyết hồ sơ")).first.wait_for()
    steps.shot("chon-mau")
    page.get_by_label(re.compile("Thời gian giải quyết hồ sơ")).check()
    page.locator("main form [type=submit]").last.click()
    page.locator(".messages").wait_for()
    steps.shot("da-tao-tham-do")
    poll_id = re.search(r"/edit/(\d+)/", page.url).group(1)

    # The ward's settings open on the ward once the editor works in its pages.
    page.goto(demo_server["district"] + "/admin/pages/")
    page.get_by_role("link", name="Trang thông tin điện tử phường Lạc Viên", exact=True).click()
    page.locator("#id_title").wait_for()
    page.get_by_role("button", name="Cài đặt", exact=True).first.click()
    steps.shot("menu-cai-dat")
    page.get_by_role("link", name="Website phường", exact=True).click()
    page.locator("#id_side_poll").wait_for(state="attached")
    assert "Lạc Viên" in page.locator("main").inner_text()
    chooser = page.locator("#id_side_poll-chooser")
    chooser.scroll_into_view_if_needed()
    steps.shot("cai-dat-website")
    if "blank" in (chooser.get_attribute("class") or ""):
        chooser.locator(".unchosen [data-chooser-action-choose]").click()
    else:  # another poll is there: "Chọn thăm dò ý kiến khác" in the field's menu
        chooser.locator("[data-w-dropdown-target=toggle]").click()
        chooser.locator(".chosen [data-chooser-action-choose]").click()
    page.locator(f"a[data-chooser-modal-choice][href$='/{poll_id}/']").click()
    page.locator(".modal").wait_for(state="hidden")
    steps.shot("da-chon-tham-do")
    page.locator("footer button[type=submit]").first.click()
    page.locator(".messages").wait_for()
    steps.shot("da-luu")

    status, html = fetch(demo_server["ward"] + "/")
    assert status == 200
    assert f"/polls/{poll_id}/vote/" in html, "the new poll is not in the ward's side column"


def header_action(page, name):
    """An action of the page's header menu (the arrow beside the title): translate, import ..."""
    page.locator("header [data-w-dropdown-target=toggle]").first.click()
    page.locator("header a, header button").filter(has_text=name).first.click()


def test_task_2_schedule_from_the_template_fixed_published_copied(editor, demo_server, tmp_path):
    page, steps = editor, Steps(editor, "task2")
    index_id = demo_server["manage"]("shell", "-c", SCHEDULE_INDEX).strip().splitlines()[-1]
    # A list of schedules takes weekly schedules only: the form opens on the first free week.
    page.goto(f"{demo_server['district']}/admin/pages/{index_id}/add_subpage/")
    page.locator("#id_start_date").wait_for()
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", page.locator("#id_start_date").input_value())
    if not page.locator("#id_title").input_value():
        page.locator("#id_title").fill("Lịch công tác tuần")
    steps.shot("tao-lich-tuan")
    page.locator("footer button[type=submit]").first.click()  # "Lưu bản nháp"
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    page_id = re.search(r"/pages/(\d+)/edit/", page.url).group(1)

    header_action(page, "Nhập từ bảng tính")
    page.wait_for_url(f"**/admin/schedule/{page_id}/import/")
    steps.shot("man-hinh-nhap")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải về tệp mẫu (.xlsx)").click()
    template = tmp_path / "lich-cong-tac-mau.xlsx"
    download.value.save_as(template)

    # The clerk fills the template and mistypes a time: "25h" is no hour of the day.
    workbook = load_workbook(template)
    sheet = workbook.active
    headers = [cell.value for cell in sheet[5]]
    time_column = headers.index("Thời gian") + 1
    sheet.cell(row=6, column=headers.index("Nội dung") + 1, value="Giao ban đầu tuần")
    sheet.cell(row=8, column=time_column, value="25h")
    workbook.save(template)
    page.set_input_files("#id_file", str(template))
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.click("#ward-import-read")
    assert answer.value.status == 400
    page.locator("#ward-import-errors").wait_for()
    errors = page.locator(".ward-import-errors li")
    assert errors.count() == 1
    assert "8" in errors.first.inner_text()  # the row the clerk has to fix
    page.locator("#ward-import-errors").scroll_into_view_if_needed()
    steps.shot("dong-bi-tu-choi")

    sheet.cell(row=8, column=time_column, value="8h")
    workbook.save(template)
    page.set_input_files("#id_file", str(template))
    page.click("#ward-import-read")
    page.locator("#ward-import-confirm").wait_for()
    contents = page.locator(".ward-import-row .ward-import-row__content").all_inner_texts()
    assert "Giao ban đầu tuần" in contents
    assert page.locator(".ward-import-row").count() == 3
    steps.shot("xem-lai")
    page.click("#ward-import-submit")
    page.wait_for_url(f"**/admin/pages/{page_id}/edit/")

    publish(page)
    page.locator(".messages").wait_for()
    assert "xuất bản" in page.locator(".messages").inner_text()
    steps.shot("da-xuat-ban")
    live = demo_server["manage"]("shell", "-c", LIVE_ENTRIES.format(page_id=page_id))
    assert "Giao ban đầu tuần" in json.loads(live.strip().splitlines()[-1])

    page.goto(f"{demo_server['district']}/admin/pages/{page_id}/edit/")
    header_action(page, "Sao chép sang tuần sau")
    page.locator(".messages").wait_for()
    assert "tuần sau" in page.locator(".messages").inner_text()
    copy_id = re.search(r"/pages/(\d+)/edit/", page.url).group(1)
    assert copy_id != page_id
    steps.shot("sao-chep-tuan-sau")
