"""The servers of the load run, each started on loopback on a port of its own with its data in a
temporary folder, and stopped (and removed) at the end: a PostgreSQL cluster (as .ci/run starts
one: initdb, pg_ctl, fsync off), a redis-server without persistence, and gunicorn with several
workers. Each can be stopped and started again in the middle of the run (the faults)."""

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


def wait_for_port(port, seconds, process=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"the server on port {port} exited at start") from None
            time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port} within {seconds} s")


def port_is_free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def as_postgres(command):
    """Run a PostgreSQL server command as the postgres user when we are root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class PostgreSQL:
    def __init__(self, port):
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="ward-load-pg-"))
        self.data = self.dir / "data"
        self.url = f"postgres://ward:ward@127.0.0.1:{port}/ward"

    def version(self):
        out = subprocess.run(
            [str(PG_BIN / "postgres"), "--version"], capture_output=True, text=True
        )
        return out.stdout.strip()

    def init(self):
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        initdb = [str(PG_BIN / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust"]
        initdb += ["--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]
        subprocess.run(as_postgres(initdb), check=True, capture_output=True, timeout=120)
        self.start()
        self.sql("CREATE ROLE ward LOGIN PASSWORD 'ward' CREATEDB", db="postgres")
        self.sql("CREATE DATABASE ward OWNER ward", db="postgres")

    def start(self):
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
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

    def sql(self, statement, db="ward"):
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname=db, autocommit=True
        ) as conn:
            cursor = conn.execute(statement)
            return cursor.fetchall() if cursor.description else None

    def remove(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    def __init__(self, port):
        self.port = port
        self.dir = Path(tempfile.mkdtemp(prefix="ward-load-redis-"))
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process = None

    def version(self):
        out = subprocess.run(["redis-server", "--version"], capture_output=True, text=True)
        return out.stdout.split(" sha=")[0].strip()

    def start(self):
        command = ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port)]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.dir)]
        command += ["--logfile", str(self.dir / "log")]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        wait_for_port(self.port, 20, self.process)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def remove(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class Gunicorn:
    def __init__(self, port, workers, threads, env, cwd, log):
        self.port, self.workers, self.threads = port, workers, threads
        self.env, self.cwd, self.log = env, cwd, log
        self.process = None

    def start(self):
        command = [
            str(Path(sys.executable).with_name("gunicorn")),
            "--bind",
            f"127.0.0.1:{self.port}",
        ]
        command += ["--workers", str(self.workers), "--worker-class", "gthread"]
        command += ["--threads", str(self.threads), "--log-level", "warning"]
        command += [
            "--timeout",
            "120",
            "--graceful-timeout",
            "10",
            "district_site.wsgi:application",
        ]
        with open(self.log, "ab") as log:  # the workers' tracebacks, not on the console
            self.process = subprocess.Popen(
                command, env=self.env, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT
            )
        wait_for_port(self.port, 60, self.process)

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def kill_one_worker(self):
        """SIGKILL one worker (the master starts another); returns its pid."""
        pid = self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def logged(self):
        """How many requests the workers logged as errors, by status line."""
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

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None
