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
- the ratios procedure / plain and the query counts.
"""

import copy
import json
import os
import statistics
import time
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


def _median(action, rounds=ROUNDS):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _run():
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.procedures.builders import build_site, make_procedure_index
    from tests.testapp.models import PlainPage
    from wagtail_ward.procedures.importers import import_procedures

    home = build_site()
    index = make_procedure_index(home)
    content = _records(COUNT)
    data = json.dumps(content, ensure_ascii=False).encode()

    start = time.perf_counter()
    result = import_procedures(index, "bench.json", data)
    import_seconds = time.perf_counter() - start
    assert len(result.created) == COUNT, result.summary()

    parent = PlainPage(title="Trang thường", slug="trang-thuong")
    home.add_child(instance=parent)
    parent.save_revision().publish()
    start = time.perf_counter()
    for record in content["procedures"]:
        body = [("paragraph", _plain_text(record))]
        slug = "p-" + record["code"].replace(".", "-")
        page = PlainPage(title=record["title"], slug=slug, body=body)
        parent.add_child(instance=page)
        page.save_revision().publish()
    plain_seconds = time.perf_counter() - start

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
    list_seconds = _median(list_procedures)
    plain_list_seconds = _median(list_plain)

    client = Client()
    url = index.url + "?sector=ho-tich&level=xa&q=dang+ky+khai+sinh"
    assert client.get(url).status_code == 200
    request_seconds = _median(lambda: client.get(url))
    return {
        "procedures": COUNT,
        "import_s": round(import_seconds, 3),
        "plain_pages_s": round(plain_seconds, 3),
        "ratio_import_to_plain": round(import_seconds / plain_seconds, 3),
        "list_ms": round(list_seconds * 1000, 3),
        "plain_search_ms": round(plain_list_seconds * 1000, 3),
        "ratio_list_to_plain": round(list_seconds / plain_list_seconds, 3),
        "index_request_ms": round(request_seconds * 1000, 3),
        "queries": queries,
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


if __name__ == "__main__":
    main()
