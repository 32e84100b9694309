"""The report's tables as an Excel workbook (.xlsx): one sheet per table, after a first sheet
that says what the file is.

Numbers are numbers: the exact decimal the document keeps, with a number format that shows
it the way the report does (grouped thousands, the decimals it has, «%», «kr» or «daa» after
it; Excel shows the comma and the space in a Norwegian locale). Dates are dates. Text is
written through the workbook helpers (temaplan.core.workbook.put), so a title someone typed
as «=HYPERLINK(…)» stays text. Dates and zip entries are fixed: same document, same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from temaplan.core.formatting import decimal_places
from temaplan.core.workbook import DATE_FORMAT, cell_number, deterministic_zip, put
from temaplan.core.workbook.writing import HEADER_FILL, HEADER_FONT

from .document import Document
from .report_outline import built_text
from .report_tables import DASH, Cell, Table, spreadsheet_tables

ABOUT_SHEET = "Om rapporten"
SHEET_NAME_LIMIT = 31
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def number_format(cell: Cell) -> str:
    """«#,##0.0" %"» for 41,7 %, «#,##0" kr"» for kroner, «0» for a year."""
    assert cell.number is not None
    places = decimal_places(cell.number)
    code = ("#,##0" if cell.grouped else "0") + ("." + "0" * places if places else "")
    return code + (f'" {cell.suffix}"' if cell.suffix else "")


def excel_number(value: Decimal) -> int | float:
    number = cell_number(value)
    assert number is not None
    return number


def sheet_name(title: str, taken: set[str]) -> str:
    """The title as a sheet name Excel accepts, unique in the workbook."""
    name = _NOT_IN_SHEET_NAMES.sub("-", title)[:SHEET_NAME_LIMIT]
    base, number = name, 2
    while name.casefold() in taken:
        suffix = f" ({number})"
        name, number = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    taken.add(name.casefold())
    return name


def _write_cell(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    target = sheet.cell(row=row, column=column)
    if value.number is not None:
        target.value = excel_number(value.number)
        target.number_format = number_format(value)
    elif value.day is not None:
        target.value = value.day
        target.number_format = DATE_FORMAT
    elif value.text != DASH:  # a missing number is an empty cell, not the text «–»
        put(target, value.text)
        if "\n" in value.text:
            target.alignment = Alignment(wrap_text=True, vertical="top")


def _write_table(book: Workbook, table: Table, taken: set[str]) -> None:
    sheet = book.create_sheet(sheet_name(table.title, taken))
    for column, header in enumerate(table.headers, start=1):
        cell = sheet.cell(row=1, column=column)
        put(cell, header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for number, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row, start=1):
            _write_cell(sheet, number, column, value)
    for column, header in enumerate(table.headers, start=1):
        longest = max([len(header)] + [len(row[column - 1].text) for row in table.rows])
        sheet.column_dimensions[get_column_letter(column)].width = max(10, min(60, longest + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{len(table.rows) + 1}"


def _write_about(book: Workbook, document: Document, tables: list[Table]) -> None:
    meta = document["meta"]
    sheet = book.create_sheet(ABOUT_SHEET)
    lines = [
        f"{meta['title']} – {meta['municipality_name']}",
        f"{meta['plan_name']}, planperiode {meta['plan_period']}",
        f"Bygget {built_text(meta['built_at'])}. Tallene er frosset da rapporten ble bygget.",
        "Dataversjoner: " + ", ".join(meta["vintages"]),
        "",
        "Arkene i filen:",
        *(table.title for table in tables),
    ]
    for number, line in enumerate(lines, start=1):
        put(sheet.cell(row=number, column=1), line)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 90


def render_xlsx(document: Document) -> bytes:
    tables = spreadsheet_tables(document)
    book = Workbook()
    book.remove(book.active)
    _write_about(book, document, tables)
    taken = {ABOUT_SHEET.casefold()}
    for table in tables:
        _write_table(book, table, taken)
    meta = document["meta"]
    built = datetime.fromisoformat(meta["built_at"]).astimezone(UTC).replace(tzinfo=None)
    book.properties.creator = meta["municipality_name"]
    book.properties.title = f"{meta['title']} – {meta['municipality_name']}"
    book.properties.language = "nb-NO"
    book.properties.created = book.properties.modified = built
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return deterministic_zip(buffer.getvalue())
