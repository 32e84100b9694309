"""Writing a workbook: data sheets from declared columns and rows of values, and the guide
sheet «Veiledning» that explains every column. The same sheets give the same bytes."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from .columns import DATE, DATE_FORMAT, Columns
from .problems import MAX_ROWS
from .text import exported_text, looks_like_formula

GUIDE = "Veiledning"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
FIXED_TIME = datetime(2020, 1, 1)


def cell_number(value: Decimal | None) -> int | float | None:
    """A stored decimal as an Excel number: whole numbers as int, others as float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


@dataclass
class Sheet:
    """What one data sheet holds: rows of values in the order of its columns."""

    name: str
    columns: Columns
    rows: list[list[Any]] = field(default_factory=list)
    # header → the allowed values, offered as a drop-down list in Excel
    choices: dict[str, list[str]] = field(default_factory=dict)


def put(cell: Any, value: Any) -> None:  # an openpyxl cell
    """Write a value into a cell: empty text as an empty cell, and text always as text (see
    text.py), never as a formula."""
    if isinstance(value, str):
        value = exported_text(value) or None
    cell.value = value
    if isinstance(value, str) and looks_like_formula(value):
        cell.data_type = "s"  # openpyxl took «=…» for a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited


def _write_data_sheet(book: Workbook, sheet: Sheet) -> None:
    ws = book.create_sheet(sheet.name)
    columns = sheet.columns
    for index, column in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=index, value=column.header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    dates = {index for index, column in enumerate(columns, start=1) if column.kind == DATE}
    for number, row in enumerate(sheet.rows, start=2):
        for index, value in enumerate(row, start=1):
            cell = ws.cell(row=number, column=index)
            put(cell, value)
            if index in dates:
                cell.number_format = DATE_FORMAT
    for index, column in enumerate(columns, start=1):
        if column.header in sheet.choices:
            letter = get_column_letter(index)
            options = ",".join(sheet.choices[column.header])
            # A drop-down that helps without refusing other text: the import accepts codes too.
            validation = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
            validation.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            ws.add_data_validation(validation)
    ws.freeze_panes = "A2"
    # The filter covers the header and every data row (the header alone when there are none).
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(sheet.rows) + 1}"


def _write_guide(book: Workbook, sheets: list[Sheet], intro: tuple[str, ...]) -> None:
    """The guide: the intro lines, then a row per column. A workbook of several data sheets
    names the sheet of each column."""
    ws = book.create_sheet(GUIDE)
    for text in intro:
        ws.append([text])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    named = len(sheets) > 1
    headers = ["Kolonne", "Påkrevd", "Forklaring", "Gyldige verdier"]
    widths = [22, 10, 70, 60]
    ws.append((["Ark"] if named else []) + headers)
    header_row = ws.max_row
    for index in range(1, len(headers) + named + 1):
        cell = ws.cell(row=header_row, column=index)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for sheet in sheets:
        for column in sheet.columns:
            allowed = ", ".join(sheet.choices.get(column.header, []))
            line = [column.header, "ja" if column.required else "nei", column.help, allowed]
            ws.append(([sheet.name] if named else []) + line)
    for index, width in enumerate(([14] if named else []) + widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    for row in ws.iter_rows(min_row=header_row + 1):
        for cell in row:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    ws.protection.sheet = True  # read-only: it is documentation, not data


def deterministic_zip(data: bytes) -> bytes:
    """The same archive with every entry dated 1980-01-01, so equal workbooks are equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def write_workbook(sheets: list[Sheet], *, guide: tuple[str, ...], title: str = "") -> bytes:
    """The workbook with the given data sheets and the guide, as .xlsx bytes."""
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _write_data_sheet(book, sheet)
    _write_guide(book, sheets, guide)
    book.active = 0
    book.properties.creator = "Temaplan"
    book.properties.title = title
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return deterministic_zip(buffer.getvalue())
