"""Import 2,000 procedures and list them filtered, each against plain Wagtail pages with the
same text, in the same run.

``python -m bench procedures`` (``BENCH_PROCEDURES=200`` for a shorter run). Uses the test
settings and a throwaway test database. Writes ``bench/results/procedures.json``:

- ``import``: ``import_procedures`` of a JSON file of N procedures (each a sample record with its
  own code), pages created, revised and published as an editor's import does; against N plain
  Wagtail pages with the same text in their body, each added, revised and published the same
  way (``add_child``, ``save_revision().publish()``);
- ``list``: the first page (30) of the index filtered by sector and level and searched for
  "dang ky khai sinh" (no accents), against Wagtail's own search over the plain pages for
  "Đăng ký khai sinh" (its database backend, the default of a Wagtail site; without the accents
  it finds nothing), both evaluated as lists;
- ``index_request``: the whole filtered index page over HTTP, for reference;
- the ratios procedure / plain and the query counts;
- the machine and versions, and the load average of the machine between the phases.

Every time is given twice: wall time, and this process's CPU time (``…_cpu``). The database is
SQLite in memory, so the CPU time is the work itself; on a shared machine the wall time also
counts what other processes took, and the CPU-time ratios are the ones to compare. The list
timings interleave the procedures, the plain pages and the request round by round.
"""

import copy
import json
import os
import platform
import statistics
import time
from importlib.metadata import version
from pathlib import Path

COUNT = int(os.environ.get("BENCH_PROCEDURES", "2000"))
ROUNDS = 30
RESULTS = Path(__file__).parent / "results" / "procedures.json"
FIXTURE = (
    Path(__file__).resolve().parents[1]
    / "wagtail_ward"
    / "procedures"
    / "fixtures"
    / "procedures-vi.json"
)


def _records(count):
    sample = json.loads(FIXTURE.read_text())
    procedures = []
    for n in range(count):
        record = copy.deepcopy(sample["procedures"][n % len(sample["procedures"])])
        record["code"] = f"9.{n + 1:06d}"
        procedures.append(record)
    return {**sample, "procedures": procedures}


def _plain_text(record):
    rows = [record["title"], record["applicants"], record["result"], record["fees"]]
    rows += record["steps"]
    rows += [item["name"] for item in record["dossier"]]
    rows += [item["title"] for item in record["legal_basis"]]
    return "".join(f"<p>{row}</p>" for row in rows if row)


class _Clock:
    """Wall time and this process's CPU time of a block. The test database is SQLite in
    memory, so the CPU time is the work itself; the wall time also counts what other
    processes on the machine took from it."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu


def _medians(actions, rounds=ROUNDS):
    """``{name: (wall, cpu)}`` medians of each action, the actions interleaved round by round
    so that noise from the rest of the machine hits them alike."""
    times = {name: ([], []) for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            with _Clock() as clock:
                action()
            times[name][0].append(clock.wall)
            times[name][1].append(clock.cpu)
    return {name: tuple(map(statistics.median, pair)) for name, pair in times.items()}


def _machine():
    """Where the figures come from: the ratios only compare figures of one run on one machine."""
    from django.db import connection

    return {
        "python": platform.python_version(),
        "django": version("django"),
        "wagtail": version("wagtail"),
        "database": f"{connection.vendor} {connection.Database.sqlite_version}"
        if connection.vendor == "sqlite"
        else connection.vendor,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
    }


def _run():
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.procedures.builders import build_site, make_procedure_index
    from tests.testapp.models import PlainPage
    from wagtail_ward.procedures.importers import import_procedures

    machine = _machine()
    home = build_site()
    index = make_procedure_index(home)
    content = _records(COUNT)
    data = json.dumps(content, ensure_ascii=False).encode()

    load = [round(os.getloadavg()[0], 2)]
    with _Clock() as import_clock:
        result = import_procedures(index, "bench.json", data)
    load.append(round(os.getloadavg()[0], 2))
    assert len(result.created) == COUNT, result.summary()

    parent = PlainPage(title="Trang thường", slug="trang-thuong")
    home.add_child(instance=parent)
    parent.save_revision().publish()
    # In one transaction, as the importer writes its pages.
    with _Clock() as plain_clock, transaction.atomic():
        for record in content["procedures"]:
            body = [("paragraph", _plain_text(record))]
            slug = "p-" + record["code"].replace(".", "-")
            page = PlainPage(title=record["title"], slug=slug, body=body)
            parent.add_child(instance=page)
            page.save_revision().publish()
    load.append(round(os.getloadavg()[0], 2))

    filters = {"sector": "ho-tich", "level": "xa", "online": "", "q": "dang ky khai sinh"}

    def list_procedures():
        return list(index.filtered(index.live_procedures(), filters)[:30])

    def list_plain():
        # Wagtail's search needs the accents (and đ) to find anything: give it the exact words.
        return list(PlainPage.objects.child_of(parent).live().search("Đăng ký khai sinh")[:30])

    assert list_procedures()[0].title == "Đăng ký khai sinh"
    with CaptureQueriesContext(connection) as procedure_queries:
        list_procedures()
    with CaptureQueriesContext(connection) as plain_queries:
        list_plain()
    # Counted now: the context reads the connection's query log lazily, and later rounds
    # would push its entries out.
    queries = {"list": len(procedure_queries), "plain_search": len(plain_queries)}
    client = Client()
    url = index.url + "?sector=ho-tich&level=xa&q=dang+ky+khai+sinh"
    assert client.get(url).status_code == 200
    medians = _medians(
        {"list": list_procedures, "plain": list_plain, "request": lambda: client.get(url)}
    )
    load.append(round(os.getloadavg()[0], 2))
    (list_s, list_cpu), (plain_s, plain_cpu) = medians["list"], medians["plain"]
    return {
        "machine": machine,
        "load_average": {"start": load[0], "after_import": load[1], "after_plain": load[2]},
        "load_average_at_end": load[3],
        "procedures": COUNT,
        "rounds": ROUNDS,
        "import_s": round(import_clock.wall, 3),
        "import_cpu_s": round(import_clock.cpu, 3),
        "plain_pages_s": round(plain_clock.wall, 3),
        "plain_pages_cpu_s": round(plain_clock.cpu, 3),
        "ratio_import_to_plain": round(import_clock.wall / plain_clock.wall, 3),
        "ratio_import_to_plain_cpu": round(import_clock.cpu / plain_clock.cpu, 3),
        "list_ms": round(list_s * 1000, 3),
        "list_cpu_ms": round(list_cpu * 1000, 3),
        "plain_search_ms": round(plain_s * 1000, 3),
        "plain_search_cpu_ms": round(plain_cpu * 1000, 3),
        "ratio_list_to_plain": round(list_s / plain_s, 3),
        "ratio_list_to_plain_cpu": round(list_cpu / plain_cpu, 3),
        "index_request_ms": round(medians["request"][0] * 1000, 3),
        "index_request_cpu_ms": round(medians["request"][1] * 1000, 3),
        "queries": queries,
        "list_found": len(list_procedures()),
        "plain_search_found": len(list_plain()),
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        result = _run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    print(
        f"{COUNT} procedures: import {result['ratio_import_to_plain']}x plain pages, filtered "
        f"list {result['ratio_list_to_plain']}x Wagtail search -> bench/results/procedures.json"
    )


if __name__ == "__main__":
    main()
