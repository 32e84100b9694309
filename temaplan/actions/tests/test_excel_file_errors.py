"""A file that is no action workbook, or a workbook with several problems, is refused with
every problem named, in Norwegian, and the database is left exactly as it was. (Rows of the
export: see test_excel_import_errors.py.)"""

from __future__ import annotations

import openpyxl
import pytest

from temaplan.actions import excel
from temaplan.actions.excel import ACTIONS
from temaplan.actions.importing import action_workbook_import
from temaplan.core.workbook import (
    NOT_XLSX,
    SHEET_EMPTY,
    SHEET_MISSING,
    ImportRejected,
)
from temaplan.testing.workbooks import (
    NOT_A_WORKBOOK_CASES,
    E,
    assert_too_large_file_is_refused_unread,
    copy_row,
    edited,
    new_workbook,
    put,
    saved,
)
from temaplan.testing.workbooks import actions_snapshot as snapshot

from .workbook_fixtures import exported_fixture, make_actions, period_fixture  # noqa: F401

KEY, TITLE, STATUS = excel.KEY, excel.TITLE, excel.STATUS
PROGRESS, START, STRATEGIES = excel.PROGRESS, excel.START, excel.STRATEGIES


def headers_only() -> bytes:
    book = openpyxl.Workbook()
    book.active.title = ACTIONS
    book.active.append([column.header for column in excel.COLUMNS])
    return saved(book)


def allowed(choices) -> str:
    return ", ".join(f"«{label}»" for _, label in choices)


FILE_CASES = [
    *NOT_A_WORKBOOK_CASES,
    pytest.param(
        "Nøkkel;Tittel\na01-campus;Campus\n".encode(),
        [E(None, None, None, NOT_XLSX)],
        id="a csv file",
    ),
    pytest.param(
        new_workbook(),
        [E(ACTIONS, None, None, SHEET_MISSING.format(found="«Sheet»"))],
        id="a new workbook without the sheet",
    ),
    pytest.param(
        new_workbook([ACTIONS]),
        [E(ACTIONS, None, None, SHEET_EMPTY)],
        id="a sheet without a header row",
    ),
]


@pytest.mark.parametrize(("data", "expected"), FILE_CASES)
def test_a_file_that_is_no_action_workbook_is_refused_and_changes_nothing(period, data, expected):
    make_actions(period)
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        action_workbook_import(period=period, data=data)
    assert rejected.value.errors == expected
    assert snapshot() == before


def test_a_file_over_10_mb_is_refused_before_it_is_read(period, monkeypatch):
    assert_too_large_file_is_refused_unread(
        monkeypatch, lambda data: action_workbook_import(period=period, data=data)
    )


def test_a_sheet_with_headers_and_no_rows_is_imported_as_nothing(period):
    make_actions(period)
    before = snapshot()
    summary = action_workbook_import(period=period, data=headers_only())
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 0)
    assert snapshot() == before


def test_every_problem_is_reported_not_just_the_first(period, exported):
    data = edited(
        exported,
        put(ACTIONS, 2, STATUS, "på vent"),
        put(ACTIONS, 2, PROGRESS, 140),
        put(ACTIONS, 3, START, "snart"),
        put(ACTIONS, 4, STRATEGIES, "9.9"),
        put(ACTIONS, 5, TITLE, None),
    )
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        action_workbook_import(period=period, data=data)
    assert [(e.sheet, e.row, e.column) for e in rejected.value.errors] == [
        (ACTIONS, 2, STATUS),
        (ACTIONS, 2, PROGRESS),
        (ACTIONS, 3, START),
        (ACTIONS, 4, STRATEGIES),
        (ACTIONS, 5, TITLE),
    ]
    assert snapshot() == before


def test_good_rows_beside_a_bad_one_are_not_saved_either(period, exported):
    data = edited(
        exported,
        put(ACTIONS, 2, TITLE, "Ny tittel"),  # a real change
        put(ACTIONS, 2, PROGRESS, 60),  # and one that would log a status change
        copy_row(ACTIONS, 5),
        put(ACTIONS, 6, KEY, "p02-ny"),  # a new action
        put(ACTIONS, 4, PROGRESS, 140),
    )
    before = snapshot()
    with pytest.raises(ImportRejected):
        action_workbook_import(period=period, data=data)
    assert snapshot() == before
