"""Where the real SSB data lives for tests: ../shared/data/ssb beside the repository.

It is read at run time and never copied into the repository. Tests that need it skip with a
clear reason when the folder is absent (CI always has it).
"""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SSB_DATA = Path(os.environ.get("TEMAPLAN_SSB_DATA", REPO.parent / "shared" / "data" / "ssb"))


@pytest.fixture(scope="session")
def ssb_data() -> Path:
    if not SSB_DATA.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI trenger SSB-dataene i {SSB_DATA}.")
        pytest.skip(f"SSB-dataene mangler i {SSB_DATA} (sett TEMAPLAN_SSB_DATA).")
    return SSB_DATA


# The local fake PxWebApi v2 + KLASS server and clients wired to it (real HTTP on loopback).
from temaplan.statistics.tests.fake_server_fixtures import (  # noqa: E402, F401
    fake_ssb,
    fake_ssb_server,
    klass_client,
    pxweb_client,
    served_names,
)

# The code history built once from the real KLASS files (history, changes, current_codes).
from temaplan.statistics.tests.regions_fixtures import (  # noqa: E402, F401
    changes,
    current_codes,
    history,
)
