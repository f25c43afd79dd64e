"""The reference page side by side with the demo's Lạc Viên article.

The reference is the Lạc Viên ward's article page of 2016 ("Đào tạo dự nguồn chức danh chủ chốt
xã, phường, thị trấn"). ``check_reference_page(html)`` walks its elements, in its order, on our
page: each must be there, with what the reference shows in it, and the elements follow one
another in the document in the reference's order. docs/portal.md has the same mapping as a
table. ``tests/test_demo.py`` runs it on the loaded demo.

The one deliberate difference: the reference's left column (the poll and the visitor counter)
came before the article in its source; ours is the side column after the main column (the
content first for screen readers and phones). The side boxes are checked in their own order.
"""

import re

from bs4 import BeautifulSoup

HOST = "lacvien.localhost:8000"
ARTICLE_URL = "/tin-tuc/dao-tao-du-nguon-chuc-danh-chu-chot/"
TITLE = "Đào tạo dự nguồn chức danh chủ chốt xã, phường, thị trấn"
DATE = re.compile(r"^\d{2}/\d{2}/\d{4}$")
WEEKDAY_DATE = re.compile(r"^(Thứ (hai|ba|tư|năm|sáu|bảy)|Chủ nhật), \d{2}/\d{2}/\d{4}$")
POLL_CHOICES = ["Trước hạn", "Đúng hạn", "Trễ hẹn một ít", "Quá trễ hẹn"]


def _text(node):
    return node.get_text(" ", strip=True)


def _items(node):
    return [_text(li) for li in node.select("li")]


# (the reference's element as it reads there, the selector on our page, what must be in it),
# in the reference page's order from its top to its footer.
PAGE = [
    ("Thứ ba, 09/02/2016 (the date line)", ".ward-header .ward-date", WEEKDAY_DATE.match),
    ("the unit's name (the banner)", ".ward-header .ward-unit-name", lambda t: "Lạc Viên" in t),
    ("the parent unit (the banner)", ".ward-header .ward-parent-unit", lambda t: "NGÔ QUYỀN" in t),
    ("TRANG CHỦ", ".ward-nav .ward-nav__item--home", lambda t: t == "Trang chủ"),
    ("SƠ ĐỒ SITE", ".ward-nav .ward-nav__item--sitemap", lambda t: t == "Sơ đồ site"),
    ("WEBSITE QUẬN", ".ward-nav .ward-nav__item--parent_unit", lambda t: t == "Website quận"),
    (
        "Trang: HÀNH CHÍNH CÔNG",
        "main .ward-article__section",
        lambda t: t.casefold() == "trang: hành chính công",
    ),
    (
        "In tin bài    Email tin bài",
        "main .ward-article__actions",
        lambda t: "In tin bài" in t and "Email tin bài" in t,
    ),
    ("the article's title", "main h1.ward-title", lambda t: t == TITLE),
    ("the article's date", "main .ward-article__date", DATE.match),
    ("the article's text", "main .ward-body", lambda t: "150" in t and len(t) > 500),
    ("(Theo HPĐT)", "main .ward-article__source", lambda t: t.replace(" )", ")") == "(Theo HPĐT)"),
    ("CÁC TIN KHÁC", "main .ward-other-news h2", lambda t: t.casefold() == "các tin khác"),
    ("Quay trở lại", "main .ward-back", lambda t: t == "Quay trở lại"),
    ("TIN MỚI", ".ward-side .ward-latest h2", lambda t: t.casefold() == "tin mới"),
    ("Ủy Ban Nhân Dân quận Ngô Quyền (footer)", "footer.ward-footer", lambda t: "NGÔ QUYỀN" in t),
]

# The reference's left column, in its order.
SIDE = [
    ("THĂM DÒ Ý KIẾN", ".ward-side .ward-poll h2", lambda t: t.casefold() == "thăm dò ý kiến"),
    ("Số người truy cập", ".ward-side .ward-visitors h2", lambda t: t == "Số người truy cập"),
]


def _walk(page, elements, positions):
    """The document positions of ``elements``, each found and showing what it must."""
    found = []
    for label, selector, expected in elements:
        node = page.select_one(selector)
        assert node is not None, f"{label}: nothing matches {selector}"
        assert expected(_text(node)), f"{label}: {selector} reads {_text(node)!r}"
        found.append((positions[id(node)], label))
    order = [label for _position, label in sorted(found)]
    assert order == [label for label, _selector, _expected in elements], order
    return found


def check_reference_page(html):
    """Assert that every element of the reference page is on the article page ``html``, in the
    reference's order; returns the number of elements checked."""
    page = BeautifulSoup(html, "html.parser")
    positions = {id(node): n for n, node in enumerate(page.find_all(True))}
    walked = _walk(page, PAGE, positions) + _walk(page, SIDE, positions)

    # Its lists: seven "Các tin khác", the back link after them, "Tin mới" with its items, the
    # poll's question and its four answers in the reference's order.
    other_news = page.select_one("main .ward-other-news")
    assert len(_items(other_news)) == 7, _items(other_news)
    assert page.select_one(".ward-side .ward-latest li") is not None, "“Tin mới” lists nothing"
    poll = _text(page.select_one(".ward-side .ward-poll"))
    assert "Hồ sơ của quý vị được giải quyết tại phường Lạc Viên:" in poll
    choices = [poll.index(choice) for choice in POLL_CHOICES]
    assert choices == sorted(choices), poll
    # The count itself comes from the visit report of the page's script (visits.js).
    counter = page.select_one(".ward-side .ward-visitors[data-ward-visitors] data")
    assert counter is not None and page.select_one("script[data-ward-visits]") is not None
    # The print and e-mail links are links, and the section line names the section.
    actions = [a.get_text(strip=True) for a in page.select("main .ward-article__actions a")]
    assert actions[:2] == ["In tin bài", "Email tin bài"], actions
    return len(walked)
