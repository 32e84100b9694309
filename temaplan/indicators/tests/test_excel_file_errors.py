"""A file that is no indicator workbook, or a workbook with several problems, is refused with
every problem named, in Norwegian, and the database is left exactly as it was. (Rows of the
demo's export: see test_excel_import_errors.py.)"""

from __future__ import annotations

import pytest

from temaplan.core.workbook import (
    FILE_EMPTY,
    NOT_A_NUMBER,
    NOT_XLSX,
    SHEET_EMPTY,
    SHEET_MISSING,
    CellProblem,
    ImportRejected,
)
from temaplan.indicators import excel
from temaplan.indicators.excel import INDICATORS, TARGETS, VALUES, workbook_bytes
from temaplan.indicators.importing import indicator_workbook_import
from temaplan.testing.workbooks import (
    NOT_A_WORKBOOK_CASES,
    E,
    assert_too_large_file_is_refused_unread,
    edited,
    new_workbook,
    put,
)
from temaplan.testing.workbooks import indicators_snapshot as snapshot

UNIT, YEAR, VALUE = excel.UNIT, excel.YEAR, excel.VALUE

FILE_CASES = [
    *NOT_A_WORKBOOK_CASES,
    pytest.param(
        new_workbook([INDICATORS, TARGETS, VALUES]),
        [E(sheet, None, None, SHEET_EMPTY) for sheet in excel.SHEETS],
        id="a workbook whose sheets have no rows",
    ),
    pytest.param(
        new_workbook(),
        [E(sheet, None, None, SHEET_MISSING.format(found="«Sheet»")) for sheet in excel.SHEETS],
        id="a new workbook without the sheets",
    ),
    pytest.param(
        "Nøkkel;År;Verdi\nnho-kommune-nm-rang;2021;9\n".encode(),
        [E(None, None, None, NOT_XLSX)],
        id="a csv file",
    ),
]


@pytest.mark.parametrize(("data", "expected"), FILE_CASES)
def test_a_file_that_is_no_indicator_workbook_is_refused_and_changes_nothing(
    asker_plan, data, expected
):
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        indicator_workbook_import(plan=asker_plan, data=data)
    assert rejected.value.errors == expected
    assert snapshot() == before


def test_a_workbook_with_headers_and_no_rows_is_imported_as_nothing(asker_plan):
    data = new_workbook(excel.COLUMNS)
    before = snapshot()
    summary = indicator_workbook_import(plan=asker_plan, data=data)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 0)
    assert snapshot() == before


def test_a_file_over_10_mb_is_refused_before_it_is_read(asker_plan, monkeypatch):
    assert_too_large_file_is_refused_unread(
        monkeypatch, lambda data: indicator_workbook_import(plan=asker_plan, data=data)
    )


def test_every_problem_is_reported_not_just_the_first(asker_plan):
    data = edited(
        workbook_bytes(asker_plan),
        put(INDICATORS, 2, UNIT, "meter"),
        put(TARGETS, 3, VALUE, "tolv"),
        put(VALUES, 7, VALUE, "fire"),
        put(VALUES, 8, YEAR, 2040),
        put(VALUES, 9, VALUE, "=4"),
    )
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        indicator_workbook_import(plan=asker_plan, data=data)
    assert [(e.sheet, e.row, e.column) for e in rejected.value.errors] == [
        (INDICATORS, 2, UNIT),
        (TARGETS, 3, VALUE),
        (VALUES, 7, VALUE),
        (VALUES, 8, YEAR),
        (VALUES, 9, VALUE),
    ]
    assert snapshot() == before


def test_a_good_row_beside_a_bad_one_is_not_saved_either(asker_plan):
    data = edited(
        workbook_bytes(asker_plan),
        put(VALUES, 2, VALUE, 9),  # a real change
        put(VALUES, 7, VALUE, "fire"),
    )
    before = snapshot()
    with pytest.raises(ImportRejected):
        indicator_workbook_import(plan=asker_plan, data=data)
    assert snapshot() == before


def test_an_error_reads_as_sheet_row_column_and_message():
    error = CellProblem(VALUES, 7, VALUE, NOT_A_NUMBER.format(text="fire"))
    assert str(error) == "Ark «Verdier», rad 7, kolonne «Verdi»: «fire» er ikke et tall"
    assert str(CellProblem(None, None, None, FILE_EMPTY)) == "Filen er tom."
    assert str(ImportRejected([error, error])).count("\n") == 1
