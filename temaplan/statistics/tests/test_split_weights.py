"""Split weights: population shares for clean splits, known weights for older codes.

Pure tests on the real KLASS history, and one through the store (the weights code_history()
uses come from the population stored for the new codes).
"""

from datetime import date
from pathlib import Path

import pytest

from temaplan.statistics.klass_data import changes_from_csv, history_from_files
from temaplan.statistics.regions import CodeHistory, Part
from temaplan.statistics.split_weights import (
    HARAM_2024_ORIGIN_WEIGHTS,
    known_split_weights,
    population_needed,
    population_split_weights,
    split_weights,
)

CHANGES_CSV = "regions/klass131_changes_2011_2024.csv"
CODES_AT = "regions/klass_131_codesAt_2026-01-01.json"
# 1 January 2024, the first count on the new borders (SSB, population_b2024).
ALESUND_2024, HARAM_2024 = 58_509, 9_357


@pytest.fixture(scope="module")
def history(ssb_data: Path):
    return history_from_files(ssb_data / CHANGES_CSV, ssb_data / CODES_AT)


@pytest.mark.parametrize(
    "old, year, clean",
    [
        ("1507", 2024, True),  # Ålesund → Ålesund + Haram: the new codes are its area alone
        ("1850", 2020, False),  # Tysfjord: its parts joined Narvik and Hamarøy
        ("5012", 2020, False),  # Snillfjord: parts joined Hitra, Orkland and Heim
        ("0720", 2017, False),  # Stokke: parts joined Tønsberg and Sandefjord
    ],
)
def test_a_split_is_clean_only_when_its_new_codes_hold_nothing_else(history, old, year, clean):
    splits = {(o, occurred.year): occurred for o, _news, occurred in history.splits()}
    assert history.is_clean_split(old, splits[(old, year)]) is clean


def test_only_the_clean_split_needs_population(history):
    assert population_needed(history) == {("1508", 2024), ("1580", 2024)}


@pytest.mark.parametrize(
    "population, expected",
    [
        (
            {("1508", 2024): ALESUND_2024, ("1580", 2024): HARAM_2024},
            {
                ("1507", "1508", 2024): ALESUND_2024 / (ALESUND_2024 + HARAM_2024),
                ("1507", "1580", 2024): HARAM_2024 / (ALESUND_2024 + HARAM_2024),
            },
        ),
        ({("1508", 2024): ALESUND_2024}, {}),  # one part unknown: no weight, equal shares
        ({("1508", 2024): ALESUND_2024, ("1580", 2024): None}, {}),
        ({("1508", 2024): 0, ("1580", 2024): 0}, {}),
        ({("1508", 2023): 1, ("1580", 2023): 1}, {}),  # the wrong year says nothing
    ],
)
def test_a_clean_split_is_weighted_by_the_new_codes_population(history, population, expected):
    assert population_split_weights(history, population) == pytest.approx(expected)


def test_the_weighted_history_gives_haram_its_share_of_alesund_2020_to_2023(history):
    weighted = history.with_split_weights(
        split_weights(history, {("1508", 2024): ALESUND_2024, ("1580", 2024): HARAM_2024})
    )
    share = HARAM_2024 / (ALESUND_2024 + HARAM_2024)
    assert weighted.predecessors("1580", 2022) == [Part("1507", pytest.approx(share), True)]
    # Before 2020 the known weights are exact: Haram is the old 1534 Haram, not a share.
    assert weighted.predecessors("1580", 2019) == [Part("1534", 1.0, False)]
    assert history.predecessors("1580", 2022) == [Part("1507", 0.5, True)]  # unchanged


def test_known_weights_apply_only_to_a_history_that_has_the_2024_split(history, ssb_data):
    assert known_split_weights(history) == HARAM_2024_ORIGIN_WEIGHTS
    with open(ssb_data / CHANGES_CSV, encoding="utf-8") as f:
        changes = changes_from_csv(f.read())
    before_2024 = [c for c in changes if c.occurred.year < 2024]
    as_of_2023 = CodeHistory(before_2024, history.valid_codes(2023), as_of=date(2023, 1, 1))
    assert known_split_weights(as_of_2023) == {}
    since_2020 = CodeHistory(changes, history.valid_codes(2026), since=date(2020, 1, 1))
    assert known_split_weights(since_2020) == {}
