"""The Excel file read back: every table on its own sheet, numbers as numbers with a number
format, dates as dates, typed text never a formula."""

import io
from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from temaplan.reports.rendering import render
from temaplan.reports.report_tables import Cell
from temaplan.reports.xlsx_file import number_format, sheet_name

from .render_support import rendered
from .sample_document import sample_document


@pytest.fixture(scope="module")
def book():
    return openpyxl.load_workbook(io.BytesIO(rendered("xlsx")))


def _row(sheet, first: str):
    return next(row for row in sheet.iter_rows(min_row=2) if row[0].value == first)


def test_every_table_of_the_report_has_its_own_sheet(book):
    assert book.sheetnames == [
        "Om rapporten",
        "Innsatsområder i planen",
        "Premisser utenfor planen",
        "Resultat og ambisjon 2020",
        "Indikatorer år for år",
        "Kommune-NM 2021",
        "Framdrift per innsatsområde",
        "Prioriterte tiltak",
        "Tiltak",
        "Utredninger",
        "Budsjett",
        "Samarbeidsavtaler",
        "Dialogmøter",
        "Resultatvurdering",
    ]


def test_the_focus_areas_sheet_has_the_placements_and_strategies_as_numbers(book):
    sheet = book["Innsatsområder i planen"]
    assert [c.value for c in sheet[1]] == ["Innsatsområde", "Påvirkning", "Betydning", "Strategier"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == 8
    assert rows[0] == ["1. Eksisterende næringer", 3, 5, 7]


def test_the_indicators_results_are_exact_numbers_with_a_norwegian_format(book):
    sheet = book["Resultat og ambisjon 2020"]
    share = _row(
        sheet, "Andelen av innbyggerne som er sysselsatt i egen kommune skal øke år for år"
    )
    assert (share[2].value, share[2].data_type, share[2].number_format) == (
        41.7,
        "n",
        '#,##0.0" %"',
    )
    growth = _row(sheet, "Prosentvis vekst i arbeidsplasser av befolkningsveksten")
    assert (growth[2].value, growth[2].data_type) == (-101, "n")
    rank = _row(sheet, "Være blant topp 10 på samlet plassering i NHOs Kommune-NM")
    assert (rank[2].value, rank[2].data_type) == (11, "n")


def test_the_budget_is_in_kroner_as_numbers(book):
    row = _row(book["Budsjett"], 2022)
    assert (row[1].value, row[1].data_type, row[1].number_format) == (9600000, "n", '#,##0" kr"')
    assert row[4].value == 2  # årsverk


def test_kommune_nm_ranks_are_numbers(book):
    asker = _row(book["Kommune-NM 2021"], "Asker")
    assert [cell.value for cell in asker[:3]] == ["Asker", 11, 13]
    assert all(cell.data_type == "n" for cell in asker[1:])


def test_dates_are_dates(book):
    row = _row(book["Dialogmøter"], datetime(2020, 9, 15))
    assert row[0].is_date and row[0].number_format == "DD.MM.YYYY"


def test_text_someone_typed_as_a_formula_stays_text():
    document = sample_document()
    document["action_plan"]["actions"][0]["title"] = '=HYPERLINK("http://x.example","Klikk")'
    book = openpyxl.load_workbook(io.BytesIO(render(document, "xlsx")))
    cell = _row(book["Tiltak"], '=HYPERLINK("http://x.example","Klikk")')[0]
    assert cell.data_type == "s" and cell.quotePrefix


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        (Cell("41,7 %", Decimal("41.7"), suffix="%"), '#,##0.0" %"'),
        (Cell("9,6 mill. kr", Decimal("9600000"), suffix="kr"), '#,##0" kr"'),
        (Cell("2020", Decimal(2020), grouped=False), "0"),
        (Cell("0,25", Decimal("0.25")), "#,##0.00"),
    ],
)
def test_the_number_format_shows_the_decimals_the_value_has(cell, code):
    assert number_format(cell) == code


def test_sheet_names_are_cut_to_excels_limit_and_kept_unique():
    taken: set[str] = set()
    first = sheet_name("Næringsutviklingsfond: særskilt satsing [Asker syd]", taken)
    second = sheet_name("Næringsutviklingsfond: særskilt satsing [Asker syd]", taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second
    assert not set("[]:*?/\\") & set(first)


def test_the_same_document_gives_the_same_excel_bytes():
    assert render(sample_document(), "xlsx") == rendered("xlsx")
