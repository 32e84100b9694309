"""StatBank CSV files downloaded by hand (statbank_csv): the 07459 exports (each shaped
differently) and tidy CSVs. Totals below were checked by hand with awk on the raw files."""

from __future__ import annotations

import re

import numpy as np
import pytest

from temaplan.statistics.statbank_csv import Table, read_csv_export
from temaplan.statistics.statbank_text import StatbankFileError

POPULATION = "population_07459"


def total(table: Table, code: str, year: int, **where: str) -> float:
    mask = (table["region_code"] == code) & (table["year"] == year)
    for column, value in where.items():
        mask &= table[column] == value
    return float(table["value"][mask].sum())


# ----------------------------------------------------------------------------------------------
# The real 07459 exports


@pytest.mark.parametrize(
    ("name", "rows", "encoding", "separator", "titled", "first", "columns"),
    [
        (
            "Personer2015-2018.csv",
            50_456 * 4,
            "cp1252",
            "\t",
            False,
            ("0101", "Halden", "0 years", 2015, 306),
            ["region_code", "region_name", "age", "contents", "year", "value"],
        ),
        (
            "Personer2019.csv",
            44_838,
            "utf-8",
            ",",
            False,
            ("0101", "Halden", "0 years", 2019, 245),
            ["region_code", "region_name", "age", "contents", "year", "value"],
        ),
        (
            "Personer2020.csv",
            38_054,
            "cp1252",
            "\t",
            False,
            ("3001", "Halden", "0 years", 2020, 256),
            ["region_code", "region_name", "age", "contents", "year", "value"],
        ),
        (
            "Personer2021.csv",
            38_054,
            "cp1252",
            ";",
            True,
            ("3001", "Halden", "0 years", 2021, 253),
            ["region_code", "region_name", "age", "contents", "year", "value"],
        ),
        (
            "Personer2022.csv",
            38_054,
            "cp1252",
            ";",
            True,
            ("3001", "Halden", "0 years", 2022, 266),
            ["region_code", "region_name", "age", "contents", "year", "value"],
        ),
        (
            "Personer2023.csv",
            38_054,
            "cp1252",
            ";",
            True,
            ("3001", "Halden", "0 years", 2023, 236),
            ["region_code", "region_name", "age", "contents", "year", "value"],
        ),
        (
            "norway_population_by_age_sex_2023.csv",
            38_054 * 2,
            "cp1252",
            ";",
            True,
            ("3001", "Halden", "0 years", 2023, 127),
            ["region_code", "region_name", "age", "contents", "sex", "year", "value"],
        ),
    ],
)
def test_every_07459_export_reads(
    ssb_data, name, rows, encoding, separator, titled, first, columns
):
    table = read_csv_export((ssb_data / POPULATION / name).read_bytes())
    assert len(table) == rows
    assert table.names == columns
    assert (table.encoding, table.separator) == (encoding, separator)
    assert (table.title is not None) == titled
    assert {len(col) for col in table.columns.values()} == {rows}
    row = tuple(table[c][0] for c in ("region_code", "region_name", "age", "year", "value"))
    assert row == first
    assert set(table["contents"]) == {"Persons"}
    assert not np.isnan(table["value"]).any() and table.status == {}


def test_all_07459_files_are_covered(ssb_data):
    names = {p.name for p in (ssb_data / POPULATION).glob("*.csv")}
    assert names == {
        "Personer2015-2018.csv",
        "Personer2019.csv",
        "Personer2020.csv",
        "Personer2021.csv",
        "Personer2022.csv",
        "Personer2023.csv",
        "norway_population_by_age_sex_2023.csv",
    }


@pytest.mark.parametrize(
    ("name", "code", "year", "expected"),
    [
        # awk -F, '$1 ~ /^0220 /{s+=$3} END{print s}' Personer2019.csv
        ("Personer2019.csv", "0220", 2019, 61_523),
        ("Personer2015-2018.csv", "0220", 2015, 59_571),
        ("Personer2015-2018.csv", "0220", 2018, 60_926),
        ("Personer2020.csv", "3025", 2020, 94_441),
        ("Personer2023.csv", "3025", 2023, 97_784),
        # 5001 Trondheim exists from 2018: the export gives 0, not a symbol, for earlier years
        ("Personer2015-2018.csv", "5001", 2017, 0),
        ("Personer2015-2018.csv", "5001", 2018, 193_501),
    ],
)
def test_population_summed_over_ages_matches_the_file(ssb_data, name, code, year, expected):
    table = read_csv_export((ssb_data / POPULATION / name).read_bytes())
    assert total(table, code, year) == expected
    assert ((table["region_code"] == code) & (table["year"] == year)).sum() == 106  # ages 0-105+


def test_sex_split_adds_up_to_the_total(ssb_data):
    by_sex = read_csv_export(
        (ssb_data / POPULATION / "norway_population_by_age_sex_2023.csv").read_bytes()
    )
    assert total(by_sex, "3025", 2023, sex="Males") == 48_978
    assert total(by_sex, "3025", 2023, sex="Females") == 48_806
    both = read_csv_export((ssb_data / POPULATION / "Personer2023.csv").read_bytes())
    assert total(by_sex, "3025", 2023) == total(both, "3025", 2023)


def test_k_prefixed_labels_give_the_code_and_pseudo_regions_keep_theirs(ssb_data):
    table = read_csv_export((ssb_data / POPULATION / "Personer2020.csv").read_bytes())
    codes = set(table["region_code"])
    assert "3001" in codes and "K-3001" not in codes
    assert {"21-22", "23", "Rest"} <= codes
    municipalities = {c for c in codes if re.fullmatch(r"\d{4}", c)}
    assert len(municipalities) == 356
    names = dict(zip(table["region_code"], table["region_name"], strict=True))
    assert names["3001"] == "Halden" and names["21-22"] == "Svalbard and Jan Mayen"
    assert names["3020"] == "Nordre Follo" and names["5401"].startswith("Troms")


def test_iso_8859_1_names_are_decoded(ssb_data):
    table = read_csv_export((ssb_data / POPULATION / "Personer2015-2018.csv").read_bytes())
    names = dict(zip(table["region_code"], table["region_name"], strict=True))
    assert names["2030"] == "Sør-Varanger" and names["0627"] == "Røyken"


def test_a_file_saved_with_lost_letters_is_read_with_a_warning(ssb_data):
    table = read_csv_export((ssb_data / POPULATION / "Personer2019.csv").read_bytes())
    names = dict(zip(table["region_code"], table["region_name"], strict=True))
    assert names["2030"] == "S\ufffdr-Varanger"  # the file itself has U+FFFD for ø
    assert any("erstatningstegn" in w for w in table.warnings)


# ----------------------------------------------------------------------------------------------
# Hand-made exports: every variation StatBank writes


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(
            _csv(
                '"region";"age";"Personer 2020";"Personer 2021"\r\n'
                '"K-3025 Asker";"0 år";900;910\r\n"K-3024 Bærum";"0 år";1200;1210\r\n'
            ),
            {
                "region_code": ["3025", "3025", "3024", "3024"],
                "year": [2020, 2021, 2020, 2021],
                "value": [900, 910, 1200, 1210],
                "region_name": ["Asker", "Asker", "Bærum", "Bærum"],
            },
            id="semicolon, CRLF, two years",
        ),
        pytest.param(
            b"\xef\xbb\xbf" + _csv("region,age,Persons 2019\n0219 B\u00e6rum,0 years,1300\n"),
            {"region_code": ["0219"], "region_name": ["Bærum"], "value": [1300]},
            id="UTF-8 with BOM",
        ),
        pytest.param(
            _csv(
                '"region"\t"age"\t"Personer 2020"\n"K-3021 \u00c5s"\t"0 \u00e5r"\t210\n', "latin-1"
            ),
            {"region_code": ["3021"], "region_name": ["Ås"], "age": ["0 år"]},
            id="ISO-8859-1, tab",
        ),
        pytest.param(
            _csv(
                '"07459: Befolkning, etter region, alder, statistikkvariabel og år"\n\n'
                '"region";"alder";"Personer 2021"\n"K-3025 Asker";"0 år";"."\n'
                '"K-3024 Bærum";"0 år";".."\n"K-3049 Lier";"0 år";":"\n'
                '"K-3030 Lillestrøm";"0 år";5\n'
            ),
            {
                "value": [np.nan, np.nan, np.nan, 5],
                "status": {0: ".", 1: "..", 2: ":"},
                "title": "07459: Befolkning, etter region, alder, statistikkvariabel og år",
            },
            id="title lines and symbols",
        ),
        pytest.param(
            _csv("region;Andel 2022K1;Andel 2022K2\nK-3025 Asker;41,7;42,1\n"),
            {"period": ["2022K1", "2022K2"], "value": [41.7, 42.1], "contents": ["Andel", "Andel"]},
            id="quarters and decimal comma",
        ),
        pytest.param(
            _csv('"region";"Personer 2023 Menn";"Personer 2023 Kvinner"\n"K-3025 Asker";10;11\n'),
            {"kategori": ["Menn", "Kvinner"], "year": [2023, 2023], "value": [10, 11]},
            id="a second heading dimension without a title",
        ),
        pytest.param(
            _csv('region,age,Persons 2019\n0220 Asker,0 years,5\n\n"Source: Statistics Norway"\n'),
            {"value": [5], "warnings": ["Fotnote: Source: Statistics Norway"]},
            id="footnote after the data",
        ),
        pytest.param(
            _csv("year,municipality,population,jobs\n2020,3025,94441,40000\n2021,3025,95332,.\n"),
            {
                "region_code": ["3025"] * 4,
                "contents": ["population", "jobs"] * 2,
                "year": [2020, 2020, 2021, 2021],
                "value": [94441, 40000, 95332, np.nan],
                "status": {3: "."},
            },
            id="tidy file with a year column",
        ),
    ],
)
def test_hand_made_exports(data, expected):
    table = read_csv_export(data)
    for key, want in expected.items():
        if key in ("status", "title", "warnings"):
            assert getattr(table, key) == want
        elif key == "value":
            np.testing.assert_array_equal(table["value"], np.array(want, dtype=np.float64))
        else:
            assert table[key].tolist() == want


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Fant ingen overskriftslinje"),
        (b"bare tekst\nog mer tekst\n", "Fant ingen overskriftslinje"),
        (b"region;Personer 2020\n", "Fant ingen overskriftslinje"),
        (
            b"region;age;Personer 2020\nK-3025 Asker;0;5\nK-3024 B;0;6\nK-3049 Lier;0;7;8\n",
            "Linje 4 har 4 kolonner, men overskriften har 3",
        ),
        (
            b"region;age;Personer 2020\nK-3025 Asker;0;5\nK-3024 B;0;seks\n",
            "Linje 3, kolonne «Personer 2020»: «seks» er verken et tall eller et SSB-symbol",
        ),
        (b"region;age;kind\nK-3025 Asker;0;x\nK-3024 B;0;y\n", "Fant ingen årskolonne"),
        (b"\x1f\x8b\x08\x00broken", "gzip"),
    ],
)
def test_bad_csv_files_get_a_clear_error(data, message):
    with pytest.raises(StatbankFileError, match=re.escape(message)):
        read_csv_export(data)


# ----------------------------------------------------------------------------------------------
# The tidy CSVs in the shared folder


def test_the_11618_employment_file_reads_long(ssb_data):
    path = ssb_data / "employment_11618" / "employment_11618_15_74_2017_2022.csv"
    table = read_csv_export(path.read_bytes())
    assert len(table) == 2_338 * 3
    assert set(table["contents"]) == {
        "population_15_74_resident",
        "employed_by_workplace",
        "employed_by_residence",
    }
    assert total(table, "0101", 2017, contents="employed_by_workplace") == 12_565


def test_the_03321_commuting_matrix_reads_from_gzip(ssb_data):
    path = ssb_data / "commuting_03321" / "commuting_matrix_03321_2017_2022.csv.gz"
    table = read_csv_export(path.read_bytes())
    assert len(table) == 917_852
    assert table.names == [
        "region_code",
        "region_name",
        "work_municipality",
        "contents",
        "year",
        "value",
    ]
    halden = (table["region_code"] == "0101") & (table["work_municipality"] == "0101")
    assert table["value"][halden & (table["year"] == 2017)].tolist() == [9_798]
