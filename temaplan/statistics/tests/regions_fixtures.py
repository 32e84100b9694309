"""The code history the region tests share: built once from the real KLASS files."""

import csv
import io
from collections import defaultdict
from pathlib import Path

import pytest

from temaplan.statistics.klass_data import changes_from_csv, history_from_files
from temaplan.statistics.regions import CodeChange, CodeHistory, Part

CHANGES_CSV = "regions/klass131_changes_2011_2024.csv"
CHANGES_PYLITERAL = "regions/klass131_changes_2011_2024.pyliteral.txt"
CODES_AT = "regions/klass_131_codesAt_2026-01-01.json"
EMPLOYMENT = "employment_11618/employment_11618_15_74_2017_2022.csv"
COMMUTING = "commuting_03321/commuting_matrix_03321_2017_2022.csv.gz"
POPULATION_2015_2018 = "population_07459/Personer2015-2018.csv"
POPULATION_B2024 = "population_b2024/population_total_b2024_2005_2026.csv"
CROSSWALK = "regions/redistricting_b2024.csv"
CODE_HISTORY = "regions/code-history.json"
HIERARCHY = "regions/hierarchy_municip_county_b2024.csv"


@pytest.fixture(scope="session")
def history(ssb_data: Path) -> CodeHistory:
    return history_from_files(ssb_data / CHANGES_CSV, ssb_data / CODES_AT)


@pytest.fixture(scope="session")
def changes(ssb_data: Path) -> list[CodeChange]:
    return changes_from_csv((ssb_data / CHANGES_CSV).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def current_codes(history: CodeHistory) -> list[str]:
    return sorted(history.valid_codes(2026))


def codes(parts: list[Part]) -> set[str]:
    return {part.code for part in parts}


def population_2015_2018(ssb_data) -> dict[str, dict[int, int]]:
    """Table 07459 export: "code name" × age, persons 2015–2018 (0 when the code did not exist)."""
    text = (ssb_data / POPULATION_2015_2018).read_text(encoding="iso-8859-1")
    totals: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    rows = csv.reader(io.StringIO(text), delimiter="\t")
    header = next(rows)
    years = [int(column.split()[-1]) for column in header[2:]]
    for row in rows:
        for year, value in zip(years, row[2:], strict=True):
            totals[row[0].split()[0]][year] += int(value)
    return totals


def population_b2024(ssb_data) -> dict[tuple[str, int], int]:
    with open(ssb_data / POPULATION_B2024, encoding="utf-8") as file:
        return {
            (row["location_code"].removeprefix("municip_nor"), int(row["calyear"])): int(
                row["pop_jan1_n"]
            )
            for row in csv.DictReader(file)
            if row["granularity_geo"] == "municip"
        }
