"""A real Redis server for the cache tests (fixture ``redis_cache``), started by the tests on a
port of their own, as the SMTP server and the OpenID Connect provider are: the cache of computed
figures is tested against the server an installation with several app servers runs.

Outside CI the tests skip, saying so, on a machine without ``redis-server``; in CI (``CI`` set, as
``.ci/run`` does, which installs it) a missing server fails the run instead.
"""

import os
import shutil
import subprocess
import tempfile
import time

import pytest
import redis

from tests.smtp import free_port


class RedisServer:
    def __init__(self, binary: str):
        self.port = free_port()
        self.directory = tempfile.mkdtemp(prefix="redis-")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", self.directory],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.url = f"redis://127.0.0.1:{self.port}/0"
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server start niet")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.directory, ignore_errors=True)


@pytest.fixture(scope="session")
def _redis_server():
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server ontbreekt: de cachetests tegen Redis worden overgeslagen"
        if os.environ.get("CI"):
            pytest.fail(message + " (in CI moeten ze draaien)", pytrace=False)
        pytest.skip(message)
    server = RedisServer(binary)
    yield server
    server.stop()


@pytest.fixture
def redis_cache(_redis_server, settings):
    """Django's cache on the real Redis server, emptied before the test."""
    redis.Redis.from_url(_redis_server.url).flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_server.url,
        }
    }
    return _redis_server
