"""One application process of the province benchmark, on the database of ``DATABASE_URL``:
``python -m bench.province_worker`` reads one request a line on its standard input (JSON:
``{"url", "host", "admin", "before"}``), serves it in process through Django's test client and
answers one line: the status, the seconds the request took and the number of queries it ran.

``admin`` sends it as the benchmark's editor (logged in); ``before`` is what happens just
before it, untimed: ``"publish"`` writes the new content token of the host's site, as a publish
in that ward does (the first reader after it rebuilds the ward's kept page parts), ``"flush"``
empties the whole cache (a restarted cache server: Wagtail's own cached site list goes too).
Timing is taken around the request only, so the pipe between the benchmark and this process
costs nothing in the figures.
``{"rss": true}`` answers this process's resident memory (VmRSS and its peak, VmHWM, in MB).
"""

import json
import sys
import time


def resident_mb(pid="self"):
    """VmRSS and VmHWM of process ``pid`` in MB, from ``/proc/<pid>/status`` (Linux)."""
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values


def _counter(counted):
    """An execute wrapper that notes every query. Django's own query log
    (``CaptureQueriesContext``) keeps only the last 9,000 queries of a connection, so after a few
    hundred requests it counts 0 for every request."""

    def count(execute, sql, params, many, context):
        counted.append(None)
        return execute(sql, params, many, context)

    return count


def serve(stream_in, stream_out):
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from wagtail.models import Site

    from bench.province_build import ADMIN
    from wagtail_ward.fragments import bump_content_version

    reader = Client()
    editor = Client()
    editor.force_login(get_user_model().objects.get(username=ADMIN))
    for line in stream_in:
        ask = json.loads(line)
        if ask.get("rss"):
            stream_out.write(json.dumps(resident_mb()) + "\n")
            stream_out.flush()
            continue
        client = editor if ask.get("admin") else reader
        if ask.get("before") == "publish":
            bump_content_version(sites=[Site.objects.get(hostname=ask["host"]).pk])
        elif ask.get("before") == "flush":
            cache.clear()
        counted = []
        with connection.execute_wrapper(_counter(counted)):
            start = time.perf_counter()
            response = client.get(ask["url"], HTTP_HOST=ask["host"])
            seconds = time.perf_counter() - start
        answer = {"status": response.status_code, "seconds": seconds, "queries": len(counted)}
        if response.status_code >= 400:
            answer["body"] = response.content[:300].decode(errors="replace")
        stream_out.write(json.dumps(answer) + "\n")
        stream_out.flush()


if __name__ == "__main__":
    import django

    django.setup()
    serve(sys.stdin, sys.stdout)
