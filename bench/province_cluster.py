"""A throwaway PostgreSQL cluster for the province benchmark, as ``.ci/run`` starts one: initdb
in a temporary folder, ``fsync=off``, loopback only, on the benchmark's own port."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def _as_postgres(command):
    """PostgreSQL refuses to run as root: run its commands as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class Cluster:
    def __init__(self, port):
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="ward-province-pg-"))

    def url(self, db):
        return f"postgres://ward:ward@127.0.0.1:{self.port}/{db}"

    def start(self):
        if not (PG_BIN / "initdb").exists():
            raise SystemExit(f"No PostgreSQL at {PG_BIN}: apt-get install postgresql")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        data = str(self.dir / "data")
        initdb = [str(PG_BIN / "initdb"), "-D", data, "-U", "postgres", "-A", "trust"]
        initdb += ["--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]
        subprocess.run(_as_postgres(initdb), check=True, capture_output=True, timeout=120)
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50"
        )
        start = [str(PG_BIN / "pg_ctl"), "-D", data, "-l", str(self.dir / "log"), "-w"]
        subprocess.run(
            _as_postgres([*start, "-o", options, "start"]),
            check=True,
            capture_output=True,
            timeout=60,
        )
        self.sql("CREATE ROLE ward LOGIN PASSWORD 'ward' CREATEDB")

    def sql(self, statement, db="postgres"):
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=db, autocommit=True
        ) as conn:
            cursor = conn.execute(statement)
            return cursor.fetchall() if cursor.description else None

    def size(self, db):
        return self.sql(f"SELECT pg_database_size('{db}')")[0][0]

    def stop(self):
        stop = [str(PG_BIN / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop"]
        subprocess.run(_as_postgres(stop), capture_output=True, timeout=60, check=False)
        shutil.rmtree(self.dir, ignore_errors=True)
