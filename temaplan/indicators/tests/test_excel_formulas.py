"""The optional «Formel» and «Nevner» columns: SSB-backed indicators in and out of Excel."""

import pytest

from temaplan.core.workbook import UNKNOWN_CHOICE, ImportRejected
from temaplan.indicators import excel
from temaplan.indicators.excel import INDICATORS, workbook_bytes
from temaplan.indicators.importing import DENOMINATOR_WITHOUT_FORMULA, indicator_workbook_import
from temaplan.testing.workbooks import edited, put
from temaplan.testing.workbooks import indicators_snapshot as snapshot

SHARE_ROW = 5  # andel-sysselsatt-i-egen-kommune on «Indikatorer» (header = row 1)
RANK_ROW = 2  # nho-kommune-nm-rang, entered by hand


def share(plan):
    return plan.indicators.get(key="andel-sysselsatt-i-egen-kommune")


def test_the_export_names_each_indicator_s_formula_and_denominator(asker_plan):
    indicator = share(asker_plan)
    indicator.formula_options = {"denominator": "row_total"}
    indicator.save()
    rows = {row[0]: row for row in excel_rows(workbook_bytes(asker_plan))}
    headers = excel_rows(workbook_bytes(asker_plan), header=True)
    at = {name: headers.index(name) for name in (excel.CALCULATION, excel.DENOMINATOR)}
    assert rows[indicator.key][at[excel.CALCULATION]] == (
        "Andel sysselsatte bosatte som jobber i egen kommune"
    )
    assert rows[indicator.key][at[excel.DENOMINATOR]] == "Radsummen i 03321 (alle arbeidssteder)"
    assert rows["nho-kommune-nm-rang"][at[excel.CALCULATION]] is None


def excel_rows(data: bytes, header: bool = False):
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data))[INDICATORS]
    values = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    return list(values[0]) if header else values[1:]


def test_a_denominator_set_in_excel_comes_in_and_round_trips(asker_plan):
    data = edited(
        workbook_bytes(asker_plan), put(INDICATORS, SHARE_ROW, excel.DENOMINATOR, "row_total")
    )
    assert indicator_workbook_import(plan=asker_plan, data=data).changed
    assert share(asker_plan).formula_options == {"denominator": "row_total"}
    before = snapshot()
    assert not indicator_workbook_import(plan=asker_plan, data=workbook_bytes(asker_plan)).changed
    assert snapshot() == before
    # Emptied again: the default denominator, kept as no setting at all.
    data = edited(workbook_bytes(asker_plan), put(INDICATORS, SHARE_ROW, excel.DENOMINATOR, None))
    indicator_workbook_import(plan=asker_plan, data=data)
    assert share(asker_plan).formula_options == {}


def test_a_formula_can_be_given_and_taken_away_in_excel(asker_plan):
    data = edited(
        workbook_bytes(asker_plan),
        put(INDICATORS, RANK_ROW, excel.CALCULATION, "population_growth_3y"),
        put(INDICATORS, SHARE_ROW, excel.CALCULATION, None),
        put(INDICATORS, SHARE_ROW, excel.DENOMINATOR, None),
    )
    indicator_workbook_import(plan=asker_plan, data=data)
    assert asker_plan.indicators.get(key="nho-kommune-nm-rang").formula == "population_growth_3y"
    assert share(asker_plan).formula == ""


def test_a_workbook_from_before_the_columns_imports_and_keeps_the_formulas(asker_plan):
    def without(header):
        def edit(book):
            sheet = book[INDICATORS]
            column = next(cell.column for cell in sheet[1] if cell.value == header)
            sheet.delete_cols(column)

        return edit

    indicator = share(asker_plan)
    indicator.formula_options = {"denominator": "row_total"}
    indicator.save()
    old = edited(workbook_bytes(asker_plan), without(excel.DENOMINATOR), without(excel.CALCULATION))
    before = snapshot()
    assert not indicator_workbook_import(plan=asker_plan, data=old).changed
    assert snapshot() == before
    assert share(asker_plan).formula == "share_working_in_home_municipality"


@pytest.mark.parametrize(
    "edits, column, message",
    [
        (
            [put(INDICATORS, RANK_ROW, excel.DENOMINATOR, "row_total")],
            excel.DENOMINATOR,
            DENOMINATOR_WITHOUT_FORMULA,
        ),
        (
            [put(INDICATORS, SHARE_ROW, excel.CALCULATION, "pendlerandel")],
            excel.CALCULATION,
            UNKNOWN_CHOICE.split("{")[0] + "pendlerandel",
        ),
        (
            [put(INDICATORS, SHARE_ROW, excel.DENOMINATOR, "radsum")],
            excel.DENOMINATOR,
            "«radsum» er ikke en gyldig verdi",
        ),
    ],
)
def test_a_bad_formula_cell_is_refused_by_row_and_column_and_changes_nothing(
    asker_plan, edits, column, message
):
    data = edited(workbook_bytes(asker_plan), *edits)
    before = snapshot()
    with pytest.raises(ImportRejected) as rejected:
        indicator_workbook_import(plan=asker_plan, data=data)
    (error,) = rejected.value.errors
    assert (error.sheet, error.column) == (INDICATORS, column)
    assert message in error.message
    assert snapshot() == before
