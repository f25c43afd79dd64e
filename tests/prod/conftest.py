"""Real production components on loopback, one of each per test session: a redis-server
(stopped and started again by the outage tests) and moto's S3-compatible server. Each is
started on a free port in a temporary folder and stopped at the end; a missing binary or
package fails the test with what to install, never skips it."""

import shutil

import boto3
import pytest
from moto.server import ThreadedMotoServer

from bench.servers import Redis, free_port


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("These tests need redis-server: apt-get install redis-server (make test-deps).")
    server = Redis(binary=binary, folder=tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis(redis_server):
    """The session's redis-server, running and empty; started again if a test stopped it."""
    if redis_server.process is None:
        redis_server.start()
    yield redis_server
    if redis_server.process is None:
        redis_server.start()


@pytest.fixture(scope="session")
def s3_server():
    """moto's S3-compatible HTTP server on a free loopback port: ``(endpoint, boto3 client)``."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 (moto accepts any key)
    )
    yield endpoint, client
    server.stop()
