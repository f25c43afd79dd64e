"""Write ``bench/results.md`` from the benchmarks' results (``bench/results/<name>.json``).

``python -m bench`` writes it after the benchmarks it ran; ``python -m bench.report`` writes it
from the results already there. Each row is a figure a benchmark measured against its baseline
in the same run, with the target it is held to (from the issues that asked for it) and whether
the figure meets it. A benchmark that has not been run is listed as such, never guessed.
"""

import datetime
import json
import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

HERE = Path(__file__).parent
RESULTS = HERE / "results"
REPORT = HERE / "results.md"

AT_LEAST, AT_MOST, EQUALS = "≥", "≤", "="

# benchmark: [(what is measured, key in its JSON, how it is held, target)]
TARGETS = {
    "news": [
        ("warm article / plain Wagtail page (time)", "ratio_article_to_plain", AT_MOST, 1.15),
        (
            "first reader after another article's publish on its site / plain page (time)",
            "ratio_article_first_reader_to_plain",
            AT_MOST,
            1.5,
        ),
        (
            "article after the whole cache is emptied (chrome too) / plain page (time)",
            "ratio_article_after_cache_emptied_to_plain",
            AT_MOST,
            1.5,
        ),
        (
            "article after a publish in another ward / plain page (time)",
            "ratio_article_after_other_ward_publish_to_plain",
            AT_MOST,
            1.15,
        ),
        ("news index / plain page (time)", "ratio_index_to_plain", AT_MOST, 1.15),
        (
            "news index, first reader after an article's publish / plain page (time)",
            "ratio_index_first_reader_to_plain",
            AT_MOST,
            1.5,
        ),
    ],
    "growth": [
        (
            "news search, 2,000 more articles / demo ward (time)",
            "ratio_news_search",
            AT_MOST,
            1.5,
        ),
        ("site search, grown / demo ward (time)", "ratio_site_search", AT_MOST, 1.5),
        ("/sitemap.xml, grown / demo ward (time)", "ratio_sitemap", AT_MOST, 1.5),
        ("news RSS, grown / demo ward (time)", "ratio_news_rss", AT_MOST, 1.5),
        ("news Atom, grown / demo ward (time)", "ratio_news_atom", AT_MOST, 1.5),
        ("schedule iCal, 150 more weeks / demo ward (time)", "ratio_schedule_ical", AT_MOST, 1.5),
        ("their queries the same before and after", "queries_fixed", EQUALS, True),
    ],
    "polls": [
        ("votes per second / bare one-row inserts", "ratio_endpoint_to_bare", AT_LEAST, 0.5),
        ("votes lost or doubled", "lost", EQUALS, 0),
        ("every accepted vote stored once, per-answer totals equal", "ok", EQUALS, True),
    ],
    "api": [
        (
            "stock v2 listing / ward listing, 100 articles (time)",
            "ratio_time_stock_to_ward",
            AT_LEAST,
            1.0,
        ),
        (
            "ward listing's queries the same for 10 and 100 articles",
            "ward_queries_fixed",
            EQUALS,
            True,
        ),
    ],
    "prod": [
        (
            "warm article, ResilientRedisCache / Django's RedisCache (time)",
            "ratio_resilient_to_django_redis",
            AT_MOST,
            1.05,
        ),
        (
            "article while Redis is down / a cache that keeps nothing (time)",
            "ratio_redis_down_to_keeps_nothing",
            AT_MOST,
            1.1,
        ),
    ],
    "load": [
        ("requests per second, 100 readers (make load)", "requests_per_second", None, None),
        ("errors outside the fault windows", "errors_outside_faults", EQUALS, 0),
        ("votes: 2xx not stored, or stored beyond 2xx + unanswered", "votes_lost", EQUALS, 0),
        ("visits: 2xx not counted, or beyond 2xx + unanswered", "visits_lost", EQUALS, 0),
    ],
    "province": [
        (
            "50 wards / one ward: slowest public request, warm or first reader (time)",
            "worst_public_ratio",
            AT_MOST,
            1.2,
        ),
        ("queries per public request the same as with one ward", "queries_equal", EQUALS, True),
        (
            "resident memory of an application process after the load (MB)",
            "peak_rss_mb",
            AT_MOST,
            300,
        ),
        ("admin page explorer, 50 wards / one ward (time)", "ratio_admin_explorer", None, None),
        ("admin page search, 50 wards / one ward (time)", "ratio_admin_search", None, None),
    ],
    "proxy": [
        (
            "cached article through nginx / static file of the same size (requests/s)",
            "ratio_cached_page_to_static",
            AT_LEAST,
            0.5,
        ),
        (
            "next request after a publish shows it (MISS, new title: article, index, home)",
            "next_request_shows_publish",
            EQUALS,
            True,
        ),
    ],
    "procedures": [
        (
            "import of 2,000 / plain pages with the same text (CPU)",
            "ratio_import_to_plain_cpu",
            None,
            None,
        ),
        (
            "filtered, searched list / Wagtail's database search (CPU)",
            "ratio_list_to_plain_cpu",
            AT_MOST,
            1.0,
        ),
    ],
}


def _met(value, how, target):
    if how is None or value is None:
        return "no target" if how is None else "not measured"
    held = {
        AT_LEAST: lambda: value >= target,
        AT_MOST: lambda: value <= target,
        EQUALS: lambda: value == target,
    }[how]()
    return "met" if held else "**not met**"


def _installed(name):
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def _machine():
    return (
        f"- Written {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; load average "
        f"{os.getloadavg()[0]:.2f} when written.\n"
        f"- {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; Python "
        f"{platform.python_version()}, Django {_installed('Django')}, Wagtail "
        f"{_installed('wagtail')}, wagtail-localize {_installed('wagtail-localize')}.\n"
        "- Each result file also names the database and server it ran on, where it matters."
    )


def write():
    rows = []
    for name, figures in TARGETS.items():
        path = RESULTS / f"{name}.json"
        result = json.loads(path.read_text()) if path.exists() else None
        for label, key, how, target in figures:
            value = None if result is None else result.get(key)
            shown = "not run" if result is None else ("absent" if value is None else value)
            wanted = "" if how is None else f"{how} {target}"
            rows.append(f"| `{name}` | {label} | {shown} | {wanted} | {_met(value, how, target)} |")
    others = sorted(
        path.stem
        for path in RESULTS.glob("*.json")
        if path.stem not in TARGETS and not path.stem.endswith("_before")
    )
    text = (
        "# Benchmark results\n\n"
        "Written by `make bench` (`python -m bench`, then `bench/report.py`) from "
        "`bench/results/*.json`. Every figure is a ratio to a baseline measured in the same "
        "run, on the same machine.\n\n"
        f"{_machine()}\n\n"
        "| benchmark | figure | value | target | verdict |\n"
        "|---|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )
    if others:
        text += "\nResults without targets here: " + ", ".join(f"`{o}`" for o in others) + ".\n"
    REPORT.write_text(text, encoding="utf-8")
    return REPORT


if __name__ == "__main__":
    print(f"wrote {write()}")
