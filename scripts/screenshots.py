"""Screenshots of every public page type of the demo, at 1280 and 390 pixels, in vi and en.

One command, used for the pictures of docs/portal.md (docs/img/screenshots/)::

    cd example_site && ../.venv/bin/python manage.py runserver 127.0.0.1:8000 &
    .venv/bin/python scripts/screenshots.py --base http://lacvien.localhost:8000

Writes JPEG pictures (small enough for the repository). Playwright drives the system
Chromium (``--chromium``, default /usr/bin/chromium); nothing is
downloaded. Each page type is found from the demo's own links, so the script follows the demo.
"""

import argparse
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
# Routes of an index page that are not a page type of their own.
SKIP = r"(?!rss/|atom/|ical/|category/|archive/|print/)"
OUTPUT = Path(__file__).resolve().parent.parent / "docs" / "img" / "screenshots"


def _first_link(tab, base, path, pattern):
    """The first link of ``base + path`` whose address matches ``pattern``."""
    tab.goto(base + path)
    html = tab.content()
    match = re.search(r'href="(' + pattern + ')"', html)
    return match.group(1) if match else None


def page_types(tab, base):
    """{name: path} of every public page type, for one language (``""`` or ``"/en"``)."""
    pages = {}
    for prefix in ("", "/en"):
        home = prefix + "/"
        found = {
            "home": home,
            "news-index": _first_link(tab, base, home, re.escape(prefix) + r"/(?:tin-tuc|news)/"),
            "schedule-index": _first_link(
                tab, base, home, re.escape(prefix) + r"/(?:lich-cong-tac|work-schedule)/"
            ),
            "sitemap": _first_link(
                tab, base, home, re.escape(prefix) + r"/(?:so-do-site|site-map)/"
            ),
            "content": _first_link(tab, base, home, re.escape(prefix) + r"/(?:gioi-thieu|about)/"),
            "organisation": _first_link(
                tab, base, home, re.escape(prefix) + r"/(?:co-cau-to-chuc|organisation)/"
            ),
            "questions": _first_link(
                tab, base, home, re.escape(prefix) + r"/(?:hoi-dap|questions-and-answers)/"
            ),
            "procedures-index": _first_link(
                tab,
                base,
                home,
                re.escape(prefix) + r"/(?:thu-tuc-hanh-chinh|administrative-procedures)/",
            ),
            "training-index": _first_link(
                tab, base, home, re.escape(prefix) + r"/(?:dao-tao|training)/"
            ),
            "search": f"/search/?q={'birth' if prefix else 'khai+sinh'}&locale="
            + ("en" if prefix else "vi"),
        }
        # One page of each family below its index: a procedure, a training programme.
        for index, item in (("procedures-index", "procedure"), ("training-index", "training")):
            if found[index]:
                found[item] = _first_link(
                    tab, base, found[index], re.escape(found[index]) + SKIP + r"[a-z0-9-]+/"
                )
        if found["news-index"]:
            found["article"] = _first_link(
                tab,
                base,
                found["news-index"],
                re.escape(found["news-index"]) + SKIP + r"[a-z0-9-]+/",
            )
            if found["article"]:
                found["article-print"] = found["article"] + "print/"
        if found["schedule-index"]:
            found["schedule"] = _first_link(
                tab,
                base,
                found["schedule-index"],
                re.escape(found["schedule-index"]) + SKIP + r"[a-z0-9-]+/",
            )
        language = "en" if prefix else "vi"
        pages.update({f"{name}-{language}": path for name, path in found.items() if path})
    return pages


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://lacvien.localhost:8000")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu"]
        )
        pages = page_types(browser.new_page(), args.base)
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            tab = context.new_page()
            for name, path in pages.items():
                tab.goto(args.base + path, wait_until="networkidle")
                target = args.output / f"{name}-{width_name}.jpg"
                tab.screenshot(path=str(target), type="jpeg", quality=80)
                print(target.relative_to(args.output.parent.parent.parent))
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
