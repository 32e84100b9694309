"""Reading a Kommune-NM file into sheet rows: the workbook (its sheets, with the theme columns
«Plasseringer» adds after its fixed ones) or a CSV file of «Plasseringer» (its encoding,
separator and header found, formulas defused), and the cells of a row as years and
municipality numbers (`EditionRowReader`).

Separate from checking the rows (import_checks.py): this knows the file formats, not the
editions. A file that cannot be read at all raises ImportRejected here.
"""

from __future__ import annotations

import csv
import io

from temaplan.core.workbook import (
    COLUMN_MISSING,
    COLUMN_TWICE,
    EMPTY,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    MAX_FILE_BYTES,
    MAX_ROWS,
    SHEET_EMPTY,
    TOO_MANY_ROWS,
    CellProblem,
    Column,
    ImportRejected,
    RawCell,
    RowReader,
    SheetRow,
    header_text,
    read_workbook,
    rejected,
)
from temaplan.core.workbook.text import CSV_TEXT_PREFIX, looks_like_formula

from . import workbook as wb

# Messages: they follow «Ark …, rad …, kolonne …:» (see CellProblem).
NOT_CSV = (
    "Filen er ikke en CSV-fil med tekst. Lagre arket som «CSV UTF-8 (kommadelt)» i Excel, "
    "eller last opp Excel-filen (.xlsx)."
)

FIRST_YEAR, LAST_YEAR = 2000, 2100


def is_xlsx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


# Reading the files ---------------------------------------------------------------------------


def _ranking_headers(data: bytes) -> list[str]:
    """The headers of «Plasseringer» that are not its fixed columns: the theme columns."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    try:
        names = {name.strip().casefold(): name for name in reversed(book.sheetnames)}
        sheet = book[names[wb.RANKINGS.casefold()]]
        first = next(sheet.iter_rows(max_row=1, values_only=True), ())
    finally:
        book.close()
    return _theme_headers(first)


def _theme_headers(cells) -> list[str]:
    fixed = {header_text(header) for header in wb.FIXED_RANKING_HEADERS}
    headers: list[str] = []
    for value in cells:
        if not isinstance(value, str) or not value.strip() or value.startswith("="):
            continue
        if header_text(value) in fixed or header_text(value) in map(header_text, headers):
            continue
        headers.append(" ".join(value.split()))
    return headers


def _theme_columns(headers: list[str]) -> tuple[Column, ...]:
    return tuple(Column(h, 14, False, "", may_be_absent=True) for h in headers)


def workbook_rows(data: bytes) -> tuple[dict[str, list[SheetRow]], list[str]]:
    sheets = read_workbook(data, wb.COLUMNS)
    headers = _ranking_headers(data)
    if headers:
        columns = {wb.RANKINGS: wb.COLUMNS[wb.RANKINGS] + _theme_columns(headers)}
        sheets[wb.RANKINGS] = read_workbook(data, columns)[wb.RANKINGS]
    return sheets, headers


def decoded(data: bytes) -> str:
    """The CSV file's text: UTF-8 with or without BOM, else Windows-1252/ISO-8859-1."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _csv_cell(text: str) -> RawCell:
    if not text.strip():
        return EMPTY
    if text.startswith(CSV_TEXT_PREFIX) and looks_like_formula(text[1:]):
        text = text[1:]  # the apostrophe an export puts before text that looks like a formula
    return RawCell(text, "s")


def csv_rows(data: bytes) -> tuple[list[SheetRow], list[str]]:
    """The CSV file as the rows of «Plasseringer», or ImportRejected."""
    if not data:
        raise rejected(FILE_EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise rejected(FILE_TOO_LARGE)
    if b"\x00" in data or data.startswith(b"PK\x03\x04"):
        raise rejected(NOT_CSV)
    text = decoded(data)
    first_line = text.split("\n", 1)[0]
    separator = next((s for s in (";", "\t", ",") if s in first_line), ";")
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as exc:
        raise rejected(NOT_CSV) from exc
    if not lines or not any(cell.strip() for cell in lines[0]):
        raise ImportRejected([CellProblem(None, 1, None, SHEET_EMPTY)])
    header = [" ".join(cell.split()) for cell in lines[0]]
    positions: dict[str, int] = {}
    errors = []
    wanted = {header_text(c.header): c.header for c in wb.COLUMNS[wb.RANKINGS]}
    themes = _theme_headers(header)
    wanted.update({header_text(h): h for h in themes})
    for index, text_ in enumerate(header):
        name = wanted.get(header_text(text_))
        if name is None:
            continue
        if name in positions:
            errors.append(CellProblem(None, 1, name, COLUMN_TWICE))
        positions.setdefault(name, index)
    errors += [
        CellProblem(None, 1, c.header, COLUMN_MISSING)
        for c in wb.COLUMNS[wb.RANKINGS]
        if c.header not in positions
    ]
    if errors:
        raise ImportRejected(errors)
    if len(lines) > MAX_ROWS + 1:
        raise rejected(TOO_MANY_ROWS.format(limit=MAX_ROWS))
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = {
            name: _csv_cell(line[index]) if index < len(line) else EMPTY
            for name, index in positions.items()
        }
        if any(cell is not EMPTY for cell in cells.values()):
            rows.append(SheetRow(wb.RANKINGS, number, cells))
    return rows, themes


# Reading the cells of a row -----------------------------------------------------------------


class EditionRowReader(RowReader):
    def year(self, column: str, *, required: bool = True) -> int | None:
        if not required and self.cell(column, required=False) is None:
            return None
        value = self.integer(column, required=required)
        if value is not None and not FIRST_YEAR <= value <= LAST_YEAR:
            self.error(column, f"{value} er ikke et år fra {FIRST_YEAR} til {LAST_YEAR}")
            return None
        return value

    def code(self, column: str) -> str:
        """A municipality number: text, or a number Excel took the leading zero from."""
        cell = self.cell(column, required=True)
        if cell is None:
            return ""
        value = cell.value
        if isinstance(value, int | float) and not isinstance(value, bool):
            if float(value).is_integer() and 0 < value < 10_000:
                return f"{int(value):04d}"
        return " ".join(str(value).split())
