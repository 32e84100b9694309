"""Municipality code history from the real KLASS changes. Pure: no database.

The history is built from the shared SSB folder (read at run time) and checked against the other
real files there: the codes SSB actually published each year (tables 11618, 03321, 07459), SSB's
b2024 crosswalk, the 2024 renumbering list and the 2024 county hierarchy.
"""

import ast
import csv
import gzip
import io
import json
import math
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from temaplan.statistics.regions import (
    BAD_SPLIT_KEY,
    HARAM_2024_ORIGIN_WEIGHTS,
    MISSING_COLUMN,
    MISSING_FIELD,
    CodeChange,
    CodeHistory,
    Part,
    changes_from_csv,
    changes_from_klass,
    counties_at,
    county_name,
    history_from_files,
)

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


# --- parsing ------------------------------------------------------------------------------------


def test_klass_json_and_csv_give_the_same_changes(ssb_data, changes):
    body = ast.literal_eval((ssb_data / CHANGES_PYLITERAL).read_text(encoding="utf-8"))
    assert changes_from_klass(body) == changes
    assert changes_from_klass({"codeChanges": body}) == changes
    assert len(changes) == 516


def test_a_change_is_parsed_with_its_names(changes):
    assert CodeChange(date(2024, 1, 1), "3025", "Asker", "3203", "Asker") in changes


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            [{"oldCode": "0220", "newCode": "3025"}],
            MISSING_FIELD.format(row=1, field="changeOccurred"),
        ),
        (
            [{"oldCode": "0220", "newCode": "", "changeOccurred": "2020-01-01"}],
            MISSING_FIELD.format(row=1, field="newCode"),
        ),
        ([{"oldCode": "0220", "newCode": "3025", "changeOccurred": "1. jan"}], "ikke en dato"),
        ({"codes": []}, "codeChanges"),
    ],
)
def test_bad_klass_bodies_are_refused(body, message):
    with pytest.raises(ValueError, match=message):
        changes_from_klass(body)


def test_a_csv_without_a_needed_column_is_refused():
    with pytest.raises(ValueError) as error:
        changes_from_csv("changeOccurred,oldCode,newCode,newName\n")
    assert str(error.value) == MISSING_COLUMN.format(column="oldName")


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
