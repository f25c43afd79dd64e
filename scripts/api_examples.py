"""Write the example answers of docs/api/*.md from a loaded demo: they are never typed by hand.

Asks the demo's API in-process (Django's test client, nothing is served) for every ward page
type and endpoint, in Vietnamese and in English, and writes one page per family. Nothing is
written to the database: the only POST (a vote with an answer the poll does not have) is refused.

    cd example_site
    DATABASE_URL=sqlite:///demo.sqlite3 ../.venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:///demo.sqlite3 ../.venv/bin/python manage.py load_ward_demo
    DATABASE_URL=sqlite:///demo.sqlite3 ../.venv/bin/python ../scripts/api_examples.py

Lists are cut to their first items and long texts to their first characters, saying so; the
answers are otherwise as the API gives them. tests/api/test_api_examples.py checks every example
against the OpenAPI document.
"""

import argparse
import json
import os
import sys
from pathlib import Path

import django
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "api"
HOST = "lacvien.localhost:8000"
MAX_ITEMS = 2
MAX_TEXT = 400
GENERATED = (
    "<!-- Written by scripts/api_examples.py from the demo (`load_ward_demo`): do not edit by "
    "hand, run the script again. -->"
)


def shorten(value):
    """``value`` with lists cut to ``MAX_ITEMS`` items and texts to ``MAX_TEXT`` characters."""
    if isinstance(value, dict):
        return {key: shorten(item) for key, item in value.items()}
    if isinstance(value, list):
        kept = [shorten(item) for item in value[:MAX_ITEMS]]
        if len(value) > MAX_ITEMS:
            kept.append(f"… {len(value) - MAX_ITEMS} more")
        return kept
    if isinstance(value, str) and len(value) > MAX_TEXT:
        return value[:MAX_TEXT] + " …"
    return value


class Demo:
    """The demo's API, asked in-process."""

    def __init__(self, host):
        self.client = Client(HTTP_HOST=host)
        self.host = host

    def get(self, url, status=200):
        response = self.client.get(url)
        if response.status_code != status:
            raise SystemExit(f"{url}: {response.status_code} {response.content[:300]!r}")
        return response.json()

    def first_id(self, url):
        items = self.get(url)["items"]
        if not items:
            raise SystemExit(f"{url}: nothing in the demo")
        return items[0]["id"]


def example(lines, title, method, url, data, status=200):
    lines += [
        f"### {title}",
        "",
        "```text",
        f"{method} {url}" + (f"  →  {status}" if status != 200 else ""),
        "```",
        "",
        "```json",
        json.dumps(shorten(data), ensure_ascii=False, indent=2),
        "```",
        "",
    ]


def page_type_examples(demo, lines, label, lang):
    url = f"/api/v2/pages/?type={label}&fields=*&locale={lang}&limit=1"
    example(lines, f"`{label}` with every field ({lang})", "GET", url, demo.get(url))


def family(demo, endpoint, types, extra=()):
    """A family's page: its endpoint's listing and detail, and each page type with every field."""
    lines = []
    for lang in ("vi", "en"):
        listing = f"/api/v2/{endpoint}/?locale={lang}&limit={MAX_ITEMS}"
        example(lines, f"Listing ({lang})", "GET", listing, demo.get(listing))
        detail = f"/api/v2/{endpoint}/{demo.first_id(listing)}/"
        example(lines, f"Detail ({lang})", "GET", detail, demo.get(detail))
        for label in types:
            page_type_examples(demo, lines, label, lang)
        for title, url in extra:
            url = url.format(lang=lang)
            example(lines, f"{title} ({lang})", "GET", url, demo.get(url))
    return lines


def polls(demo):
    lines = []
    side = demo.get("/api/ward/site-info/")["side_poll"]
    if side is None:
        raise SystemExit("The demo has no side-column poll.")
    for lang in ("vi", "en"):
        url = f"/api/ward/polls/{side['id']}/?locale={lang}"
        example(lines, f"A poll ({lang})", "GET", url, demo.get(url))
        url = f"/api/ward/polls/{side['id']}/results/?locale={lang}"
        example(lines, f"Its results ({lang})", "GET", url, demo.get(url))
    vote = f"/api/ward/polls/{side['id']}/vote/?locale=en"
    refused = demo.client.post(
        vote,
        data=json.dumps({"choice": "no-such-answer"}),
        content_type="application/json",
        headers={"X-Ward-Voter": "example-voter-token-0123456789abcdef"},
    )
    example(lines, "A vote refused (en)", "POST", vote, refused.json(), refused.status_code)
    return lines


def site_info(demo):
    lines = []
    for lang in ("vi", "en"):
        url = f"/api/ward/site-info/?locale={lang}"
        example(lines, f"Site info ({lang})", "GET", url, demo.get(url))
        url = f"/api/ward/latest/?locale={lang}&limit=3"
        example(lines, f"Latest items ({lang})", "GET", url, demo.get(url))
        url = f"/api/ward/sitemap/?locale={lang}"
        example(lines, f"Site map tree ({lang})", "GET", url, demo.get(url))
    return lines


PAGES = {
    "news": (
        "News",
        "Articles (`NewsPage`) and news indexes (`NewsIndexPage`): `/api/v2/news/`.",
        lambda demo: family(
            demo,
            "news",
            ["wagtail_ward_news.NewsPage", "wagtail_ward_news.NewsIndexPage"],
        ),
    ),
    "schedules": (
        "Schedules",
        "Weekly schedules (`WeeklySchedulePage`) and their index: `/api/v2/schedules/`, with "
        "the schedule covering a day and the entries of a date range.",
        lambda demo: family(
            demo,
            "schedules",
            ["wagtail_ward_schedule.WeeklySchedulePage", "wagtail_ward_schedule.ScheduleIndexPage"],
            [
                ("The schedule covering today", "/api/v2/schedules/covering/?locale={lang}"),
                ("Entries of a week", "/api/v2/schedules/entries/?locale={lang}"),
            ],
        ),
    ),
    "procedures": (
        "Procedures",
        "Administrative procedures (`ProcedurePage`) and their index: `/api/v2/procedures/`, "
        "with the counts per sector, level and online level (`facets/`).",
        lambda demo: family(
            demo,
            "procedures",
            ["wagtail_ward_procedures.ProcedurePage", "wagtail_ward_procedures.ProcedureIndexPage"],
            [("Facets", "/api/v2/procedures/facets/?locale={lang}")],
        ),
    ),
    "training": (
        "Training",
        "Training programmes (`TrainingProgrammePage`) and their index: `/api/v2/training/`.",
        lambda demo: family(
            demo,
            "training",
            [
                "wagtail_ward_training.TrainingProgrammePage",
                "wagtail_ward_training.TrainingIndexPage",
            ],
        ),
    ),
    "core-pages": (
        "Core pages",
        "The page types every ward site has: the home page, content pages, the organisation "
        "page and the citizens' questions page, through `/api/v2/pages/?type=`.",
        None,  # filled in main(): every page type of the core app the demo has
    ),
    "polls": (
        "Polls",
        "A poll (`/api/ward/polls/<id>/`, in the language of `?locale=`), its results alone "
        "(`results/`) and a refused vote.",
        polls,
    ),
    "site-info": (
        "Site info",
        "`/api/ward/site-info/`: the header and footer data, the organisation and the "
        "side-column poll; `/api/ward/latest/`, the latest items of every family, and "
        "`/api/ward/sitemap/`, the site map tree.",
        site_info,
    ),
}


def core_pages(demo):
    lines = []
    document = demo.get("/api/ward/openapi.json")
    labels = [label for label in document["x-page-types"] if label.startswith("wagtail_ward.")]
    for label in labels:
        url = f"/api/v2/pages/?type={label}&locale=vi&limit=1"
        if demo.get(url)["items"]:
            for lang in ("vi", "en"):
                page_type_examples(demo, lines, label, lang)
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=HOST, help="the demo ward's host name (and port)")
    parser.add_argument("--output", default=OUTPUT, type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "example_site"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "district_site.settings.dev")
    django.setup()
    demo = Demo(args.host)
    for name, (title, intro, build) in PAGES.items():
        lines = (build or core_pages)(demo)
        text = "\n".join(
            [
                GENERATED,
                f"# API examples: {title}",
                "",
                intro,
                "",
                f"Real answers of the [demo](../demo.md) (host `{args.host}`), in Vietnamese "
                f"and in English. Lists are cut to their first {MAX_ITEMS} items and texts to "
                f"their first {MAX_TEXT} characters (marked “…”). The fields are described in the "
                "[API reference](reference.md) and the [API](../api.md) page.",
                "",
                *lines,
            ]
        )
        path = args.output / f"examples-{name}.md"
        path.write_text(text.rstrip() + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT)}: {len(lines)} lines")


if __name__ == "__main__":
    main()
