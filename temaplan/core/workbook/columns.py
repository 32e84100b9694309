"""A workbook's columns, declared as data: what the header says, what the cell holds, whether it
must be filled in, what the guide sheet tells about it and how wide it is."""

from __future__ import annotations

from dataclasses import dataclass

TEXT, NUMBER, DATE, CHOICE = "text", "number", "date", "choice"
DATE_FORMAT = "DD.MM.YYYY"


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    required: bool
    help: str
    # Added after workbooks were already in use: a file without the column is read as before
    # (and the import leaves what the column holds unchanged).
    may_be_absent: bool = False
    kind: str = TEXT  # TEXT, NUMBER, DATE or CHOICE; dates are written in DATE_FORMAT


Columns = tuple[Column, ...]
