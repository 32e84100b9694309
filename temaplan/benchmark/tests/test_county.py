"""County ranks from national ranks (pure): places, ties, and what a partial county says."""

from datetime import date

import pytest

from temaplan.benchmark.county import CountyRank, Ranked, county_ranks, sizes_from_codes

VIKEN_2021 = date(2021, 6, 1)
SIX = [
    Ranked("3025", "Asker", 11),
    Ranked("3024", "Bærum", 1),
    Ranked("3006", "Kongsberg", 8),
    Ranked("3033", "Ullensaker", 12),
    Ranked("3049", "Lier", 10),
    Ranked("3021", "Ås", 14),
]


@pytest.mark.parametrize(
    ("code", "rank", "text"),
    [
        ("3024", 1, "1. av de 6 kommunene i Viken vi har tall for"),
        ("3006", 2, "2. av de 6 kommunene i Viken vi har tall for"),
        ("3049", 3, "3. av de 6 kommunene i Viken vi har tall for"),
        ("3025", 4, "4. av de 6 kommunene i Viken vi har tall for"),
        ("3033", 5, "5. av de 6 kommunene i Viken vi har tall for"),
        ("3021", 6, "6. av de 6 kommunene i Viken vi har tall for"),
    ],
)
def test_six_municipalities_of_viken_are_ranked_among_themselves_and_say_so(code, rank, text):
    found = county_ranks(SIX, at=VIKEN_2021)[code]
    assert (found.rank, found.of, found.complete, found.text) == (rank, 6, False, text)


def test_a_county_whose_every_municipality_is_ranked_gives_the_full_county_rank():
    found = county_ranks(SIX, at=VIKEN_2021, county_sizes={"30": 6})["3025"]
    assert found.complete and found.text == "4. av 6 i Viken"


def test_a_county_with_more_municipalities_than_ranked_is_partial():
    found = county_ranks(SIX, at=VIKEN_2021, county_sizes={"30": 51})["3025"]
    assert not found.complete and found.county_size == 51


@pytest.mark.parametrize(
    ("national", "expected"),
    [
        ([1, 2, 3], [1, 2, 3]),
        ([5, 5, 7], [1, 1, 3]),  # a shared place; the next one is third
        ([9, 4, 4, 2], [4, 2, 2, 1]),
        ([100], [1]),
    ],
)
def test_ties_share_a_place_and_the_next_skips_it(national, expected):
    ranked = [Ranked(f"30{i:02}", f"K{i}", r) for i, r in enumerate(national)]
    found = county_ranks(ranked, at=VIKEN_2021)
    assert [found[r.code].rank for r in ranked] == expected


@pytest.mark.parametrize(
    ("code", "at", "county"),
    [
        ("0220", date(2019, 6, 1), "Akershus"),
        ("0626", date(2019, 6, 1), "Buskerud"),
        ("3025", date(2023, 6, 1), "Viken"),
        ("3203", date(2024, 6, 1), "Akershus"),
        ("3312", date(2024, 6, 1), "Buskerud"),
        ("5001", date(2021, 6, 1), "Trøndelag"),
    ],
)
def test_the_county_is_the_one_of_the_day_of_the_ranking(code, at, county):
    assert county_ranks([Ranked(code, "X", 1)], at=at)[code].county_name == county


def test_municipalities_in_different_counties_are_ranked_apart():
    found = county_ranks(
        [Ranked("3203", "Asker", 20), Ranked("3312", "Lier", 5), Ranked("3201", "Bærum", 2)],
        at=date(2024, 6, 1),
    )
    assert (found["3203"].rank, found["3203"].county_name) == (2, "Akershus")
    assert (found["3312"].rank, found["3312"].county_name) == (1, "Buskerud")


def test_county_sizes_are_counted_from_the_codes_of_the_day():
    assert sizes_from_codes(["3201", "3203", "3312", "0301"]) == {"32": 2, "33": 1, "03": 1}


def test_a_county_rank_is_plain_data():
    rank = county_ranks(SIX[:1], at=VIKEN_2021)["3025"]
    assert isinstance(rank, CountyRank) and rank.national_rank == 11


def test_a_single_municipality_of_a_county_is_the_only_one_we_have_figures_for():
    found = county_ranks([Ranked("0220", "Asker", 12)], at=date(2018, 6, 1))["0220"]
    assert found.text == "den eneste kommunen i Akershus vi har tall for"


def test_a_number_from_another_era_s_county_is_named_as_such_not_a_crash():
    found = county_ranks([Ranked("3025", "Asker", 12)], at=date(2024, 6, 1))["3025"]
    assert found.county_name == "fylke 30 (fantes ikke på denne datoen)"
