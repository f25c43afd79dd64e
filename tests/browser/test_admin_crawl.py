"""The admin's screens in a browser: no English on any of them.

The crawl signs in to the demo as an editor whose language is Vietnamese, visits every screen
the editor's tasks touch plus the menus, listings, choosers and settings (``admin_screens.py``),
opens every submenu of the sidebar, uploads the schedule template to reach the import's
preview, and reads the visible text and the placeholders of each screen. It then reads a screen
of each kind, the menus and the login as an editor who has chosen no language (the server's
``LANGUAGE_CODE``, Vietnamese).

A word is English when it is a word of the installed Wagtail's and wagtail-localize's English
messages (or of the package's own) and never a word of their Vietnamese translations (so
"email", "video" or "in" count as Vietnamese), minus a short list of names. Words inside
addresses and file names are not read, nor the text editors wrote (titles, names, the demo's
English pages: ``admin_screens.py`` lists it), nor text only a screen reader hears.
"""

import json
import re
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize

import wagtail_ward
from wagtail_ward.schedule.importing.template import template_workbook

SCREENS_SCRIPT = (Path(__file__).parent / "admin_screens.py").read_text()
PASSWORD = "crawl-2026-ward"  # noqa: S105 (a throwaway user of the test's own demo)

# Names an editor sees as they are ("English" is the name of the language in LANGUAGES).
NAMES = {
    "english", "wagtail", "wagtail-localize", "localize", "url", "urls", "html", "csv", "pdf",
    "id", "seo", "api", "json", "xlsx", "po", "pot", "svg", "png", "jpeg", "jpg", "gif", "webp",
    "rss", "atom", "ical", "http", "https", "www", "utc", "ict", "gmt", "tiff", "avif", "heic",
    "ok", "iframe", "oembed", "youtube", "vimeo",
}  # fmt: skip
ADDRESS_OR_FILE = re.compile(r"\S*(?:/|://|\.[a-z0-9]{2,4}\b)\S*", re.I)
WORD = re.compile(r"[A-Za-zÀ-ỹĐđ]+(?:-[A-Za-zÀ-ỹĐđ]+)*")
PLAIN = re.compile(r"^[A-Za-z]+(?:-[A-Za-z]+)*$")


def _catalogues(kind):
    roots = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]
    pattern = f"locale/{kind}/LC_MESSAGES/*.po"
    found = [path for root in roots for path in root.rglob(pattern)]
    if kind == "vi":
        package = Path(wagtail_ward.__file__).parent
        found += [
            package / "locale/vi/LC_MESSAGES/django.po",
            *package.glob("admin_locale/vi/*.po"),
        ]
    return found


def _words(texts):
    return {
        word.lower()
        for text in texts
        for word in WORD.findall(re.sub(r"%\(\w+\)\w|\{\w*\}", " ", text))
    }


@pytest.fixture(scope="module")
def english_words(demo_admin):
    english, vietnamese = [], []
    for path in _catalogues("en") + [
        Path(wagtail_ward.__file__).parent / "locale/vi/LC_MESSAGES/django.po"
    ]:
        for entry in polib.pofile(str(path)):
            english += [entry.msgid, entry.msgid_plural or ""]
    for path in _catalogues("vi"):
        for entry in polib.pofile(str(path)):
            vietnamese += [entry.msgstr, *entry.msgstr_plural.values()]
    return (
        {w for w in _words(english) if PLAIN.match(w) and len(w) > 1} - _words(vietnamese) - NAMES
    )


@pytest.fixture(scope="module")
def english_in(demo_admin, english_words):
    """``english_in(text)``: the English words of ``text``, leaving out what editors wrote."""
    content = sorted({c.strip() for c in demo_admin["content"] if len(c.strip()) > 2}, key=len)

    def find(text):
        for written in reversed(content):  # the longest first
            text = text.replace(written, " ")
        text = ADDRESS_OR_FILE.sub(" ", text)
        return sorted({w for w in WORD.findall(text) if w.lower() in english_words})

    return find


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A clerk's browser: Vietnamese (dates that the admin's scripts format follow it)."""
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture(scope="module")
def demo_admin(demo_server):
    output = demo_server["manage"]("shell", "-c", SCREENS_SCRIPT)
    return json.loads(output.strip().splitlines()[-1])  # after the shell's own notes


@pytest.fixture(scope="module")
def screens(demo_admin):
    return demo_admin["screens"]


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _import_preview(page, base, path):
    """The schedule import's preview: the template uploaded on the import screen (nothing is
    written until "Import", which the crawl does not press)."""
    page.goto(base + path)
    page.set_input_files(
        "#id_file",
        {"name": "lich-cong-tac-mau.xlsx", "mimeType": XLSX, "buffer": template_workbook()},
    )
    page.click("#ward-import-read")
    page.locator("#ward-import-confirm").wait_for()
    page.wait_for_load_state("networkidle")
    return page.evaluate(VISIBLE_TEXT)


def _make_editor(demo_server, username, language):
    demo_server["manage"](
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model\n"
        "from wagtail.users.models import UserProfile\n"
        f"user, _ = get_user_model().objects.get_or_create(username={username!r})\n"
        "user.is_superuser = user.is_staff = True\n"
        f"user.set_password({PASSWORD!r})\n"
        "user.save()\n"
        "profile = UserProfile.get_for_user(user)\n"
        f"profile.preferred_language = {language!r}\n"
        "profile.save()\n",
    )


# The text a sighted editor sees: text nodes of shown elements, the chosen option of a list
# (not all its options), and the placeholders of shown fields.
VISIBLE_TEXT = """() => {
    const shown = (el) => el.getClientRects().length > 0
        && getComputedStyle(el).visibility !== 'hidden'
        && !el.closest('script, style, template, noscript, .w-sr-only, .visuallyhidden');
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        const option = el && el.closest('option');
        if (!el || !shown(option ? option.parentElement : el)) continue;
        if (option && !option.selected) continue;
        parts.push(node.textContent);
    }
    for (const el of document.querySelectorAll('[placeholder]')) {
        if (shown(el)) parts.push(el.placeholder);
    }
    return parts.join('\\n');
}"""


MODAL_TO_PAGE = """() => {
    document.body.innerHTML = JSON.parse(document.body.innerText).html;
}"""


def _open_every_submenu(page):
    toggles = page.locator(
        "nav .sidebar-menu-item__link[aria-haspopup=menu], nav button[aria-expanded=false]"
    )
    for index in range(toggles.count()):
        toggle = toggles.nth(index)
        if toggle.is_visible():
            toggle.click()
            text = page.evaluate(VISIBLE_TEXT)
            yield text
            page.keyboard.press("Escape")


# The editor who has chosen no language reaches Vietnamese through the server's LANGUAGE_CODE,
# the same way on every screen (the locale middleware and the JavaScript catalogue): a screen
# of each kind is read for them (server-rendered forms, a chooser, a listing, screens drawn by
# the admin's scripts, the menus and the login), every screen for the one who chose Vietnamese.
DEFAULT_LANGUAGE_SAMPLE = {
    "dashboard",
    "explorer: news",
    "edit a news article",
    "edit a weekly schedule",
    "page chooser",
    "image chooser",
    "ward settings",
    "Decree 42 compliance: the ward",
}


@pytest.mark.parametrize(
    ("username", "language"), [("bien-tap-vi", "vi"), ("bien-tap-mac-dinh", "")]
)
def test_no_english_on_the_admin_screens(
    page,
    keep_failure,
    demo_server,
    admin_login,
    demo_admin,
    screens,
    english_in,
    username,
    language,
):
    _make_editor(demo_server, username, language)
    base = demo_server["district"]
    admin_login(page, base, username, PASSWORD)
    found = {}
    if not language:
        screens = [(name, path) for name, path in screens if name in DEFAULT_LANGUAGE_SAMPLE]
        assert len(screens) == len(DEFAULT_LANGUAGE_SAMPLE)
    for name, path in screens:
        response = page.goto(base + path)
        assert response.status < 400, f"{name}: {path} answered {response.status}"
        page.wait_for_load_state("networkidle")
        if "/choose" in path:  # a chooser answers with the modal's HTML inside JSON
            page.evaluate(MODAL_TO_PAGE)
        words = english_in(page.evaluate(VISIBLE_TEXT))
        if words:
            found[f"{name} ({path})"] = words
    words = english_in(_import_preview(page, base, demo_admin["import"])) if language else []
    if words:
        found["schedule import: the preview"] = words
    page.goto(base + "/admin/")
    for text in _open_every_submenu(page):
        words = english_in(text)
        if words:
            found.setdefault("menus", []).extend(
                w for w in words if w not in found.get("menus", [])
            )
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    words = english_in(page.evaluate(VISIBLE_TEXT))
    if words:
        found["login"] = words
    report = "\n".join(f"  {screen}: {' '.join(words)}" for screen, words in found.items())
    assert not found, (
        f"English on the admin screens of {username} ({language or 'default'}):\n{report}"
    )
