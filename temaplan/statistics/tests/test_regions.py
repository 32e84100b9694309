"""Municipality code history from the real KLASS changes. Pure: no database.

The history is built from the shared SSB folder (read at run time). Its checks against the other
real files there are in test_regions_published.py; counties in test_counties.py; reading KLASS
bodies in test_klass_data.py.
"""

import csv
import math
from collections import defaultdict
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from temaplan.statistics.regions import BAD_SPLIT_KEY, CodeHistory, Part
from temaplan.statistics.split_weights import HARAM_2024_ORIGIN_WEIGHTS
from temaplan.statistics.tests.regions_fixtures import (
    EMPLOYMENT,
    codes,
    population_2015_2018,
    population_b2024,
)

# --- predecessors across reforms --------------------------------------------------------------

ASKER = {"0220", "0627", "0628"}  # Asker, Røyken, Hurum


@pytest.mark.parametrize(
    ("code", "year", "expected"),
    [
        *[("3203", year, ASKER) for year in (2017, 2018, 2019)],
        *[("3203", year, {"3025"}) for year in (2020, 2021, 2022, 2023)],
        *[("3203", year, {"3203"}) for year in (2024, 2025, 2026)],
        ("3201", 2019, {"0219"}),  # Bærum
        ("3201", 2022, {"3024"}),
        ("3201", 2024, {"3201"}),
        ("3312", 2019, {"0626"}),  # Lier
        ("3312", 2020, {"3049"}),
        ("3303", 2019, {"0604"}),  # Kongsberg
        ("3303", 2023, {"3006"}),
        ("3209", 2019, {"0235"}),  # Ullensaker
        ("3209", 2021, {"3033"}),
        ("3218", 2019, {"0214"}),  # Ås
        ("3218", 2020, {"3021"}),
        ("5001", 2017, {"1601", "1662"}),  # Trondheim + Klæbu, before the 2018 renumbering
        ("5001", 2018, {"5001", "5030"}),
        ("5001", 2020, {"5001"}),
        ("5054", 2017, {"1624", "1718"}),  # Indre Fosen = Rissa + Leksvik (2018)
        ("5061", 2018, {"1567"}),  # Rindal moved to Trøndelag in 2019
        ("5061", 2019, {"5061"}),
        ("3905", 2016, {"0704", "0716", "0720"}),  # Tønsberg + Re (2020) + part of Stokke (2017)
        ("3907", 2016, {"0706", "0719", "0720"}),  # Sandefjord + Andebu + Stokke
        ("5053", 2011, {"1723", "1729"}),  # Inderøy: Mosvik + Inderøy (2012), 5053 from 2018
        ("5053", 2012, {"1756"}),
        ("0301", 2011, {"0301"}),  # Oslo never changed
        ("1101", 2019, {"1101"}),  # Eigersund never changed
        ("5025", 2022, {"5025"}),  # Røros: renamed in 2023, same code
        ("1833", 2023, {"1833"}),  # Rana: renamed in 2024, same code
    ],
)
def test_predecessors_compose_across_reforms(history, code, year, expected):
    assert codes(history.predecessors(code, year)) == expected


@pytest.mark.parametrize(
    ("code", "year", "at", "expected"),
    [
        ("3025", 2019, date(2022, 6, 1), ASKER),
        ("3025", 2020, date(2023, 12, 31), {"3025"}),
        ("5001", 2017, date(2018, 1, 1), {"1601"}),
        ("0220", 2017, date(2019, 12, 31), {"0220"}),
    ],
)
def test_predecessors_at_an_earlier_date(history, code, year, at, expected):
    assert codes(history.predecessors(code, year, at=at)) == expected


def test_merged_codes_pass_on_their_whole_area(history):
    assert history.predecessors("3203", 2019) == [
        Part("0220", 1.0, False),
        Part("0627", 1.0, False),
        Part("0628", 1.0, False),
    ]


@pytest.mark.parametrize(
    ("code", "year", "expected"),
    [
        ("0220", 2019, {"3203"}),
        ("0627", 2017, {"3203"}),
        ("3025", 2023, {"3203"}),
        ("1601", 2017, {"5001"}),
        ("1567", 2018, {"5061"}),
        ("0301", 2011, {"0301"}),
        ("1507", 2023, {"1508", "1580"}),
        ("1850", 2019, {"1806", "1875"}),  # Tysfjord: split between Narvik and Hamarøy
        ("1613", 2017, {"5055", "5056", "5059"}),  # Snillfjord, via 5012 (2018), split 2020
    ],
)
def test_successors_follow_a_code_forward(history, code, year, expected):
    assert codes(history.successors(code, year)) == expected


# --- splits --------------------------------------------------------------------------------------


def test_alesund_2024_split_has_equal_placeholder_shares(history):
    assert history.successors("1507", 2023) == [Part("1508", 0.5, True), Part("1580", 0.5, True)]
    assert history.predecessors("1508", 2023) == [Part("1507", 0.5, True)]
    assert history.predecessors("1580", 2023) == [Part("1507", 0.5, True)]


@pytest.mark.parametrize(
    ("code", "year"),
    [("1507", 2020), ("1507", 2023), ("1850", 2019), ("5012", 2019), ("0720", 2016)],
)
def test_split_weights_sum_to_one_per_old_code(history, code, year):
    parts = history.successors(code, year)
    assert len(parts) > 1
    assert all(part.is_split for part in parts)
    assert math.isclose(sum(part.weight for part in parts), 1.0)


def test_split_weights_can_come_from_population_shares(changes, history):
    shares = {("1507", "1508", 2024): 57.7 / 67.1, ("1507", "1580", 2024): 9.4 / 67.1}
    weighted = CodeHistory(changes, history.valid_codes(2026), split_weights=shares)
    assert weighted.predecessors("1580", 2022) == [Part("1507", 9.4 / 67.1, True)]
    assert weighted.successors("1507", 2023)[0] == Part("1508", 57.7 / 67.1, True)
    # Origins before 2020 go through 1507 and so get the same split.
    assert codes(weighted.predecessors("1580", 2019)) == {"1504", "1523", "1529", "1534", "1546"}


def test_haram_2024_is_the_haram_of_2019(changes, history, ssb_data):
    exact = CodeHistory(changes, history.valid_codes(2026), split_weights=HARAM_2024_ORIGIN_WEIGHTS)
    assert exact.predecessors("1580", 2019) == [Part("1534", 1.0, False)]
    assert codes(exact.predecessors("1508", 2019)) == {"1504", "1523", "1529", "1546"}
    assert exact.predecessors("1508", 2023) == [Part("1507", 0.5, True)]  # still a placeholder
    # The data agree: 1534 Haram on 1 January 2018 and 1580 Haram on 1 January 2024.
    haram_2018 = population_2015_2018(ssb_data)["1534"][2018]
    haram_2024 = population_b2024(ssb_data)[("1580", 2024)]
    sandoy_2018 = population_2015_2018(ssb_data)["1546"][2018]
    assert abs(haram_2024 - haram_2018) < sandoy_2018 / 10


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({("1507", "1508", 2024): 0.6, ("1507", "1580", 2024): 0.6}, "summerer til"),
        ({("1507", "1508", 2024): 1.0}, "passer ikke"),
        ({("0220", "3025", 2020): 1.0}, "passer ikke"),
        ({("1507", "1508", 2023): 0.5, ("1507", "1580", 2023): 0.5}, "passer ikke"),
    ],
)
def test_bad_split_weights_are_refused(changes, history, weights, message):
    with pytest.raises(ValueError, match=message):
        CodeHistory(changes, history.valid_codes(2026), split_weights=weights)


def test_the_bad_split_key_message_names_the_key(changes, history):
    weights = {("0220", "3025", 2020): 1.0}
    with pytest.raises(ValueError) as error:
        CodeHistory(changes, history.valid_codes(2026), split_weights=weights)
    assert str(error.value) == BAD_SPLIT_KEY.format(key=("0220", "3025", 2020))


# --- harmonisation ------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2011, 2016, 2017, 2019, 2020, 2023, 2024])
def test_harmonisation_map_sums_back_to_one(history, year):
    mapping = history.harmonisation_map(year)
    assert set(mapping) == history.valid_codes(year)
    today = history.valid_codes(2026)
    for code, targets in mapping.items():
        assert math.isclose(sum(weight for _, weight, _ in targets), 1.0), code
        assert {target for target, _, _ in targets} <= today, code
    assert {target for targets in mapping.values() for target, _, _ in targets} == today


@pytest.mark.parametrize("year", range(2017, 2023))
def test_harmonised_jobs_keep_the_national_total(history, ssb_data, year):
    jobs: dict[str, float] = {}
    with open(ssb_data / EMPLOYMENT, encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if int(row["year"]) == year:
                jobs[row["municipality"]] = float(row["employed_by_workplace"])
    if year == 2019:  # Rindal: zeros under its old code 1567 (see above)
        assert jobs.pop("1567") == 0.0
        jobs["5061"] = 0.0
    harmonised: dict[str, float] = defaultdict(float)
    for code, targets in history.harmonisation_map(year).items():
        for target, weight, _ in targets:
            harmonised[target] += jobs[code] * weight
    assert math.isclose(sum(harmonised.values()), sum(jobs.values()))
    asker_then = ASKER if year < 2020 else {"3025"}
    assert harmonised["3203"] == sum(jobs[code] for code in asker_then)


def test_harmonisation_map_to_earlier_borders(history):
    mapping = history.harmonisation_map(2019, at=date(2023, 1, 1))
    assert mapping["0627"] == [("3025", 1.0, False)]
    assert mapping["1534"] == [("1507", 1.0, False)]


# --- bad questions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda h: h.predecessors("3025", 2019), "3025 fantes ikke 2026-01-01"),
        (lambda h: h.predecessors("3203", 2019, at=date(2023, 1, 1)), "3203 fantes ikke"),
        (lambda h: h.predecessors("3203", 2010), "begynner 2011-01-01"),
        (lambda h: h.predecessors("3025", 2024, at=date(2023, 1, 1)), "successors"),
        (lambda h: h.successors("3203", 2019), "3203 fantes ikke 2019-01-01"),
        (lambda h: h.valid_codes(2005), "for tidlig"),
        (lambda h: h.counties_of("0000", date(2020, 1, 1)), "ukjent"),
    ],
)
def test_bad_questions_get_clear_answers(history, call, message):
    with pytest.raises(ValueError, match=message):
        call(history)


def test_a_code_list_that_does_not_fit_the_changes_is_refused(changes, history):
    with pytest.raises(ValueError, match="3203 skulle finnes etter 2024-01-01"):
        CodeHistory(changes, history.valid_codes(2026) - {"3203"})


def test_without_a_code_list_mapping_still_works(changes):
    bare = CodeHistory(changes)
    assert bare.as_of == date(2024, 1, 1)
    assert codes(bare.predecessors("3203", 2019)) == ASKER
    assert bare.predecessors("0301", 2015) == [Part("0301", 1.0, False)]
    with pytest.raises(ValueError, match="uten dagens kodeliste"):
        bare.valid_codes(2020)


# --- properties ---------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(data=st.data(), year=st.integers(min_value=2011, max_value=2026))
def test_predecessors_and_successors_agree(history, current_codes, data, year):
    code = data.draw(st.sampled_from(current_codes))
    parts = history.predecessors(code, year)
    assert parts
    assert codes(parts) <= history.valid_codes(year)
    for part in parts:
        forward = {p.code: p for p in history.successors(part.code, year)}
        assert code in forward
        assert math.isclose(forward[code].weight, part.weight)
        assert forward[code].is_split == part.is_split
        if not part.is_split:
            assert part.weight == 1.0 and set(forward) == {code}
