"""The servers the benchmarks and the production tests start, each on loopback on a port of its
own with its data in a temporary folder, and stopped (and removed) at the end.

- ``PostgreSQL``: a throwaway cluster as ``.ci/run`` starts one (initdb, pg_ctl; ``fast=True``
  turns fsync, synchronous commits and full page writes off), a ``ward`` role and, unless
  ``database=None``, a ``ward`` database; ``sql()``, ``stop()``/``start()``/``restart()`` (the
  load run's fault), ``remove()``.
- ``Redis``: a redis-server without persistence; ``stop()`` and ``start()`` keep its port.
- ``Gunicorn``: the application under gunicorn with the options each bench passes.

Used by bench/bench_polls.py, bench/bench_province.py, bench/bench_proxy.py (with nginx from
bench/proxy_server.py), bench/load.py, bench/bench_prod.py, tests/prod/ (Redis) and
tests/browser/ (``free_port``).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_is_free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def wait_for_port(port, seconds=60, process=None, what="the server", pause=0.1):
    """Return once something accepts connections on ``port``; fail if ``process`` exits first
    or nothing answers within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{what} on port {port} exited at start") from None
            time.sleep(pause)
    raise RuntimeError(f"{what} did not answer on port {port} within {seconds} s")


def as_postgres(command):
    """PostgreSQL refuses to run as root: run its commands as the postgres user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class PostgreSQL:
    """``PostgreSQL(port)``: ``init()`` creates and starts the cluster, the ``ward`` role
    (password ``ward``, CREATEDB) and the ``database`` it owns (none if ``None``); ``url`` is
    that database's, ``database_url(db)`` another's."""

    def __init__(
        self, port=None, *, database="ward", fast=True, max_connections=100, prefix="ward-pg-"
    ):
        self.port = port or free_port()
        self.database = database
        self.fast = fast
        self.max_connections = max_connections
        self.dir = Path(tempfile.mkdtemp(prefix=prefix))
        self.data = self.dir / "data"

    @property
    def url(self):
        return self.database_url(self.database) if self.database else None

    def database_url(self, db):
        return f"postgres://ward:ward@127.0.0.1:{self.port}/{db}"

    def version(self):
        out = subprocess.run(
            [str(PG_BIN / "postgres"), "--version"], capture_output=True, text=True, check=False
        )
        return out.stdout.strip()

    def init(self):
        if not (PG_BIN / "initdb").exists():
            raise SystemExit(f"No PostgreSQL at {PG_BIN}: apt-get install postgresql")
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        initdb = [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust"]
        initdb += ["--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]
        subprocess.run(as_postgres(initdb), check=True, capture_output=True, timeout=120)
        self.start()
        self.sql("CREATE ROLE ward LOGIN PASSWORD 'ward' CREATEDB", db="postgres")
        if self.database:
            self.sql(f"CREATE DATABASE {self.database} OWNER ward", db="postgres")

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        if self.fast:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        options += f" -c max_connections={self.max_connections}"
        command = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.dir / "log")]
        subprocess.run(
            as_postgres([*command, "-w", "-o", options, "start"]),
            check=True,
            capture_output=True,
            timeout=60,
        )

    def stop(self):
        command = [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop"]
        subprocess.run(as_postgres(command), capture_output=True, timeout=60, check=False)

    def restart(self):
        self.stop()
        self.start()

    def sql(self, statement, db=None):
        """Run ``statement`` as postgres in ``db`` (the cluster's database, else postgres)."""
        import psycopg

        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            dbname=db or self.database or "postgres",
            autocommit=True,
        ) as conn:
            cursor = conn.execute(statement)
            return cursor.fetchall() if cursor.description else None

    def size(self, db):
        return self.sql(f"SELECT pg_database_size('{db}')", db="postgres")[0][0]

    def remove(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def _redis_answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


class Redis:
    """A redis-server without persistence, its data in ``folder`` (a temporary folder of its
    own if none); ``log=True`` writes its log to ``dir / "log"``, else it is discarded.
    ``stop()`` and ``start()`` keep its port; ``remove()`` also removes its own folder."""

    def __init__(
        self,
        port=None,
        *,
        folder=None,
        binary="redis-server",
        log=False,
        start_timeout=10,
        stop_timeout=10,
        prefix="ward-redis-",
    ):
        self.port = port or free_port()
        self.binary = binary
        self.own_folder = folder is None
        self.dir = Path(tempfile.mkdtemp(prefix=prefix) if folder is None else folder)
        self.log = self.dir / "log" if log else None
        self.start_timeout, self.stop_timeout = start_timeout, stop_timeout
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def version(self):
        out = subprocess.run([self.binary, "--version"], capture_output=True, text=True)
        return out.stdout.split(" sha=")[0].strip()

    def start(self):
        command = [self.binary, "--bind", "127.0.0.1", "--port", str(self.port)]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.dir)]
        if self.log is not None:
            command += ["--logfile", str(self.log)]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=None if self.log is not None else subprocess.DEVNULL,
        )
        deadline = time.monotonic() + self.start_timeout
        while not _redis_answers(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"redis-server did not start on port {self.port}.")
            time.sleep(0.02)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=self.stop_timeout)
        self.process = None

    def remove(self):
        self.stop()
        if self.own_folder:
            shutil.rmtree(self.dir, ignore_errors=True)


class Gunicorn:
    """``Gunicorn(app, port, workers=, env=, cwd=)``: gunicorn from this virtualenv serving the
    WSGI ``app``. ``threads`` picks the gthread worker class; ``log`` (a path) takes the
    server's output (appended), else it goes to the console; ``options`` are passed as they are.
    ``start()`` returns once the port answers (within ``start_timeout`` seconds)."""

    def __init__(
        self,
        app,
        port=None,
        *,
        workers,
        env,
        cwd,
        threads=None,
        log_level="warning",
        log=None,
        options=(),
        start_timeout=60,
    ):
        self.app, self.port = app, port or free_port()
        self.workers, self.threads, self.log_level = workers, threads, log_level
        self.env, self.cwd, self.log = env, cwd, log
        self.options, self.start_timeout = list(options), start_timeout
        self.process = None

    def command(self):
        command = [str(Path(sys.executable).with_name("gunicorn")), "--bind"]
        command += [f"127.0.0.1:{self.port}", "--workers", str(self.workers)]
        if self.threads:
            command += ["--worker-class", "gthread", "--threads", str(self.threads)]
        if self.log_level:
            command += ["--log-level", self.log_level]
        return [*command, *self.options, self.app]

    def start(self):
        if self.log is None:
            self.process = subprocess.Popen(self.command(), env=self.env, cwd=self.cwd)
        else:
            with open(self.log, "ab") as log:  # the workers' tracebacks, not on the console
                self.process = subprocess.Popen(
                    self.command(),
                    env=self.env,
                    cwd=self.cwd,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
        try:
            wait_for_port(self.port, self.start_timeout, self.process, "gunicorn")
        except RuntimeError:
            self.stop()
            raise
        return self

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def kill_one_worker(self):
        """SIGKILL one worker (the master starts another); returns its pid."""
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def logged(self):
        """How many requests the workers logged as errors, by status line (needs ``log``)."""
        text = Path(self.log).read_text(errors="replace")
        lines = ("Internal Server Error:", "Service Unavailable:", "was sent SIGKILL")
        return {line.rstrip(":"): text.count(line) for line in lines}

    def rss_mb(self):
        """Resident memory of each worker, in MB."""
        sizes = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(round(int(line.split()[1]) / 1024))
        return sizes

    def stop(self, timeout=30):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None
