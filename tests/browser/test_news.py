"""The news pages of the demo ward in a real browser: axe-core finds no violation on the list,
a category, an article and its print view, at desktop and phone widths, whether the page is
rendered afresh or served with its cached fragments; the article fits a phone."""

import pytest

pytestmark = pytest.mark.browser

ARTICLE = "/tin-tuc/dao-tao-du-nguon-chuc-danh-chu-chot/"
PATHS = ["/tin-tuc/", "/tin-tuc/category/hanh-chinh-cong/", ARTICLE, ARTICLE + "print/"]


@pytest.mark.parametrize("width", [1280, 390])
def test_news_pages_have_no_accessibility_violations(page, demo_server, width, axe_violations):
    page.set_viewport_size({"width": width, "height": 900})
    for path in PATHS:
        for _reader in ("first", "second"):  # the second is served with the cached fragments
            response = page.goto(demo_server["ward"] + path)
            assert response.status == 200, path
            assert axe_violations(page) == [], path


def test_article_as_a_reader_sees_it(page, demo_server):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(demo_server["ward"] + ARTICLE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator(".ward-article__category").inner_text().upper() == "HÀNH CHÍNH CÔNG"
    actions = page.locator(".ward-article__actions a").all_inner_texts()
    # The share row follows "In tin bài · Email tin bài"; screen readers hear it opens a window.
    assert [text.split("\n")[0] for text in actions] == [
        "In tin bài",
        "Email tin bài",
        "Chia sẻ Facebook",
        "Chia sẻ Zalo",
    ]
    assert page.locator(".ward-other-news li").count() >= 1
    assert page.locator(".ward-latest li").count() >= 1
    page.locator(".ward-article__actions a", has_text="In tin bài").click()
    assert page.url.endswith("print/")
    assert not page.locator("nav.ward-nav").count()
