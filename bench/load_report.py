"""The figures of the load run (bench/load.py) and ``bench/load.md`` written from them."""

import datetime
import platform
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

REPORT = Path(__file__).resolve().parent / "load.md"

# What the readers (bench/load_client.py) do, by weight: pages (home, an article, an index, the
# schedule, a procedure), the JSON API, the search, a vote in the side poll and a visit report.
# Kept here with ``Answer`` so that the report and its test need no httpx (the `test` extra has
# none; tests/perf/test_load_counts.py runs in the version matrix).
MIX = {
    "home": 12,
    "article": 16,
    "index": 10,
    "schedule": 8,
    "procedure": 8,
    "api": 18,
    "search": 10,
    "vote": 9,
    "visit": 9,
}


@dataclass
class Answer:
    """One request of a reader: when it was asked (seconds from the start), what, the status (0
    for a failed connection), the time it took, and what a vote or a visit answered."""

    at: float
    kind: str
    status: int
    seconds: float
    note: str = ""
    retry_after: str = ""

    @property
    def ok(self):
        return 200 <= self.status < 300


GRACE = 3.0  # seconds after a fault ends that still count as its window
PAGES = ("home", "article", "index", "schedule", "procedure")


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def label(answer):
    """A failed answer: its status, or for a failed connection what httpx raised."""
    return str(answer.status) if answer.status else f"0 {answer.note}"


def in_window(answer, event):
    """Whether the request overlapped the fault (from its start to GRACE seconds after its end)."""
    return answer.at <= event["end"] + GRACE and answer.at + answer.seconds >= event["start"]


def ms(seconds):
    return None if seconds is None else round(seconds * 1000)


def summarise(answers, events, before, after, config, machine_info):
    """The run's figures; ``machine_info`` is ``machine()`` of the run (given by the caller, so
    that the figures need none of the packages it names)."""
    outside = [a for a in answers if not any(in_window(a, e) for e in events)]
    kinds = {}
    for kind in MIX:
        mine = [a for a in outside if a.kind == kind]
        times = [a.seconds for a in mine]
        kinds[kind] = {
            "requests": len([a for a in answers if a.kind == kind]),
            "outside_faults": len(mine),
            "errors_outside_faults": Counter(label(a) for a in mine if not a.ok),
            "p50_ms": ms(percentile(times, 0.5)),
            "p95_ms": ms(percentile(times, 0.95)),
            "p99_ms": ms(percentile(times, 0.99)),
        }
    faults = []
    for event in events:
        inside = [a for a in answers if in_window(a, event)]
        statuses = {kind: dict(Counter(label(a) for a in inside if a.kind == kind)) for kind in MIX}
        unavailable = [a for a in inside if a.status == 503]
        later = [a for a in answers if a.at > event["end"] and a.ok]
        faults.append(
            {
                **event,
                "requests": len(inside),
                "errors": sum(not a.ok for a in inside),
                "statuses": statuses,
                "answers_503": len(unavailable),
                "answers_503_with_retry_after": sum(bool(a.retry_after) for a in unavailable),
                "connection_errors": sum(a.status == 0 for a in inside),
                "connection_errors_by_kind": dict(Counter(a.note for a in inside if a.status == 0)),
                "other_5xx": sum(a.status >= 500 and a.status != 503 for a in inside),
                "first_2xx_after_end_s": round(min(a.at for a in later) - event["end"], 2)
                if later
                else None,
            }
        )
    votes_ok = sum(a.kind == "vote" and a.ok and a.note == "counted" for a in answers)
    visits_ok = sum(a.kind == "visit" and a.ok and a.note == "counted" for a in answers)
    votes_stored = after["votes"] - before["votes"]
    visits_stored = after["visits"] - before["visits"]
    # A request whose connection was cut (status 0: the killed worker's) may have committed
    # before it could answer: its reader cannot know, so it may be stored or not. Exact means
    # every 2xx stored once, and nothing stored beyond the 2xx and those unanswered requests.
    votes_unanswered = sum(a.kind == "vote" and a.status == 0 for a in answers)
    visits_unanswered = sum(a.kind == "visit" and a.status == 0 for a in answers)
    votes_off = _off(votes_ok, votes_stored, votes_unanswered)
    visits_off = _off(visits_ok, visits_stored, visits_unanswered)
    errors_outside = sum(not a.ok for a in outside)
    counts = {
        "votes_sent": sum(a.kind == "vote" for a in answers),
        "votes_2xx_counted": votes_ok,
        "votes_unanswered": votes_unanswered,
        "votes_stored": votes_stored,
        "vote_totals_match_rows": after["vote_totals"] == after["votes"],
        "visits_sent": sum(a.kind == "visit" for a in answers),
        "visits_2xx_counted": visits_ok,
        "visits_unanswered": visits_unanswered,
        "visits_stored": visits_stored,
    }
    ok = (
        errors_outside == 0
        and votes_off == 0
        and visits_off == 0
        and counts["vote_totals_match_rows"]
    )
    verdict = (
        f"{len(answers)} requests in {config['seconds']:.0f} s "
        f"({len(answers) / config['seconds']:.1f}/s); errors outside the fault windows: "
        f"{errors_outside}; votes 2xx {votes_ok} / stored {votes_stored} (unanswered "
        f"{votes_unanswered}); visits 2xx {visits_ok} / stored {visits_stored} (unanswered "
        f"{visits_unanswered}); " + ("OK" if ok else "NOT OK")
    )
    return {
        "when": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "config": config,
        "machine": machine_info,
        "requests": len(answers),
        "requests_per_second": round(len(answers) / config["seconds"], 1),
        "errors_outside_faults": errors_outside,
        "votes_lost": votes_off,
        "visits_lost": visits_off,
        "kinds": kinds,
        "faults": faults,
        "counts": counts,
        "ok": ok,
        "verdict": verdict,
    }


def _off(answered, stored, unanswered):
    """How far ``stored`` lies outside what the answers allow: every 2xx stored, plus at most
    the requests that got no answer (0 when exact)."""
    if stored < answered:
        return answered - stored  # answered 2xx but lost
    return max(0, stored - answered - unanswered)  # stored twice, or stored after a 503


def machine():
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    packages = ("Django", "wagtail", "gunicorn", "psycopg", "redis", "httpx")
    return {
        "cpu": model,
        "cores": __import__("os").cpu_count(),
        "system": platform.platform(),
        "python": platform.python_version(),
        **{name: version(name) for name in packages},
    }


def write_report(result):
    c, m = result["config"], result["machine"]
    lines = [
        "# Load and faults",
        "",
        "Written by `make load` (bench/load.py) on "
        f"{result['when']}; how to run it and what it does: docs/load.md.",
        "",
        f"**{result['verdict']}**",
        "",
        "## Set-up",
        "",
        f"- {c['clients']} concurrent readers (asyncio, httpx; one connection and one address "
        f"each, no cookies kept), a mean pause of {c['think']} s between requests, "
        f"{c['seconds']:.0f} s.",
        f"- gunicorn {m['gunicorn']}, {c['workers']} workers × {c['threads']} threads (gthread); "
        f"{c['versions']['PostgreSQL']}; {c['versions']['Redis']} (`{c['cache_backend']}`: "
        "fragments, rate limits, sessions); all on loopback.",
        f"- The demo (load_ward_demo): sites {', '.join(c['hosts'])}; URLs asked: "
        + ", ".join(f"{k} {v}" for k, v in c["pages_per_kind"].items())
        + ".",
        f"- Machine: {m['cpu']}, {m['cores']} cores, shared with other work (load average "
        f"{c['load_average_before'][0]} before, {c['load_average_after'][0]} after); "
        f"{m['system']}; Python {m['python']}, Django {m['Django']}, Wagtail {m['wagtail']}, "
        f"psycopg {m['psycopg']}, redis-py {m['redis']}, httpx {m['httpx']}.",
        f"- Set-up time: migrate {c['setup']['migrate_seconds']} s, demo "
        f"{c['setup']['demo_seconds']} s. Workers' resident memory after the run: "
        + ", ".join(f"{x} MB" for x in c["worker_rss_mb"])
        + ".",
        "",
        "## Requests",
        "",
        f"{result['requests']} requests, {result['requests_per_second']}/s. Times are for the "
        "requests outside the fault windows (the client's clock, queueing included).",
        "",
        "| kind | requests | outside faults | errors outside faults | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, k in result["kinds"].items():
        errors = sum(k["errors_outside_faults"].values())
        detail = ", ".join(f"{n}× {s}" for s, n in k["errors_outside_faults"].items())
        lines.append(
            f"| {kind} | {k['requests']} | {k['outside_faults']} | {errors}"
            f"{f' ({detail})' if detail else ''} | {k['p50_ms']} | {k['p95_ms']} | {k['p99_ms']} |"
        )
    n = result["counts"]
    lines += [
        "",
        "## Votes and visits",
        "",
        f"- Votes: {n['votes_sent']} sent, {n['votes_2xx_counted']} answered 2xx “counted”, "
        f"{n['votes_unanswered']} got no answer; "
        f"{n['votes_stored']} new rows in the database; the answers' totals "
        f"{'match' if n['vote_totals_match_rows'] else 'do NOT match'} the vote rows.",
        f"- Visits: {n['visits_sent']} sent (each from a new browser), "
        f"{n['visits_2xx_counted']} answered 2xx “counted”, {n['visits_unanswered']} got no "
        f"answer; the day counts grew by {n['visits_stored']}.",
        "- Exact means: every request answered 2xx is stored once, and nothing more is stored "
        "than those and the requests that got no answer (a request whose worker was killed "
        "after its commit is stored but cannot answer; its reader cannot tell, and neither can "
        "the server).",
        "",
        "## Faults",
        "",
        f"A window runs from the fault's start to {GRACE:.0f} s after its end; a request counts "
        "in it when it overlapped it, so a slow request can count in two. Status 0 is a "
        "request that got no HTTP answer (httpx's error named: `ReadTimeout` after "
        "60 s, `RemoteProtocolError` or `ReadError` when the server closed the connection).",
        "",
        f"The server's log: {result['server_log']}.",
        "",
    ]
    for f in result["faults"]:
        statuses = "; ".join(
            f"{kind}: " + ", ".join(f"{s}×{x}" for s, x in sorted(v.items()))
            for kind, v in f["statuses"].items()
            if v
        )
        lines += [
            f"### {f['fault']}",
            "",
            f"- From {f['start']} s to {f['end']} s of the run. {f['requests']} requests in the "
            f"window, {f['errors']} not 2xx: {f['answers_503']} answered 503 "
            f"({f['answers_503_with_retry_after']} of them with `Retry-After`), "
            f"{f['other_5xx']} another 5xx, {f['connection_errors']} failed connections"
            + (
                " ("
                + ", ".join(f"{n}× {e}" for e, n in f["connection_errors_by_kind"].items())
                + ")."
                if f["connection_errors"]
                else "."
            ),
            f"- First 2xx after the fault ended: {f['first_2xx_after_end_s']} s later.",
            f"- By kind (status×count): {statuses}.",
            "",
        ]
    REPORT.write_text("\n".join(lines).rstrip() + "\n")
    return REPORT
