"""`temaplan kommune_nm`: import, export, template and standing, end to end through
call_command, with the errors as Norwegian CommandErrors."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from temaplan.benchmark import workbook as wb
from temaplan.benchmark.management.commands import kommune_nm as command
from temaplan.benchmark.models import Edition, Ranking
from temaplan.testing.workbooks import edited, put


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("kommune_nm", *args, stdout=out)
    return out.getvalue()


def test_standing_prints_asker_4th_of_the_six_in_viken_in_2021(demo):
    text = run("standing", "--municipality", "3203", "--edition", "2021")
    assert text.splitlines()[0] == ("Kommune-NM 2021 (dataår 2020, 356 kommuner rangert), Asker")
    asker = next(line for line in text.splitlines() if "Asker" in line and "3025" in line)
    assert "11. 3025 Asker" in asker
    assert "i fjor 13 (slik 2021 gjengir det)" in asker
    assert asker.endswith("4. av de 6 kommunene i Viken vi har tall for")


def test_standing_prints_asker_6th_in_viken_in_2020(demo):
    text = run("standing", "--municipality", "3203", "--edition", "2020")
    asker = next(line for line in text.splitlines() if "3025" in line)
    assert asker.endswith("6. av de 6 kommunene i Viken vi har tall for")


def test_export_then_import_changes_nothing_and_reports_it(demo, tmp_path):
    path = tmp_path / "nm.xlsx"
    assert "Skrev 4 utgaver fra Asker" in run("export", str(path), "--municipality", "3203")
    assert path.read_bytes() == wb.editions_workbook(Edition.objects.first().municipality)
    text = run("import", str(path), "--municipality", "3203")
    assert "Plasseringer: 0 nye, 0 endret, 20 uendret." in text


def test_a_csv_file_is_exported_and_imported_by_its_ending(demo, tmp_path):
    path = tmp_path / "nm.csv"
    run("export", str(path), "--municipality", "3203")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfUtgave;")
    path.write_bytes(
        path.read_bytes().replace(b"2021;2020;3025;Asker;11;", b"2021;2020;3025;Asker;4;")
    )
    assert "Plasseringer: 0 nye, 1 endret, 19 uendret." in run(
        "import", str(path), "--municipality", "3203"
    )
    assert Ranking.objects.get(code="3025", edition__year=2021, data_year=2020).rank == 4


def test_the_template_is_written(tmp_path):
    path = tmp_path / "mal.xlsx"
    assert "Skrev malen" in run("template", str(path))
    assert path.read_bytes() == wb.template_workbook()


def test_a_bad_file_lists_every_error_and_imports_nothing(demo, tmp_path):
    municipality = Edition.objects.first().municipality
    data = edited(wb.editions_workbook(municipality), put(wb.RANKINGS, 2, wb.RANK, "tolv"))
    path = tmp_path / "nm.xlsx"
    path.write_bytes(data)
    with pytest.raises(CommandError) as error:
        run("import", str(path), "--municipality", "3203")
    lines = str(error.value).splitlines()
    assert lines[0] == command.REJECTED.format(count=1)
    assert lines[1].startswith("Ark «Plasseringer», rad 2, kolonne «Plassering»:")


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ("standing", "--municipality", "9999", "--edition", "2021"),
            command.NO_MUNICIPALITY.format(number="9999"),
        ),
        (
            ("standing", "--municipality", "3203", "--edition", "2017"),
            command.NO_EDITION.format(number="3203", year=2017, years="2018, 2019, 2020, 2021"),
        ),
        (
            ("import", "/finnes/ikke.xlsx", "--municipality", "3203"),
            command.FILE_NOT_FOUND.format(path="/finnes/ikke.xlsx"),
        ),
    ],
)
def test_mistakes_on_the_command_line_get_a_norwegian_message(demo, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert str(error.value) == message


def test_a_file_that_cannot_be_written_gets_a_message(demo):
    with pytest.raises(CommandError) as error:
        run("export", "/finnes/ikke/nm.xlsx", "--municipality", "3203")
    assert str(error.value).startswith("Kunne ikke skrive filen /finnes/ikke/nm.xlsx:")


def test_every_argument_has_help():
    from django.core.management import load_command_class

    parser = load_command_class("temaplan.benchmark", "kommune_nm").create_parser(
        "temaplan", "kommune_nm"
    )
    subparsers = next(a for a in parser._actions if a.dest == "action")
    for sub in subparsers.choices.values():
        for action in sub._actions:
            if action.dest not in ("help",) and action.option_strings[:1] != ["-h"]:
                if action.dest in (
                    "verbosity",
                    "settings",
                    "pythonpath",
                    "traceback",
                    "no_color",
                    "force_color",
                    "skip_checks",
                    "version",
                ):
                    continue
                assert action.help, (sub.prog, action.dest)
