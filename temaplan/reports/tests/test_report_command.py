"""`temaplan report build|freeze|publish|export` through call_command: the same rules and
messages as the web."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from temaplan.reports import services
from temaplan.reports.management.commands import report as command
from temaplan.reports.models import Report

ASKER = ["--municipality", "3203"]
EDITOR = ["--user", "asker-redaktor"]


def run(*args) -> str:
    out, err = StringIO(), StringIO()
    call_command("report", *args, stdout=out, stderr=err)
    return out.getvalue()


def refused(*args) -> str:
    with pytest.raises(CommandError) as error:
        run(*args)
    return str(error.value)


def test_build_shows_the_years_draft(demo):
    out = run("build", *ASKER, "--year", "2021")
    assert out.startswith("Resultatrapport 2021, versjon 1 (utkast)")
    assert "Indikatorer: 5" in out
    assert "Tiltak: 35" in out


def test_build_makes_a_draft_for_a_year_without_one(asker_plan):
    out = run("build", *ASKER, "--year", "2022", *EDITOR)
    assert "Utkast laget: Resultatrapport 2022, versjon 1." in out
    assert Report.objects.get(plan=asker_plan, year=2022).state == "draft"


def test_build_writes_the_document_as_json(demo, tmp_path):
    import json

    path = tmp_path / "rapport.json"
    run("build", "--plan", str(demo["asker"].pk), "--year", "2021", "--json", str(path))
    assert json.loads(path.read_text())["meta"]["title"] == "Resultatrapport 2021"


def test_build_of_a_frozen_year_is_refused_as_on_the_web(demo):
    message = refused("build", *ASKER, "--year", "2020", *EDITOR)
    assert message == services.REPORT_EXISTS.format(year=2020, number=1, state="publisert")


def test_build_with_a_reason_makes_a_new_version(asker_plan):
    out = run("build", *ASKER, "--year", "2020", *EDITOR, "--reason", "SSB har revidert.")
    assert "Ny versjon laget: Resultatrapport 2020, versjon 2 (erstatter versjon 1)." in out
    assert Report.objects.get(plan=asker_plan, year=2020, number=2).reason == "SSB har revidert."


def test_freeze_publish_and_export(asker_plan, tmp_path):
    out = run("freeze", *ASKER, "--year", "2021", *EDITOR)
    assert out.startswith("Låst: Resultatrapport 2021, versjon 1. Fingeravtrykk ")
    assert "  pdf: " in out
    assert run("publish", *ASKER, "--year", "2021", *EDITOR) == (
        "Publisert: Resultatrapport 2021, versjon 1.\n"
    )
    out = run("export", *ASKER, "--year", "2021", "--folder", str(tmp_path / "ut"))
    names = sorted(p.name for p in (tmp_path / "ut").iterdir())
    assert names == [f"resultatrapport-3203-2021-v1.{k}" for k in ("docx", "pdf", "pptx", "xlsx")]
    report = Report.objects.get(plan=asker_plan, year=2021)
    stored = bytes(report.files.get(kind="pdf").content)
    assert (tmp_path / "ut" / "resultatrapport-3203-2021-v1.pdf").read_bytes() == stored


def test_export_of_one_kind(demo, tmp_path):
    run("export", *ASKER, "--year", "2020", "--folder", str(tmp_path), "--kind", "xlsx")
    assert [p.name for p in tmp_path.iterdir()] == ["resultatrapport-3203-2020-v1.xlsx"]


@pytest.mark.parametrize(
    "args, message",
    [
        (["freeze", *ASKER, "--year", "2021"], command.USER_REQUIRED),
        (
            ["freeze", *ASKER, "--year", "2021", "--user", "asker-leser"],
            command.USER_CANNOT_EDIT.format(username="asker-leser"),
        ),
        (
            ["freeze", *ASKER, "--year", "2021", "--user", "baerum-redaktor"],
            command.USER_NOT_MEMBER.format(username="baerum-redaktor", municipality="Asker"),
        ),
        (
            ["freeze", *ASKER, "--year", "2021", "--user", "ingen"],
            command.NO_USER.format(username="ingen"),
        ),
        (
            ["publish", *ASKER, "--year", "2020", *EDITOR],
            services.ALREADY_PUBLISHED.format(when="9. mai 2022 kl. 12.00"),
        ),
        (
            ["publish", *ASKER, "--year", "2021", *EDITOR],
            services.PUBLISH_NOT_FROZEN.format(state="utkast"),
        ),
        (
            ["freeze", *ASKER, "--year", "2020", *EDITOR],
            services.NOT_A_DRAFT.format(state="publisert"),
        ),
        (["freeze", *ASKER, "--year", "2023", *EDITOR], command.NO_REPORT.format(year=2023)),
        (
            ["export", *ASKER, "--year", "2021", "--folder", "x"],
            command.NO_FROZEN.format(year=2021),
        ),
        (
            ["export", *ASKER, "--year", "2020", "--folder", "x", "--number", "3"],
            command.NO_VERSION.format(year=2020, version=3),
        ),
        (["build", "--year", "2021"], command.PLAN_OR_MUNICIPALITY),
        (
            ["build", "--municipality", "9999", "--year", "2021"],
            command.NO_MUNICIPALITY.format(number="9999"),
        ),
        (
            ["build", "--plan", "999999", "--year", "2021"],
            command.NO_SUCH_PLAN.format(plan=999999, where=""),
        ),
    ],
    ids=lambda value: None if isinstance(value, list) else "",
)
def test_refusals_say_why(demo, args, message):
    assert refused(*args) == message


def test_a_plan_without_indicators_is_not_frozen(demo):
    run("build", "--municipality", "3201", "--year", "2021", "--user", "baerum-redaktor")
    message = refused(
        "freeze", "--municipality", "3201", "--year", "2021", "--user", "baerum-redaktor"
    )
    assert message == services.NO_INDICATORS


def test_every_argument_has_help():
    parser = command.Command().create_parser("temaplan", "report")
    subparsers = next(a for a in parser._actions if a.dest == "command").choices
    for name, sub in subparsers.items():
        for action in sub._actions:
            if action.dest != "help":
                assert action.help, f"{name} {action.dest}"
