"""`temaplan ssb import` and `temaplan ssb compute` on the real SSB files, end to end."""

import csv
import gzip
import io
import json

import pytest
from django.core.management import CommandError, call_command

from temaplan.statistics.models import ROW_TOTAL, SeriesValue
from temaplan.statistics.services import klass_snapshot_store


def run(*args) -> str:
    out = io.StringIO()
    call_command("ssb", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def region_history(db, ssb_data):
    """The KLASS bodies a sync would fetch, from the shared copies of them."""
    regions = ssb_data / "regions"
    with open(regions / "klass131_changes_2011_2024.csv", encoding="utf-8") as f:
        changes = list(csv.DictReader(f))
    codes = json.loads((regions / "klass_131_codesAt_2026-01-01.json").read_text())
    klass_snapshot_store(
        classification=131, kind="changes", parameters="2011-01-01/2026-01-01", body=changes
    )
    klass_snapshot_store(classification=131, kind="codesAt", parameters="2026-01-01", body=codes)


@pytest.fixture
def imported(region_history, ssb_data):
    population = ssb_data / "population_07459"
    files = [population / f"Personer{year}.csv" for year in (2019, 2020, 2021, 2022, 2023)]
    run("import", "--table", "07459", *map(str, files))
    run(
        "import",
        "--table",
        "11618",
        str(ssb_data / "employment_11618" / "employment_11618_15_74_2017_2022.csv"),
    )
    run(
        "import",
        "--table",
        "03321",
        str(ssb_data / "commuting_03321" / "commuting_matrix_03321_2017_2022.csv.gz"),
    )


def test_import_stores_values_as_published_and_again_changes_nothing(imported, ssb_data):
    # Population 1 January summed over single ages, under the code valid that year.
    value = SeriesValue.objects.get(table="07459", content="Personer1", region="0220", year=2019)
    assert value.value == 61523
    assert SeriesValue.objects.filter(table="07459", region="3025", year=2020).exists()
    # Of the 917,852 commuting cells only the diagonal and pairs inside a merger are kept.
    assert 2_000 < SeriesValue.objects.filter(table="03321").count() < 10_000
    pairs = SeriesValue.objects.filter(table="03321", year=2019)
    assert pairs.filter(region="0627", region2="0220").exists()
    assert not pairs.filter(region="0301", region2="0220").exists()
    again = run("import", "--table", "07459", str(ssb_data / "population_07459/Personer2020.csv"))
    assert "0 nye verdier" in again and "0 revidert" in again


def test_compute_gives_asker_s_share_working_at_home_as_in_the_plan(imported):
    rows = json.loads(
        run(
            "compute",
            "share_working_in_home_municipality",
            "--municipality",
            "3203",
            "--years",
            "2017-2020",
            "--format",
            "json",
        )
    )
    for row, published in zip(rows, [41.9, 42.3, 41.4, 41.7], strict=True):
        assert row["value"] == pytest.approx(published, abs=0.1), row
    table = run("compute", "population_growth_3y", "--municipality", "3203", "--years", "2022-2023")
    assert "Befolkningsvekst siste tre år, 3203" in table and "2023" in table


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["compute", "population_growth_3y", "--municipality", "3203", "--years", "tjue"],
            "«tjue» er ikke et årsintervall",
        ),
        (
            ["compute", "population_growth_3y", "--municipality", "0220"],
            "«0220» er ikke et gyldig kommunenummer i dag",
        ),
    ],
)
def test_bad_arguments_get_a_norwegian_message(region_history, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_compute_without_region_history_says_to_sync_first(db):
    with pytest.raises(CommandError, match="Kjør «temaplan ssb sync» først"):
        run("compute", "population_growth_3y", "--municipality", "3203")


def test_a_file_that_cannot_be_read_changes_nothing(region_history, tmp_path, ssb_data):
    good = ssb_data / "population_07459" / "Personer2020.csv"
    bad = tmp_path / "tull.csv"
    bad.write_bytes(b"\x00\x01ikke en statistikkfil")
    with pytest.raises(CommandError, match="Ingenting er importert"):
        run("import", "--table", "07459", str(good), str(bad))
    assert not SeriesValue.objects.exists()


ASKER_THEN = {2017: {"0220", "0627", "0628"}, 2018: {"0220", "0627", "0628"}}
ASKER_THEN |= {2019: {"0220", "0627", "0628"}, 2020: {"3025"}, 2021: {"3025"}, 2022: {"3025"}}


def commuting_by_hand(ssb_data):
    """From the shared 03321 file, without Temaplan's code: Asker's (on today's borders) row
    sums and the employed who live and work inside it, per year."""
    rows: dict[int, int] = {}
    within: dict[int, int] = {}
    path = ssb_data / "commuting_03321" / "commuting_matrix_03321_2017_2022.csv.gz"
    with gzip.open(path, "rt") as f:
        for record in csv.DictReader(f):
            year, home = int(record["year"]), record["home_municipality"]
            if home in ASKER_THEN[year]:
                rows[year] = rows.get(year, 0) + int(record["employed"])
                if record["work_municipality"] in ASKER_THEN[year]:
                    within[year] = within.get(year, 0) + int(record["employed"])
    return rows, within


def test_import_stores_each_home_municipality_s_row_sum_of_03321(imported, ssb_data):
    rows, _within = commuting_by_hand(ssb_data)
    stored = SeriesValue.objects.filter(table="03321", content="Sysselsatte", region2=ROW_TOTAL)
    by_year: dict[int, float] = {}
    for value in stored.filter(region__in={"0220", "0627", "0628", "3025"}):
        assert value.value is not None
        by_year[value.year] = by_year.get(value.year, 0) + value.value
    assert by_year == rows
    # Every municipality of every year has its row, 2019 included (Rindal under 1567 there).
    assert stored.filter(year=2019).count() == 422 and stored.filter(year=2020).count() == 356


def test_compute_with_the_row_total_denominator_divides_by_the_03321_row_sums(imported, ssb_data):
    rows, within = commuting_by_hand(ssb_data)
    args = ["compute", "share_working_in_home_municipality", "--municipality", "3203"]
    args += ["--years", "2017-2022", "--format", "json"]
    by_row_sum = json.loads(run(*args, "--option", "denominator=row_total"))
    by_residence = json.loads(run(*args))
    for row_sum, residence in zip(by_row_sum, by_residence, strict=True):
        year = row_sum["year"]
        assert row_sum["inputs"]["employed_residents"] == rows[year]
        assert row_sum["value"] == pytest.approx(100 * within[year] / rows[year], abs=1e-9)
        # 03321 leaves out a few hundred who work in pseudo-regions, so the share is higher.
        assert 0 < rows[year] < residence["inputs"]["employed_residents"] < rows[year] + 1000
        assert residence["value"] < row_sum["value"] < residence["value"] + 1


def test_a_file_with_part_of_each_row_gets_no_row_sums_and_says_why(region_history, tmp_path):
    part = tmp_path / "asker_pendling.csv"
    lines = ["year,home_municipality,work_municipality,employed"]
    lines += [f"2019,{h},{w},10" for h in ("0220", "0627") for w in ("0220", "0627", "0301")]
    part.write_text("\n".join(lines) + "\n")
    output = run("import", "--table", "03321", str(part))
    assert "Merk: Tabell 03321 2019: radsummer" in output
    assert "bostedskommune" not in output and "mangler som arbeidssted" in output
    assert SeriesValue.objects.filter(table="03321", region="0220", region2="0220").exists()
    assert not SeriesValue.objects.filter(region2=ROW_TOTAL).exists()


@pytest.mark.parametrize(
    "option, message",
    [
        ("denominator=tull", "«tull» er ikke et gyldig valg for «Nevner»"),
        ("farge=rød", "har ingen innstilling «farge»"),
        ("denominator", "«denominator» er ikke en formelinnstilling. Skriv NAVN=VERDI"),
    ],
)
def test_a_bad_formula_option_gets_a_norwegian_message(region_history, option, message):
    with pytest.raises(CommandError, match=message):
        run(
            "compute",
            "share_working_in_home_municipality",
            "--municipality",
            "3203",
            "--option",
            option,
        )


def jobs_by_hand(ssb_data, code, year):
    with open(ssb_data / "employment_11618" / "employment_11618_15_74_2017_2022.csv") as f:
        for row in csv.DictReader(f):
            if row["municipality"] == code and int(row["year"]) == year:
                return float(row["employed_by_workplace"])
    raise KeyError((code, year))


def test_haram_gets_its_population_share_of_alesund_once_the_2024_population_is_stored(
    imported, ssb_data
):
    from temaplan.statistics.compute import formula_values
    from temaplan.statistics.store import series_store

    def haram_jobs(year):
        (value,) = formula_values("employment_rate_by_workplace", codes=["1580"], years=[year])[
            "1580"
        ]
        return value.inputs["jobs_by_workplace"]

    alesund_2022 = jobs_by_hand(ssb_data, "1507", 2022)
    # 2019 and earlier: the new Haram is the old 1534 Haram (known weights), exactly.
    assert haram_jobs(2019) == jobs_by_hand(ssb_data, "1534", 2019)
    # 2020–2023 were published for 1507 as a whole: equal shares until the split is weighed.
    assert haram_jobs(2022) == pytest.approx(alesund_2022 / 2)
    # Population 1 January 2024 on the new borders, as a sync of 07459 stores it.
    series_store(
        table="07459",
        content="Personer1",
        cells=[("1508", "", 2024, 58_509.0, ""), ("1580", "", 2024, 9_357.0, "")],
        vintage="test",
    )
    assert haram_jobs(2022) == pytest.approx(alesund_2022 * 9_357 / (58_509 + 9_357))
    assert haram_jobs(2019) == jobs_by_hand(ssb_data, "1534", 2019)
