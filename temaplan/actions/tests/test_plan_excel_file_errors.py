"""A file that is no action-plan workbook, a workbook without its sheets or columns, or one
with several problems, is refused with every problem named, in Norwegian, and the database is
left as it was. (Single bad cells: see test_plan_excel_errors.py.)"""

from __future__ import annotations

import pytest

from temaplan.actions import plan_excel as excel
from temaplan.actions.plan_excel import AGREEMENTS, ALLOCATIONS, BUDGET, PERIODS, workbook_bytes
from temaplan.actions.plan_importing import UNKNOWN_ACTION, plan_workbook_import
from temaplan.core.workbook import COLUMN_MISSING, SHEET_MISSING, UNDER, ImportRejected
from temaplan.testing.workbooks import (
    NOT_A_WORKBOOK_CASES,
    E,
    assert_too_large_file_is_refused_unread,
    delete_column,
    edited,
    new_workbook,
    put,
    remove,
)
from temaplan.testing.workbooks import action_plan_snapshot as snapshot

from .test_plan_excel_errors import refused

SHEET_CASES = [
    pytest.param(
        [remove(ALLOCATIONS)],
        [
            E(
                ALLOCATIONS,
                None,
                None,
                SHEET_MISSING.format(found="«Perioder», «Budsjett», «Partnerskap», «Veiledning»"),
            )
        ],
        id="a sheet is missing",
    ),
    pytest.param(
        [delete_column(BUDGET, excel.FRAME)],
        [E(BUDGET, 1, excel.FRAME, COLUMN_MISSING)],
        id="a column is missing",
    ),
]


@pytest.mark.parametrize(("edits", "expected"), SHEET_CASES)
def test_a_workbook_without_its_sheets_or_columns_is_refused(asker_plan, edits, expected):
    assert refused(asker_plan, edited(workbook_bytes(asker_plan), *edits)) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        *NOT_A_WORKBOOK_CASES,
        pytest.param(
            new_workbook(),
            [E(sheet, None, None, SHEET_MISSING.format(found="«Sheet»")) for sheet in excel.SHEETS],
            id="a new workbook without the sheets",
        ),
    ],
)
def test_a_file_that_is_no_action_plan_workbook_is_refused_and_changes_nothing(
    asker_plan, data, expected
):
    assert refused(asker_plan, data) == expected


def test_a_file_over_10_mb_is_refused_before_it_is_read(asker_plan, monkeypatch):
    assert_too_large_file_is_refused_unread(
        monkeypatch, lambda data: plan_workbook_import(plan=asker_plan, data=data)
    )


def test_every_problem_is_reported_in_the_order_of_the_sheets_and_good_rows_are_not_saved(
    asker_plan,
):
    data = edited(
        workbook_bytes(asker_plan),
        put(AGREEMENTS, 3, excel.YEARLY, -1),
        put(PERIODS, 2, excel.NAME, "2022/23 ny"),  # a good change, not saved
        put(BUDGET, 2, excel.FRAME, 10_000_000),  # likewise
        put(ALLOCATIONS, 7, excel.ALLOCATED, "mye"),
        put(BUDGET, 4, excel.KIND, "kanskje"),
    )
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        plan_workbook_import(plan=asker_plan, data=data)
    assert [(e.sheet, e.row, e.column) for e in rejected.value.errors] == [
        (BUDGET, 4, excel.KIND),
        (ALLOCATIONS, 7, excel.ALLOCATED),
        (AGREEMENTS, 3, excel.YEARLY),
    ]
    assert snapshot() == before


def test_an_error_reads_as_sheet_row_column_and_a_norwegian_message():
    error = E(BUDGET, 2, excel.FRAME, UNDER.format(value="-5", limit=0))
    assert str(error) == "Ark «Budsjett», rad 2, kolonne «Ramme (kr)»: -5 er under 0"
    error = E(ALLOCATIONS, 6, excel.ACTION, UNKNOWN_ACTION.format(keys="«a99»"))
    assert (
        str(error)
        == "Ark «Tildelinger», rad 6, kolonne «Tiltak»: handlingsplanen har ikke tiltak «a99»"
    )
