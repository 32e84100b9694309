"""Pytest fixtures for the fake SSB server (devtools.fake_ssb).

Make them available to a test package by importing them in its conftest.py:

    from temaplan.statistics.tests.fake_server_fixtures import (  # noqa: F401
        fake_ssb, fake_ssb_server, klass_client, pxweb_client,
    )

- `fake_ssb_server` (session): one server for the whole run, reading `ssb_data` (so it skips,
  like the other data tests, when the shared folder is missing). Tables load on first use.
- `fake_ssb`: the same server, reset for this test (no requests logged, no faults queued, an
  empty rate-limit window) and driven by a fresh `FakeClock` at `fake_ssb.clock`.
- `pxweb_client` / `klass_client`: the real clients pointed at it, on the same fake clock, with
  a disk cache in the test's tmp_path, 2 retries and a 1 s backoff base.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.fake_ssb import FakeClock, FakeSsb
from temaplan.statistics.klass import KlassClient
from temaplan.statistics.pxweb import PxWebClient

_servers: dict[Path, FakeSsb] = {}


@pytest.fixture(scope="session")
def fake_ssb_server(ssb_data: Path) -> Iterator[FakeSsb]:
    # Shared by path, so importing these fixtures in two places still starts one server.
    server = _servers.get(ssb_data)
    if server is None:
        server = _servers[ssb_data] = FakeSsb(ssb_data).start()
    yield server
    if _servers.pop(ssb_data, None) is not None:
        server.stop()


@pytest.fixture
def fake_ssb(fake_ssb_server: FakeSsb) -> Iterator[FakeSsb]:
    fake_ssb_server.reset(clock=FakeClock())
    yield fake_ssb_server
    fake_ssb_server.reset()


@pytest.fixture
def pxweb_client(fake_ssb: FakeSsb, tmp_path: Path) -> Iterator[PxWebClient]:
    clock = fake_ssb.clock
    assert isinstance(clock, FakeClock)
    client = PxWebClient(
        fake_ssb.pxweb_url,
        cache_dir=tmp_path / "ssb-cache",
        timeout=10,
        retries=2,
        backoff=1.0,
        clock=clock,
        sleep=clock.sleep,
    )
    yield client
    client.close()


@pytest.fixture
def klass_client(fake_ssb: FakeSsb, tmp_path: Path) -> Iterator[KlassClient]:
    clock = fake_ssb.clock
    assert isinstance(clock, FakeClock)
    client = KlassClient(
        fake_ssb.klass_url,
        cache_dir=tmp_path / "ssb-cache",
        timeout=10,
        retries=2,
        backoff=1.0,
        clock=clock,
        sleep=clock.sleep,
    )
    yield client
    client.close()
