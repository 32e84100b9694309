"""The code history checked against the other real SSB files: the codes SSB actually published
each year (tables 11618, 03321, 07459), SSB's b2024 crosswalk, the 2024 renumbering list and the
2024 county hierarchy. Pure: no database."""

import csv
import gzip
import io
import json
import math
from collections import defaultdict
from datetime import date

import pytest

from temaplan.statistics.counties import counties_at, county_name
from temaplan.statistics.tests.regions_fixtures import (
    CODE_HISTORY,
    COMMUTING,
    CROSSWALK,
    EMPLOYMENT,
    HIERARCHY,
    codes,
    population_2015_2018,
)

# --- valid codes per year ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "count"),
    [
        (2011, 430),
        (2012, 429),
        (2013, 428),
        (2016, 428),
        (2017, 426),
        (2018, 422),
        (2019, 422),
        (2020, 356),
        (2021, 356),
        (2022, 356),
        (2023, 356),
        (2024, 357),
        (2026, 357),
    ],
)
def test_number_of_valid_codes(history, year, count):
    assert len(history.valid_codes(year)) == count


def test_valid_codes_leave_out_unknown(history):
    assert "9999" not in history.valid_codes(2026)


@pytest.fixture(scope="session")
def employment_codes(ssb_data) -> dict[int, set[str]]:
    by_year: dict[int, set[str]] = defaultdict(set)
    with open(ssb_data / EMPLOYMENT, encoding="utf-8") as file:
        for row in csv.DictReader(file):
            by_year[int(row["year"])].add(row["municipality"])
    return by_year


@pytest.fixture(scope="session")
def commuting_codes(ssb_data) -> dict[int, set[str]]:
    by_year: dict[int, set[str]] = defaultdict(set)
    with gzip.open(ssb_data / COMMUTING, "rt", encoding="utf-8") as file:
        for row in csv.DictReader(file):
            codes = by_year[int(row["year"])]
            codes.add(row["home_municipality"])
            codes.add(row["work_municipality"])
    return by_year


RINDAL_2019 = {"1567", "5061"}


def test_rindal_2019_is_listed_under_its_old_code_with_zeros(history, employment_codes):
    """Tables 11618 and 03321 (as captured) give 2019 for 1567 Rindal, all zeros, and no 5061:
    Rindal moved to Trøndelag as 5061 on 2019-01-01 (KLASS, 07459 and the crosswalk agree)."""
    assert "1567" in history.valid_codes(2018)
    assert "5061" in history.valid_codes(2019)
    assert employment_codes[2019] ^ history.valid_codes(2019) == RINDAL_2019


def published_codes(codes: set[str], year: int) -> set[str]:
    """The codes a table should have used: the 2019 Rindal quirk put right."""
    return codes ^ RINDAL_2019 if year == 2019 else codes


@pytest.mark.parametrize("year", range(2017, 2023))
def test_valid_codes_are_the_codes_table_11618_was_published_with(history, employment_codes, year):
    assert published_codes(employment_codes[year], year) == history.valid_codes(year)


@pytest.mark.parametrize("year", range(2017, 2023))
def test_valid_codes_are_the_codes_table_03321_was_published_with(history, commuting_codes, year):
    assert published_codes(commuting_codes[year], year) == history.valid_codes(year)


def test_valid_codes_are_the_codes_with_people_in_table_07459_for_2019(history, ssb_data):
    text = (ssb_data / "population_07459/Personer2019.csv").read_text(encoding="utf-8")
    totals: dict[str, int] = defaultdict(int)
    for row in csv.DictReader(io.StringIO(text)):
        totals[row["region"].split()[0]] += int(row["Persons 2019"])
    assert {code for code, total in totals.items() if total} == history.valid_codes(2019)


@pytest.mark.parametrize("year", [2017, 2018])
def test_valid_codes_are_the_codes_with_people_in_table_07459(history, ssb_data, year):
    populated = {code for code, by_year in population_2015_2018(ssb_data).items() if by_year[year]}
    assert populated == history.valid_codes(year)


@pytest.mark.parametrize("year", [2015, 2016])
def test_the_07459_export_lacks_three_codes_of_2015_and_2016(history, ssb_data, year):
    """The export leaves out 0706 Sandefjord, 0719 Andebu and 0720 Stokke (merged 2017)."""
    populated = {code for code, by_year in population_2015_2018(ssb_data).items() if by_year[year]}
    assert history.valid_codes(year) - populated == {"0706", "0719", "0720"}
    assert populated <= history.valid_codes(year)


@pytest.mark.parametrize("year", range(2011, 2027))
def test_county_numbers_of_valid_codes_are_the_counties_of_the_year(history, year):
    numbers = {code[:2] for code in history.valid_codes(year)}
    assert numbers == set(counties_at(date(year, 1, 1)))


# --- cross-checks against other SSB files --------------------------------------------------------


@pytest.fixture(scope="session")
def crosswalk(ssb_data) -> dict[int, dict[str, dict[str, float]]]:
    """redistricting_b2024: year → original code → {2024 code: weight}, municipalities only."""
    by_year: dict[int, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
    with open(ssb_data / CROSSWALK, encoding="utf-8") as file:
        for row in csv.DictReader(file):
            if row["granularity_geo"] != "municip":
                continue
            original = row["location_code_original"].removeprefix("municip_nor")
            current = row["location_code_current"].removeprefix("municip_nor")
            by_year[int(row["calyear"])][original][current] = float(row["weighting"])
    return by_year


SNILLFJORD = {"5055": 0.35, "5056": 0.35, "5059": 0.3}  # the crosswalk's shares for 5012/1613


@pytest.mark.parametrize("year", range(2017, 2024))
def test_the_b2024_crosswalk_has_the_same_targets(history, crosswalk, year):
    mapping = history.harmonisation_map(year, at=date(2024, 1, 1))
    ours = {
        code: {target: weight for target, weight, _ in targets} for code, targets in mapping.items()
    }
    theirs = crosswalk[year]
    # 2023 is also listed with the 2024 codes (mapping to themselves); nothing else is extra.
    extra = set(theirs) - set(ours)
    assert extra == (
        history.valid_codes(2024) - history.valid_codes(2023) if year == 2023 else set()
    )
    assert all(theirs[code] == {code: 1.0} for code in extra)
    for code in ours:
        assert set(ours[code]) == set(theirs[code]), code
    differ = {
        code
        for code in ours
        if any(not math.isclose(ours[code][t], theirs[code][t]) for t in ours[code])
    }
    snillfjord = "1613" if year == 2017 else "5012"
    assert differ == ({snillfjord} if year < 2020 else set())
    if differ:
        assert theirs[snillfjord] == SNILLFJORD  # we give 1/3 each (KLASS has no shares)


def test_the_b2024_crosswalk_puts_all_of_stokke_in_sandefjord(history, crosswalk):
    """KLASS splits 0720 Stokke between Tønsberg and Sandefjord (2017); the crosswalk does not."""
    assert codes(history.successors("0720", 2016)) == {"3905", "3907"}
    assert crosswalk[2016]["0720"] == {"3907": 1.0}


def test_the_2024_renumbering_list_agrees(history, ssb_data):
    listed = json.loads((ssb_data / CODE_HISTORY).read_text(encoding="utf-8"))["endringer"]
    for new, entry in listed.items():
        old = {item["code"] for item in entry["oldCodes"]}
        assert codes(history.predecessors(new, 2023)) == old, new
    # The list holds only same-name renumberings; these three are the other 2024 changes.
    changed = {code for code in history.valid_codes(2024) - history.valid_codes(2023)}
    assert changed - set(listed) == {"1580", "3114", "5516"}


def test_counties_of_2024_match_the_hierarchy_file(history, ssb_data):
    with open(ssb_data / HIERARCHY, encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 357
    for row in rows:
        code = row["municip_code"].removeprefix("municip_nor")
        county = row["county_code"].removeprefix("county_nor")
        assert history.county_of(code, date(2024, 6, 1)) == county
        assert county_name(county, date(2024, 6, 1)) == row["county_name"].split("-")[0]
