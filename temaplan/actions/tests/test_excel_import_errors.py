"""A bad action workbook is refused with every problem named by sheet, row and column, in
Norwegian, and the database is left exactly as it was.

Each case starts from the export of a period with four actions (see workbook_fixtures.py) and breaks
it. Rows of the export (header = 1): 2 a01-campus, 3 a02-forstelinje, 4 a03-kartlegging,
5 p01-bedriftsbesok.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from temaplan.actions import excel
from temaplan.actions.excel import ACTIONS
from temaplan.actions.importing import (
    DUE_BEFORE_START,
    UNKNOWN_STRATEGY,
    action_workbook_import,
)
from temaplan.actions.models import Action
from temaplan.core.workbook import (
    BAD_KEY,
    COLUMN_MISSING,
    COLUMN_TWICE,
    DUPLICATE_KEY,
    FORMULA,
    FORMULA_TEXT,
    NOT_A_DATE,
    NOT_A_NUMBER,
    NOT_A_WHOLE_NUMBER,
    OVER,
    PERCENT_FORMAT,
    REQUIRED,
    SHEET_MISSING,
    TOO_LONG,
    TOO_MANY_DECIMALS,
    UNDER,
    UNKNOWN_CHOICE,
    UNKNOWN_FOCUS_AREA,
    ImportRejected,
)
from temaplan.testing.workbooks import (
    E,
    allowed,
    copy_row,
    delete_column,
    edited,
    put,
    remove,
    rename,
)
from temaplan.testing.workbooks import actions_snapshot as snapshot

from .workbook_fixtures import exported_fixture, period_fixture  # noqa: F401 (fixtures)

KEY, TITLE, KIND, STATUS = excel.KEY, excel.TITLE, excel.KIND, excel.STATUS
PROGRESS, WEIGHT, PRIORITY = excel.PROGRESS, excel.WEIGHT, excel.PRIORITY
START, DUE, FOCUS_AREA, STRATEGIES = excel.START, excel.DUE, excel.FOCUS_AREA, excel.STRATEGIES


# The cases ----------------------------------------------------------------------------------

CELL_CASES = [
    pytest.param(
        [remove(ACTIONS)],
        [E(ACTIONS, None, None, SHEET_MISSING.format(found="«Veiledning»"))],
        id="the sheet is missing",
    ),
    pytest.param(
        [rename(ACTIONS, "Tiltaksliste")],
        [E(ACTIONS, None, None, SHEET_MISSING.format(found="«Tiltaksliste», «Veiledning»"))],
        id="the sheet has the wrong name",
    ),
    pytest.param(
        [delete_column(ACTIONS, TITLE)],
        [E(ACTIONS, 1, TITLE, COLUMN_MISSING)],
        id="a column is missing",
    ),
    pytest.param(
        [put(ACTIONS, 1, excel.PARTNERS, "status")],
        [E(ACTIONS, 1, STATUS, COLUMN_TWICE), E(ACTIONS, 1, excel.PARTNERS, COLUMN_MISSING)],
        id="a column header appears twice",
    ),
    pytest.param(
        [put(ACTIONS, 3, PROGRESS, "halvveis")],
        [E(ACTIONS, 3, PROGRESS, NOT_A_NUMBER.format(text="halvveis"))],
        id="text in a number cell",
    ),
    pytest.param(
        [put(ACTIONS, 4, PROGRESS, 140)],
        [E(ACTIONS, 4, PROGRESS, OVER.format(value=140, limit=100))],
        id="progress over 100",
    ),
    pytest.param(
        [put(ACTIONS, 4, PROGRESS, "-5")],
        [E(ACTIONS, 4, PROGRESS, UNDER.format(value=-5, limit=0))],
        id="progress below 0",
    ),
    pytest.param(
        [put(ACTIONS, 4, PROGRESS, "50,5")],
        [E(ACTIONS, 4, PROGRESS, NOT_A_WHOLE_NUMBER.format(text="50,5"))],
        id="progress that is not a whole number",
    ),
    pytest.param(
        [put(ACTIONS, 2, PROGRESS, 0.4, number_format="0%")],
        [E(ACTIONS, 2, PROGRESS, PERCENT_FORMAT.format(raw="0,4"))],
        id="progress formatted as percent in Excel",
    ),
    pytest.param(
        [put(ACTIONS, 2, STATUS, "på vent")],
        [
            E(
                ACTIONS,
                2,
                STATUS,
                UNKNOWN_CHOICE.format(text="på vent", allowed=allowed(Action.Status.choices)),
            )
        ],
        id="an unknown status",
    ),
    pytest.param(
        [put(ACTIONS, 2, KIND, "prosjekt")],
        [
            E(
                ACTIONS,
                2,
                KIND,
                UNKNOWN_CHOICE.format(text="prosjekt", allowed=allowed(Action.Kind.choices)),
            )
        ],
        id="an unknown type",
    ),
    pytest.param(
        [put(ACTIONS, 3, FOCUS_AREA, 99)],
        [E(ACTIONS, 3, FOCUS_AREA, UNKNOWN_FOCUS_AREA.format(numbers="99"))],
        id="an unknown focus-area number",
    ),
    pytest.param(
        [put(ACTIONS, 3, FOCUS_AREA, "to")],
        [E(ACTIONS, 3, FOCUS_AREA, NOT_A_NUMBER.format(text="to"))],
        id="a focus area that is not a number",
    ),
    pytest.param(
        [put(ACTIONS, 2, STRATEGIES, "2.1, 9.9; 9.8")],
        [E(ACTIONS, 2, STRATEGIES, UNKNOWN_STRATEGY.format(codes="9.9, 9.8"))],
        id="a strategy code the plan does not have",
    ),
    pytest.param(
        [put(ACTIONS, 2, DUE, datetime(2021, 12, 31))],
        [
            E(
                ACTIONS,
                2,
                DUE,
                DUE_BEFORE_START.format(due="31.12.2021", start="01.01.2022"),
            )
        ],
        id="a due date before the start date",
    ),
    pytest.param(
        [copy_row(ACTIONS, 3)],
        [E(ACTIONS, 6, KEY, DUPLICATE_KEY.format(key="a02-forstelinje", first=3))],
        id="the same key twice",
    ),
    pytest.param(
        [put(ACTIONS, 2, PROGRESS, "=20*2")],
        [E(ACTIONS, 2, PROGRESS, FORMULA)],
        id="a formula in a number cell",
    ),
    pytest.param(
        [put(ACTIONS, 2, TITLE, '="Campus"')],
        [E(ACTIONS, 2, TITLE, FORMULA_TEXT)],
        id="a formula in a text cell",
    ),
    pytest.param(
        [put(ACTIONS, 2, START, "=TODAY()")],
        [E(ACTIONS, 2, START, FORMULA_TEXT)],
        id="a formula in a date cell",
    ),
    pytest.param(
        [put(ACTIONS, 3, KEY, None)],
        [E(ACTIONS, 3, KEY, REQUIRED)],
        id="an action without key",
    ),
    pytest.param(
        [put(ACTIONS, 3, TITLE, "  ")],
        [E(ACTIONS, 3, TITLE, REQUIRED)],
        id="an action without title",
    ),
    pytest.param(
        [put(ACTIONS, 3, KEY, "a02 førstelinje")],
        [E(ACTIONS, 3, KEY, BAD_KEY.format(text="a02 førstelinje"))],
        id="a key that is not a key",
    ),
    pytest.param(
        [put(ACTIONS, 3, START, "snart")],
        [E(ACTIONS, 3, START, NOT_A_DATE.format(text="snart"))],
        id="a date cell with text that is not a date",
    ),
    pytest.param(
        [put(ACTIONS, 3, excel.ANCHORED_ON, "31.02.2022")],
        [E(ACTIONS, 3, excel.ANCHORED_ON, NOT_A_DATE.format(text="31.02.2022"))],
        id="a date that does not exist",
    ),
    pytest.param(
        [put(ACTIONS, 3, DUE, 44572, number_format="General")],
        [E(ACTIONS, 3, DUE, NOT_A_DATE.format(text="44572"))],
        id="a date cell holding a plain number",
    ),
    pytest.param(
        [put(ACTIONS, 3, excel.UNIT, "x" * 201)],
        [E(ACTIONS, 3, excel.UNIT, TOO_LONG.format(length=201, limit=200))],
        id="a text longer than the field",
    ),
    pytest.param(
        [put(ACTIONS, 3, excel.DESCRIPTION, "x" * 5001)],
        [E(ACTIONS, 3, excel.DESCRIPTION, TOO_LONG.format(length=5001, limit=5000))],
        id="a description longer than its limit",
    ),
    pytest.param(
        [put(ACTIONS, 3, WEIGHT, -1)],
        [E(ACTIONS, 3, WEIGHT, UNDER.format(value="-1", limit=0))],
        id="a negative weight",
    ),
    pytest.param(
        [put(ACTIONS, 3, WEIGHT, 1.125)],
        [E(ACTIONS, 3, WEIGHT, TOO_MANY_DECIMALS.format(text="1,125", places=2))],
        id="a weight with more than two decimals",
    ),
    pytest.param(
        [put(ACTIONS, 3, WEIGHT, 10_000)],
        [E(ACTIONS, 3, WEIGHT, OVER.format(value="10000", limit="9999,99"))],
        id="a weight too large to store",
    ),
    pytest.param(
        [put(ACTIONS, 3, PRIORITY, 0)],
        [E(ACTIONS, 3, PRIORITY, UNDER.format(value=0, limit=1))],
        id="a priority below 1",
    ),
]


@pytest.mark.parametrize(("edits", "expected"), CELL_CASES)
def test_a_bad_workbook_is_refused_with_where_and_why_and_changes_nothing(
    period, exported, edits, expected
):
    data = edited(exported, *edits)
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        action_workbook_import(period=period, data=data)
    assert rejected.value.errors == expected
    assert snapshot() == before


def test_an_error_reads_as_sheet_row_column_and_message():
    error = E(ACTIONS, 4, PROGRESS, OVER.format(value=140, limit=100))
    assert str(error) == "Ark «Tiltak», rad 4, kolonne «Framdrift (%)»: 140 er over 100"
    error = E(ACTIONS, 2, DUE, DUE_BEFORE_START.format(due="31.12.2021", start="01.01.2022"))
    assert (
        str(error)
        == "Ark «Tiltak», rad 2, kolonne «Frist»: fristen 31.12.2021 er før start 01.01.2022"
    )
