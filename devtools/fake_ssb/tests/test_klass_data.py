"""The fake's own reading of the KLASS files agrees with what the shared data README says."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from devtools.fake_ssb.common import DEFAULT_DATA_DIR
from devtools.fake_ssb.klass_data import KlassFiles, counties_on

DATA = Path(os.environ.get("TEMAPLAN_SSB_DATA", DEFAULT_DATA_DIR))


@pytest.fixture(scope="module")
def klass() -> KlassFiles:
    if not (DATA / "regions").is_dir():
        pytest.skip(f"SSB-dataene mangler i {DATA} (sett TEMAPLAN_SSB_DATA).")
    return KlassFiles(DATA / "regions")


@pytest.mark.parametrize(
    ("at", "count"), [(date(2017, 1, 1), 426), (date(2019, 1, 1), 422), (date(2020, 1, 1), 356)]
)
def test_codes_valid_on_a_date_have_the_readmes_counts(klass, at, count):
    assert len(klass.codes_on(at)) == count


def test_asker_is_followed_to_todays_code(klass):
    for old in ("0220", "0627", "0628"):
        assert klass.shares_today(old, date(2019, 1, 1)) == {"3203": 1.0}
    assert klass.shares_today("3025", date(2020, 1, 1)) == {"3203": 1.0}


def test_a_split_gives_equal_shares(klass):
    assert klass.shares_today("1507", date(2020, 1, 1)) == {"1508": 0.5, "1580": 0.5}


def test_names_follow_the_date(klass):
    assert klass.name_on("0220", date(2019, 1, 1)) == "Asker"
    assert klass.name_on("3203", date(2026, 1, 1)) == "Asker"


@pytest.mark.parametrize(("at", "count"), [(date(2017, 6, 1), 19), (date(2018, 1, 1), 18)])
def test_counties_by_era(at, count):
    assert len(counties_on(at)) == count
    assert len(counties_on(date(2020, 1, 1))) == 11 and len(counties_on(date(2024, 1, 1))) == 15
