"""A server process on a free loopback port, for the browser tests (the demo, the client)."""

import contextlib
import subprocess
import time
import urllib.request

from bench.servers import free_port


@contextlib.contextmanager
def serving(command, probe, *, cwd, env=None, timeout=30):
    """Run ``command`` (a list, ``{port}`` filled in) and yield its base URL once ``probe`` (a
    path) answers; the process is stopped afterwards."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [part.format(port=port) for part in command],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(base + probe, timeout=2)  # noqa: S310
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise
            time.sleep(0.1)
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
