"""Counties: the county of a code at a date (regions.CodeHistory) and county names by era
(counties.py)."""

from datetime import date

import pytest

from temaplan.statistics.counties import county_name

# --- counties ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "at", "county"),
    [
        ("3025", date(2022, 6, 1), "30"),  # Viken
        ("3203", date(2024, 6, 1), "32"),  # Akershus
        ("0220", date(2019, 1, 1), "02"),
        ("0220", date(2022, 6, 1), "30"),  # an old code followed forward
        ("0220", date(2024, 6, 1), "32"),
        ("0628", date(2019, 12, 31), "06"),  # Hurum was in Buskerud
        ("3203", date(2020, 6, 1), "30"),  # a new code followed back
        ("3101", date(2023, 6, 1), "30"),  # Halden
        ("3101", date(2019, 6, 1), "01"),
        ("5501", date(2023, 6, 1), "54"),  # Tromsø
        ("5501", date(2019, 6, 1), "19"),
        ("1601", date(2017, 6, 1), "16"),
        ("1601", date(2018, 1, 1), "50"),
        ("1567", date(2018, 6, 1), "15"),  # Rindal, Møre og Romsdal until 2018
        ("1567", date(2019, 6, 1), "50"),
        ("5061", date(2018, 6, 1), "15"),
        ("1850", date(2022, 6, 1), "18"),  # a split code: both parts in Nordland
    ],
)
def test_county_of(history, code, at, county):
    assert history.county_of(code, at) == county


def test_asker_before_2020_spanned_two_counties(history):
    """Røyken and Hurum were in Buskerud (06), Asker in Akershus (02)."""
    assert history.counties_of("3203", date(2019, 6, 1)) == {"02", "06"}
    assert history.counties_of("3025", date(2019, 6, 1)) == {"02", "06"}
    with pytest.raises(ValueError, match="flere fylker"):
        history.county_of("3203", date(2019, 6, 1))


@pytest.mark.parametrize(
    ("number", "at", "name"),
    [
        ("16", date(2017, 6, 1), "Sør-Trøndelag"),
        ("50", date(2018, 1, 1), "Trøndelag"),
        ("02", date(2019, 12, 31), "Akershus"),
        ("30", date(2020, 1, 1), "Viken"),
        ("54", date(2023, 12, 31), "Troms og Finnmark"),
        ("32", date(2024, 1, 1), "Akershus"),
        ("56", date(2025, 6, 1), "Finnmark"),
    ],
)
def test_county_name(number, at, name):
    assert county_name(number, at) == name


@pytest.mark.parametrize(("number", "at"), [("30", date(2024, 1, 1)), ("32", date(2023, 12, 31))])
def test_county_name_of_a_county_that_did_not_exist(number, at):
    with pytest.raises(ValueError, match=f"Fylkesnummer {number} fantes ikke"):
        county_name(number, at)
