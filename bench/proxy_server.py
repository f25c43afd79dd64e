"""nginx on loopback with the shipped configuration, deploy/nginx/ward.conf, for the proxy's
bench (bench/bench_proxy.py) and tests (tests/core/test_proxy.py).

The configuration is the very file a site copies to /etc/nginx/conf.d/; only its addresses and
folders (the lines it marks) are replaced, each exactly once, so that a change to the file that
drops one of them fails here instead of running something else. nginx runs in the foreground
from a temporary folder of its own, with the purge module loaded from Debian's package, and is
stopped by its process id.
"""

import os
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from bench.servers import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent
WARD_CONF = ROOT / "deploy" / "nginx" / "ward.conf"
PURGE_MODULE = Path(
    os.environ.get("NGINX_PURGE_MODULE", "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")
)
MISSING = (
    "{what} not found: the caching proxy's tests and bench need nginx and its purge module "
    "(Debian: apt-get install nginx libnginx-mod-http-cache-purge; make test-deps does it)."
)

MAIN_CONF = """\
daemon off;
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
load_module {module};
events {{ worker_connections 512; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    include {dir}/ward.conf;
}}
"""


def render(text, app, port, purge_port, folder):
    """The shipped configuration with its marked addresses and folders replaced."""
    replacements = [
        ("server 127.0.0.1:8000;", f"server {app};"),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("listen 127.0.0.1:8081;", f"listen 127.0.0.1:{purge_port};"),
        ("/var/cache/nginx/ward", f"{folder}/cache"),
        ("/srv/ward/static/", f"{folder}/static/"),
        ("/srv/ward/media/", f"{folder}/media/"),
    ]
    for old, new in replacements:
        if text.count(old) != 1:
            raise ValueError(f"{WARD_CONF.name}: expected {old!r} once, found {text.count(old)}")
        text = text.replace(old, new)
    return text


class Nginx:
    """``Nginx(app="127.0.0.1:8000")``: ``start()``, then pages on ``port``, purges on
    ``purge_port``, static files from ``static`` (served at /static/); ``stop()``."""

    def __init__(self, app, port=None, purge_port=None):
        self.binary = shutil.which("nginx") or (
            "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
        )
        if self.binary is None:
            raise RuntimeError(MISSING.format(what="nginx"))
        if not PURGE_MODULE.exists():
            raise RuntimeError(MISSING.format(what=f"The cache purge module ({PURGE_MODULE})"))
        self.app = app
        self.port = port or free_port()
        self.purge_port = purge_port or free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="ward-nginx-"))
        self.static = self.dir / "static"
        self.process = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def purge_location(self):
        return f"http://127.0.0.1:{self.purge_port}"

    def start(self):
        for sub in ("tmp", "cache", "static", "media"):
            (self.dir / sub).mkdir()
        # Run as root, nginx's workers are "nobody": they write the cache and read the files.
        for path in [self.dir, *self.dir.iterdir()]:
            path.chmod(0o777)  # noqa: S103 (a throwaway folder of this run)
        site = render(
            WARD_CONF.read_text(), self.app, self.port, self.purge_port, self.dir.as_posix()
        )
        (self.dir / "ward.conf").write_text(site)
        mime_types = Path("/etc/nginx/mime.types")
        main = MAIN_CONF.format(
            dir=self.dir.as_posix(),
            module=PURGE_MODULE,
            mime_types=mime_types if mime_types.exists() else f"{self.dir}/ward.conf",
        )
        conf = self.dir / "nginx.conf"
        conf.write_text(main)
        test = subprocess.run(
            [self.binary, "-t", "-q", "-p", str(self.dir), "-c", str(conf)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        if test.returncode != 0:
            raise RuntimeError(f"nginx refused the configuration: {test.stderr.strip()}")
        self.process = subprocess.Popen(
            [self.binary, "-p", str(self.dir), "-c", str(conf)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, 60, self.process, "nginx")
        return self

    def version(self):
        done = subprocess.run(
            [self.binary, "-v"], capture_output=True, text=True, timeout=10, check=False
        )
        return done.stderr.strip().rpartition("/")[2]

    def purge(self, path, host):
        """What Wagtail's HTTPBackend sends: PURGE to the purge address with the page's Host."""
        request = urllib.request.Request(  # noqa: S310 (loopback)
            self.purge_location + path, method="PURGE", headers={"Host": host}
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return response.status

    def errors(self):
        log = self.dir / "error.log"
        return log.read_text() if log.exists() else ""

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: nginx's fast shutdown, workers included
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.dir, ignore_errors=True)
