"""Norway's counties (fylker) by era: numbers and names, as plain data.

The county number is the first two digits of the municipality number, in every era; the
counties themselves changed on 1 January 2018 (Trøndelag), 2020 and 2024. No Django import.
"""

from __future__ import annotations

from datetime import date

__all__ = ["COUNTY_NAMES", "counties_at", "county_name"]

UNKNOWN_COUNTY = "Fylkesnummer {number} fantes ikke {when}."

_COUNTIES_2018 = {
    "01": "Østfold",
    "02": "Akershus",
    "03": "Oslo",
    "04": "Hedmark",
    "05": "Oppland",
    "06": "Buskerud",
    "07": "Vestfold",
    "08": "Telemark",
    "09": "Aust-Agder",
    "10": "Vest-Agder",
    "11": "Rogaland",
    "12": "Hordaland",
    "14": "Sogn og Fjordane",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "19": "Troms",
    "20": "Finnmark",
    "50": "Trøndelag",
}
_COUNTIES_BEFORE_2018 = {
    **{k: v for k, v in _COUNTIES_2018.items() if k != "50"},
    "16": "Sør-Trøndelag",
    "17": "Nord-Trøndelag",
}
_COUNTIES_2020 = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "30": "Viken",
    "34": "Innlandet",
    "38": "Vestfold og Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "54": "Troms og Finnmark",
}
_COUNTIES_2024 = {
    "03": "Oslo",
    "11": "Rogaland",
    "15": "Møre og Romsdal",
    "18": "Nordland",
    "31": "Østfold",
    "32": "Akershus",
    "33": "Buskerud",
    "34": "Innlandet",
    "39": "Vestfold",
    "40": "Telemark",
    "42": "Agder",
    "46": "Vestland",
    "50": "Trøndelag",
    "55": "Troms",
    "56": "Finnmark",
}

#: County number → name, by the first day of each era (bokmål names without the Sami forms).
#: The first era is used here only from 2011, where the code history begins.
COUNTY_NAMES: dict[date, dict[str, str]] = {
    date.min: _COUNTIES_BEFORE_2018,
    date(2018, 1, 1): _COUNTIES_2018,
    date(2020, 1, 1): _COUNTIES_2020,
    date(2024, 1, 1): _COUNTIES_2024,
}


def counties_at(at: date) -> dict[str, str]:
    """The counties (number → name) that existed on `at`."""
    era = max(start for start in COUNTY_NAMES if start <= at)
    return COUNTY_NAMES[era]


def county_name(number: str, at: date) -> str:
    """The name of county `number` on `at`; `ValueError` if it did not exist then."""
    try:
        return counties_at(at)[number]
    except KeyError:
        raise ValueError(UNKNOWN_COUNTY.format(number=number, when=at.isoformat())) from None
