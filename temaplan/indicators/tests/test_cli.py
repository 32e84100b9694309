"""`temaplan indicators show|import|export` on the demo."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from temaplan.core.workbook import FILE_EMPTY, NOT_A_NUMBER, NOT_XLSX, REQUIRED, CellProblem
from temaplan.indicators import excel
from temaplan.indicators.excel import VALUES, workbook_bytes
from temaplan.indicators.management.commands.indicators import (
    CHOOSE_PLAN,
    FILE_NOT_FOUND,
    NO_MUNICIPALITY,
    NO_SUCH_PLAN,
    REJECTED,
    Command,
)
from temaplan.indicators.models import Observation
from temaplan.plans.services import plan_create
from temaplan.testing.workbooks import edited, put
from temaplan.testing.workbooks import indicators_snapshot as snapshot

# The slide (seed-plan.md): results 2017–2020, then ambitions 2021–2024.
SLIDE = {
    "nho-kommune-nm-rang": ([12, 12, 13, 11], [12, 12, 11, 10]),
    "nho-rang-i-fylket": ([5, 5, 5, 4], [4, 3, 3, 3]),
    "arbeidsplassvekst-av-befolkningsvekst": ([54, 130, 47, -101], [50, 50, 50, 50]),
    "andel-sysselsatt-i-egen-kommune": ([41.9, 42.3, 41.4, 41.7], [41.4, 42.0, 42.5, 43.0]),
    "omdisponert-dyrket-mark": ([23, 260, 90, None], [15, 15, 15, 15]),
}
RESULT_YEARS, AMBITION_YEARS = [2017, 2018, 2019, 2020], [2021, 2022, 2023, 2024]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("indicators", *args, stdout=out)
    return out.getvalue()


def test_show_as_json_gives_every_number_of_the_slide(demo):
    shown = json.loads(run("show", "--municipality", "3203", "--format", "json"))
    assert [indicator["key"] for indicator in shown] == list(SLIDE)
    for indicator in shown:
        results, ambitions = SLIDE[indicator["key"]]
        years = {year["year"]: year for year in indicator["years"]}
        assert [years[y]["value"] for y in RESULT_YEARS] == results
        assert [years[y]["target"] for y in AMBITION_YEARS] == ambitions
        for year in indicator["years"]:
            assert set(year) >= {"year", "value", "provisional", "target", "status", "reason"}
            assert not isinstance(year["value"], str) and not isinstance(year["target"], str)
    share = shown[3]
    assert (share["unit"], share["source"]) == ("percent", "ssb")
    assert share["years"][3] == {
        "year": 2020,
        "value": 41.7,
        "provisional": False,
        "target": None,
        "target_text": "",
        "measured_against": "høyere enn året før (langsiktig mål)",
        "status": "green",
        "reason": "41,7\u00a0%, ambisjon høyere enn året før (41,4\u00a0%): grønn.",
    }


def test_show_as_json_is_utf8_not_escaped(demo):
    output = run("show", "--municipality", "3203", "--format", "json")
    assert "Være blant topp 10" in output and "\\u" not in output


def test_show_as_a_table_writes_figures_the_norwegian_way(demo):
    output = run("show", "--municipality", "3203")
    assert "Temaplan næring 2020–2032" in output
    assert "Andelen av innbyggerne som er sysselsatt i egen kommune" in output
    assert "41,7\u00a0%" in output and "−101\u00a0%" in output
    assert "enhet plassering, kilde NHO" in output


def test_show_as_csv_has_a_row_per_indicator_and_year(demo):
    rows = list(
        csv.DictReader(io.StringIO(run("show", "--municipality", "3203", "--format", "csv")))
    )
    assert len(rows) == 5 * 8
    share_2020 = next(
        row
        for row in rows
        if row["key"] == "andel-sysselsatt-i-egen-kommune" and row["year"] == "2020"
    )
    assert (share_2020["value"], share_2020["status"], share_2020["provisional"]) == (
        "41.7",
        "green",
        "nei",
    )


def test_export_then_import_through_the_command_changes_nothing(asker_plan, tmp_path):
    path = tmp_path / "asker.xlsx"
    assert "Skrev 5 indikatorer" in run("export", str(path), "--municipality", "3203")
    assert path.read_bytes() == workbook_bytes(asker_plan)
    before = snapshot()
    output = run("import", str(path), "--municipality", "3203")
    assert "Indikatorer: 0 nye, 0 endret, 5 uendret." in output
    assert snapshot() == before


def test_import_through_the_command_saves_the_changes(asker_plan, tmp_path):
    path = tmp_path / "asker.xlsx"
    path.write_bytes(edited(workbook_bytes(asker_plan), put(VALUES, 5, excel.VALUE, 10)))
    output = run("import", str(path), "--municipality", "3203", "--plan", str(asker_plan.pk))
    assert "Verdier: 0 nye, 1 endret, 18 uendret." in output
    assert Observation.objects.get(indicator__key="nho-kommune-nm-rang", year=2020).value == 10


def test_a_bad_file_is_refused_with_one_message_per_line(asker_plan, tmp_path):
    path = tmp_path / "feil.xlsx"
    path.write_bytes(
        edited(
            workbook_bytes(asker_plan),
            put(VALUES, 7, excel.VALUE, "fire"),
            put(VALUES, 8, excel.YEAR, None),
        )
    )
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run("import", str(path), "--municipality", "3203")
    assert str(error.value).splitlines() == [
        REJECTED.format(count=2),
        str(CellProblem(VALUES, 7, excel.VALUE, NOT_A_NUMBER.format(text="fire"))),
        str(CellProblem(VALUES, 8, excel.YEAR, REQUIRED)),
    ]
    assert snapshot() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", FILE_EMPTY), (b"key;year;value\n", NOT_XLSX)],
    ids=["an empty file", "a csv file"],
)
def test_a_file_that_is_no_workbook_is_refused(demo, tmp_path, content, message):
    path = tmp_path / "feil.xlsx"
    path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        run("import", str(path), "--municipality", "3203")
    assert str(error.value).splitlines() == [REJECTED.format(count=1), message]


def test_a_missing_file_is_named(demo, tmp_path):
    path = tmp_path / "finnes-ikke.xlsx"
    with pytest.raises(CommandError, match=FILE_NOT_FOUND.format(path=path)):
        run("import", str(path), "--municipality", "3203")


def test_an_unknown_municipality_is_named(demo):
    with pytest.raises(CommandError, match=NO_MUNICIPALITY.format(number="9999")):
        run("show", "--municipality", "9999")


def test_the_plan_must_be_chosen_when_the_municipality_has_several(asker_plan):
    second = plan_create(
        municipality=asker_plan.municipality,
        data={"name": "Neste plan", "first_year": 2033, "last_year": 2040},
    )
    with pytest.raises(CommandError) as error:
        run("show", "--municipality", "3203")
    lines = str(error.value).splitlines()
    assert lines[0] == CHOOSE_PLAN.format(number="3203")
    assert any(f"--plan {second.pk}" in line and "Neste plan" in line for line in lines)
    assert (
        json.loads(
            run("show", "--municipality", "3203", "--plan", str(second.pk), "--format", "json")
        )
        == []
    )


def test_a_plan_of_another_municipality_is_not_found(asker_plan, baerum_plan):
    with pytest.raises(CommandError, match=NO_SUCH_PLAN.format(number="3203", plan=baerum_plan.pk)):
        run("show", "--municipality", "3203", "--plan", str(baerum_plan.pk))


def test_every_argument_has_help():
    parser = Command().create_parser("temaplan", "indicators")
    subcommands = parser._subparsers._group_actions[0]
    actions = [subcommands, *parser._actions]
    for sub in subcommands.choices.values():
        actions += sub._actions
    own = [a for a in actions if a.dest in {"format", "file", "municipality", "plan"}]
    assert len(own) == 9  # format; file twice; municipality and plan for each subcommand
    assert all(action.help for action in actions)
