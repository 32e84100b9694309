"""The optional «Kommune-NM» column: which indicators take their results from the editions."""

import pytest

from temaplan.core.workbook import ImportRejected
from temaplan.indicators import excel
from temaplan.indicators.excel import INDICATORS, workbook_bytes
from temaplan.indicators.importing import indicator_workbook_import
from temaplan.indicators.tests.test_excel_formulas import RANK_ROW, excel_rows
from temaplan.testing.workbooks import edited, put
from temaplan.testing.workbooks import indicators_snapshot as snapshot

COUNTY_ROW = 3  # nho-rang-i-fylket


def fed(plan) -> dict[str, str]:
    return dict(plan.indicators.values_list("key", "kommune_nm"))


def test_the_export_says_which_rank_each_kommune_nm_indicator_takes(asker_plan):
    data = workbook_bytes(asker_plan)
    column = excel_rows(data, header=True).index(excel.KOMMUNE_NM)
    rows = {row[0]: row[column] for row in excel_rows(data)}
    assert rows["nho-kommune-nm-rang"] == "samlet plassering"
    assert rows["nho-rang-i-fylket"] == "plassering i fylket"
    assert rows["andel-sysselsatt-i-egen-kommune"] is None


def test_the_choice_round_trips_and_can_be_changed_and_emptied(asker_plan):
    before = snapshot()
    assert not indicator_workbook_import(plan=asker_plan, data=workbook_bytes(asker_plan)).changed
    assert snapshot() == before
    data = edited(
        workbook_bytes(asker_plan),
        put(INDICATORS, RANK_ROW, excel.KOMMUNE_NM, None),
        put(INDICATORS, COUNTY_ROW, excel.KOMMUNE_NM, "Samlet plassering"),
    )
    indicator_workbook_import(plan=asker_plan, data=data)
    assert fed(asker_plan)["nho-kommune-nm-rang"] == ""
    assert fed(asker_plan)["nho-rang-i-fylket"] == "overall"


def test_a_workbook_without_the_column_keeps_the_choice(asker_plan):
    def without(book):
        sheet = book[INDICATORS]
        sheet.delete_cols(next(c.column for c in sheet[1] if c.value == excel.KOMMUNE_NM))

    before = fed(asker_plan)
    indicator_workbook_import(plan=asker_plan, data=edited(workbook_bytes(asker_plan), without))
    assert fed(asker_plan) == before


def test_an_unknown_choice_is_refused_by_row_and_column_and_changes_nothing(asker_plan):
    data = edited(workbook_bytes(asker_plan), put(INDICATORS, RANK_ROW, excel.KOMMUNE_NM, "ja"))
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        indicator_workbook_import(plan=asker_plan, data=data)
    (error,) = rejected.value.errors
    assert (error.sheet, error.row, error.column) == (INDICATORS, RANK_ROW, excel.KOMMUNE_NM)
    assert "«ja» er ikke en gyldig verdi" in error.message
    assert snapshot() == before
