"""Reading a workbook's sheets with openpyxl's read-only (streaming) mode: the file is checked
against the limits, each wanted sheet is found by name (any case), its header row is matched
against the declared columns (their order does not matter; extra columns are ignored), and every
non-empty row below becomes a SheetRow of raw cells keyed by header."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from openpyxl import load_workbook

from .columns import Columns
from .problems import (
    COLUMN_MISSING,
    COLUMN_TWICE,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FILE_UNPACKS_TOO_LARGE,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    NOT_XLSX,
    SHEET_EMPTY,
    SHEET_MISSING,
    TOO_MANY_ROWS,
    CellProblem,
    ImportRejected,
    rejected,
)


class RawCell(NamedTuple):
    value: Any
    data_type: str = "n"  # openpyxl's: n number, s text, b boolean, d date, f formula, e error
    number_format: str = "General"

    @property
    def is_empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


EMPTY = RawCell(None)


@dataclass
class SheetRow:
    sheet: str
    number: int
    cells: dict[str, RawCell]


def unpacked_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def header_text(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if value is not None else ""


def _raw(cell: Any) -> RawCell:  # an openpyxl cell
    if cell.value is None:
        return EMPTY
    if cell.data_type == "n":  # only numbers need their format (a percent is refused)
        return RawCell(cell.value, "n", cell.number_format or "General")
    return RawCell(cell.value, cell.data_type)


class _Sheet:
    """One sheet as it is read: its header positions, then its rows, or its problems."""

    def __init__(self, name: str, columns: Columns):
        self.name, self.columns = name, columns
        self.positions: dict[str, int] = {}
        self.rows: list[SheetRow] = []
        self.errors: list[CellProblem] = []

    def header(self, cells: Sequence[Any]) -> bool:
        """Match the header row; False when the rows below cannot be read."""
        if not cells or all(_raw(cell).is_empty for cell in cells):
            self.errors.append(CellProblem(self.name, None, None, SHEET_EMPTY))
            return False
        by_text = {header_text(column.header): column.header for column in self.columns}
        for index, cell in enumerate(cells):
            header = by_text.get(header_text(cell.value)) if cell.data_type != "f" else None
            if header is None:
                continue
            if header in self.positions:
                self.errors.append(CellProblem(self.name, 1, header, COLUMN_TWICE))
            self.positions.setdefault(header, index)
        missing = [
            c.header for c in self.columns if c.header not in self.positions and not c.may_be_absent
        ]
        self.errors += [CellProblem(self.name, 1, header, COLUMN_MISSING) for header in missing]
        return not missing

    def row(self, number: int, cells: Sequence[Any]) -> None:
        count, by_header, filled = len(cells), {}, False
        for header, index in self.positions.items():
            cell = cells[index] if index < count else None
            value = None if cell is None else cell.value
            if cell is None or value is None:
                by_header[header] = EMPTY
                continue
            kind = cell.data_type
            if kind == "n":  # only numbers need their format (a percent is refused)
                by_header[header] = RawCell(value, kind, cell.number_format or "General")
            else:
                by_header[header] = RawCell(value, kind)
            filled = filled or not (isinstance(value, str) and not value.strip())
        if filled:
            self.rows.append(SheetRow(self.name, number, by_header))

    def read(self, worksheet: Any) -> None:  # a read-only openpyxl worksheet
        worksheet.reset_dimensions()  # some programs write a wrong size; read every row
        rows = worksheet.iter_rows()
        if not self.header(next(rows, ())):
            return
        for number, cells in enumerate(rows, start=2):
            self.row(number, cells)
            if len(self.rows) > MAX_ROWS:
                message = TOO_MANY_ROWS.format(limit=MAX_ROWS)
                self.errors.append(CellProblem(self.name, None, None, message))
                return


def _read(data: bytes, sheets: Mapping[str, Columns]) -> dict[str, _Sheet]:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    try:
        names = list(book.sheetnames)
        wanted = {name.strip().casefold(): name for name in reversed(names)}
        found = ", ".join(f"«{name}»" for name in names) or "ingen"
        result = {}
        for sheet, columns in sheets.items():
            result[sheet] = read = _Sheet(sheet, columns)
            actual = wanted.get(sheet.casefold())
            if actual is None:
                read.errors.append(
                    CellProblem(sheet, None, None, SHEET_MISSING.format(found=found))
                )
            else:
                read.read(book[actual])
        return result
    finally:
        book.close()


def read_workbook(data: bytes, sheets: Mapping[str, Columns]) -> dict[str, list[SheetRow]]:
    """The non-empty data rows of each named sheet, or ImportRejected for problems with the
    file, its sheets or their header rows (every such problem, sheet by sheet)."""
    if not data:
        raise rejected(FILE_EMPTY)
    if len(data) > MAX_FILE_BYTES:
        raise rejected(FILE_TOO_LARGE)
    try:
        if unpacked_size(data) > MAX_UNPACKED_BYTES:
            raise rejected(FILE_UNPACKS_TOO_LARGE)
        read = _read(data, sheets)
    except ImportRejected:
        raise
    except Exception as exc:  # openpyxl fails in many ways on files that are not xlsx
        raise rejected(NOT_XLSX) from exc
    errors = [error for sheet in read.values() for error in sheet.errors]
    if errors:
        raise ImportRejected(errors)
    return {name: sheet.rows for name, sheet in read.items()}
