"""Harmonising published counts to today's borders, on the real SSB data."""

import csv
import gzip
from datetime import date

import pytest

from temaplan.statistics.formulas import share_working_in_home_municipality
from temaplan.statistics.harmonise import harmonise_counts, harmonise_within, pairs_worth_keeping
from temaplan.statistics.klass_data import history_from_files

YEARS = range(2017, 2023)


@pytest.fixture(scope="module")
def history(ssb_data):
    regions = ssb_data / "regions"
    return history_from_files(
        regions / "klass131_changes_2011_2024.csv", regions / "klass_131_codesAt_2026-01-01.json"
    )


@pytest.fixture(scope="module")
def maps(history):
    return {year: history.harmonisation_map(year) for year in YEARS}


@pytest.fixture(scope="module")
def employment(ssb_data):
    """{content: {(code, year): value}} from the 11618 extract."""
    columns = ("employed_by_workplace", "employed_by_residence", "population_15_74_resident")
    data = {column: {} for column in columns}
    path = ssb_data / "employment_11618" / "employment_11618_15_74_2017_2022.csv"
    with open(path) as f:
        for row in csv.DictReader(f):
            for column in columns:
                data[column][(row["municipality"], int(row["year"]))] = float(row[column])
    return data


@pytest.fixture(scope="module")
def commuting_pairs(ssb_data, maps):
    """The 03321 cells worth keeping: the diagonal and pairs inside a later merger."""
    pairs = {}
    path = ssb_data / "commuting_03321" / "commuting_matrix_03321_2017_2022.csv.gz"
    with gzip.open(path, "rt") as f:
        for row in csv.DictReader(f):
            year = int(row["year"])
            home, work = row["home_municipality"], row["work_municipality"]
            if pairs_worth_keeping(home, work, maps[year]):
                pairs[(home, work, year)] = float(row["employed"])
    return pairs


def merged_in_2020(history):
    """Today's codes whose 2019 area was more than one municipality."""
    merged = {}
    for code in history.valid_codes(2024):
        parts = history.predecessors(code, 2019)
        if len(parts) > 1 and not any(part.is_split for part in parts):
            merged[code] = [part.code for part in parts]
    return merged


def test_every_municipality_merged_in_2020_sums_its_predecessors_jobs(history, maps, employment):
    merged = merged_in_2020(history)
    assert len(merged) >= 35
    assert sorted(merged["3203"]) == ["0220", "0627", "0628"]
    jobs = employment["employed_by_workplace"]
    harmonised = harmonise_counts(jobs, maps, YEARS)
    for code in merged:
        for year in (2017, 2018, 2019):
            parts = history.predecessors(code, year)
            expected = sum(jobs[(part.code, year)] for part in parts)
            assert harmonised.series(code)[year] == pytest.approx(expected), (code, year)


def test_asker_2020_to_2022_is_3025_renumbered(maps, employment):
    jobs = employment["employed_by_workplace"]
    harmonised = harmonise_counts(jobs, maps, YEARS)
    for year in (2020, 2021, 2022):
        assert harmonised.series("3203")[year] == jobs[("3025", year)]


def test_a_split_code_is_flagged(history):
    maps = {2023: history.harmonisation_map(2023)}
    harmonised = harmonise_counts({("1507", 2023): 100.0}, maps, [2023])
    assert ("1508", 2023) in harmonised.split and ("1580", 2023) in harmonised.split
    total = harmonised.series("1508")[2023] + harmonised.series("1580")[2023]
    assert total == pytest.approx(100.0)


def test_a_missing_predecessor_gives_no_value_rather_than_a_partial_sum(history):
    maps = {2019: history.harmonisation_map(2019)}
    published = {("0220", 2019): 100.0, ("0627", 2019): 50.0}  # 0628 Hurum missing
    assert harmonise_counts(published, maps, [2019]).series("3203")[2019] is None


# The plan's published share working in their own municipality (seed-plan.md), Asker.
PUBLISHED_SHARE = {2017: 41.9, 2018: 42.3, 2019: 41.4, 2020: 41.7}


def test_the_share_working_in_asker_matches_the_plan_within_a_tenth(
    maps, employment, commuting_pairs
):
    here = harmonise_within(commuting_pairs, maps, YEARS).series("3203")
    employed = harmonise_counts(employment["employed_by_residence"], maps, YEARS).series("3203")
    for year, published in PUBLISHED_SHARE.items():
        share = share_working_in_home_municipality(
            living_and_working_here=here, employed_residents=employed, year=year
        ).value
        assert share == pytest.approx(published, abs=0.1), (year, share)


def test_commuting_between_the_merged_predecessors_counts_as_working_at_home(maps, commuting_pairs):
    here = harmonise_within(commuting_pairs, maps, [2019]).series("3203")[2019]
    diagonal_only = sum(commuting_pairs[(c, c, 2019)] for c in ("0220", "0627", "0628"))
    between = sum(
        commuting_pairs[(a, b, 2019)]
        for a in ("0220", "0627", "0628")
        for b in ("0220", "0627", "0628")
        if a != b
    )
    assert between > 0
    assert here == pytest.approx(diagonal_only + between)


def test_counties_follow_the_2024_split_of_viken(history):
    assert history.county_of("3025", date(2022, 6, 1)) == "30"
    assert history.county_of("3203", date(2024, 6, 1)) == "32"
