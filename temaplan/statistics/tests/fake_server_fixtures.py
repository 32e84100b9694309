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
- `served_names`: runs a test twice, with the fake's own table names and with SSB-style ones
  (content codes and labels sources.py does not have, KOSTRA's KOKkommuneregion0000); a sync
  test suite marks itself with `pytest.mark.usefixtures("served_names")`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ServedNames:
    """The names the fake serves its tables under for one run of a sync test (see shapes)."""

    id: str
    shapes: dict[str, dict]  # table → FakeSsb.reshape arguments
    contents: dict[str, str]  # source name → the content code served for it

    def dimension(self, table: str, fake_id: str) -> str:
        """The id the fake's own dimension `fake_id` of `table` is served under."""
        return self.shapes.get(table, {}).get("dimension_ids", {}).get(fake_id, fake_id)


# The fake's own names (those sources.py was written against), and names of SSB's style that
# sources.py does not have: content codes of its own, labels as SSB writes them (table 11616),
# the region called KOKkommuneregion0000 as in KOSTRA's 12134, and, beyond 12134, the time
# dimension renamed too, so that only the roles `geo` and `time` can find them.
FAKES_OWN_NAMES = ServedNames(
    "the fake's own names",
    {},
    {
        "population_1_january": "Personer1",
        "jobs_by_workplace": "SysselsatteArbsted",
        "employed_residents": "SysselsatteBosted",
        "population_15_74": "Befolkning15_74",
        "living_and_working_here": "Sysselsatte",
        "employed_residents_in_03321": "Sysselsatte",
    },
)
SSB_STYLE_NAMES = ServedNames(
    "SSB-style names",
    {
        "11618": {
            "dimension_ids": {"Region": "KOKkommuneregion0000", "Tid": "Aargang"},
            "contents": [  # in the fake's order: by workplace, by residence, population
                ("SysselArbReg", "Sysselsatte personer med arbeidssted i regionen"),
                ("SysselBosReg", "Sysselsatte personer bosatt i regionen"),
                ("Personer1574", "Personer 15-74 år bosatt i regionen"),
            ],
        },
        "03321": {
            "dimension_ids": {"Bokommuen": "KOKbokommune0000", "ArbstedKomm": "KOKarbkommune0000"},
            "contents": [("SysselPers", "Sysselsatte personer 15-74 år")],
        },
        "07459": {
            "dimension_ids": {"Region": "KOKkommuneregion0000"},
            "contents": [("Folkemengde", "Befolkning 1. januar")],
        },
    },
    {
        "population_1_january": "Folkemengde",
        "jobs_by_workplace": "SysselArbReg",
        "employed_residents": "SysselBosReg",
        "population_15_74": "Personer1574",
        "living_and_working_here": "SysselPers",
        "employed_residents_in_03321": "SysselPers",
    },
)


@pytest.fixture(params=[FAKES_OWN_NAMES, SSB_STYLE_NAMES], ids=lambda names: names.id)
def served_names(request, fake_ssb: FakeSsb) -> ServedNames:
    """Run the test twice: the fake under its own names, and under SSB-style ones (undone by
    the `fake_ssb` fixture's reset)."""
    names: ServedNames = request.param
    for table, shape in names.shapes.items():
        fake_ssb.reshape(table, **shape)
    return names
