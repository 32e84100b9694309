"""Typed values from raw cells, one row at a time, with a message for every bad cell.

Choice cells take the Norwegian label or the stored code, in any case. Number cells take
numbers, or text written the Norwegian or the English way: «41,7», «41.7», «1 234», «−101».
Dates are Excel dates, or text written «11.01.2022» or «2022-01-11». Formulas are refused (the
file must carry the figures themselves); so are cells formatted as percent in Excel, where
«41,7 %» is stored as 0,417. A text cell is text even when it begins with «=».
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from temaplan.core.formatting import decimal_places
from temaplan.core.numbers import NumberProblem, parse_number

from .problems import (
    BAD_KEY,
    ERROR_VALUE,
    FORMULA,
    FORMULA_TEXT,
    INTEGER_DIGITS,
    NOT_A_DATE,
    NOT_A_NUMBER,
    NOT_A_WHOLE_NUMBER,
    NOT_YES_NO,
    NUMBER_TOO_LARGE,
    OVER,
    PERCENT_FORMAT,
    REQUIRED,
    TOO_LONG,
    TOO_MANY_DECIMALS,
    UNDER,
    UNKNOWN_CHOICE,
    CellProblem,
)
from .reading import EMPTY, RawCell, SheetRow

YES = ("ja", "j", "x", "sann", "true", "1")
NO = ("nei", "n", "usann", "false", "0")

_KEY = re.compile(r"^[-a-zA-Z0-9_]+$")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(?:[.,][0-9]+)?$")
_GROUPED_NUMBER = re.compile(r"^[+-]?[0-9]{1,3}(?: [0-9]{3})+(?:[.,][0-9]+)?$")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def shown(value: Any) -> str:
    """A cell's content as a message quotes it, cut short when long."""
    if isinstance(value, bool):
        text = "SANN" if value else "USANN"
    elif isinstance(value, datetime):
        text = value.strftime("%d.%m.%Y" if value.time() == time(0) else "%d.%m.%Y %H:%M")
    elif isinstance(value, date):
        text = value.strftime("%d.%m.%Y")
    elif isinstance(value, float | Decimal):
        text = f"{Decimal(repr(value)) if isinstance(value, float) else value:f}".replace(".", ",")
    else:
        text = " ".join(str(value).split())
    return text if len(text) <= 40 else text[:39] + "…"


def parse_decimal_text(text: str) -> Decimal | None:
    """«41,7», «41.7», «1 234», «1 234,5», «−101» → Decimal; anything else → None. The rules
    are the forms' (core/numbers.py), so a sheet and a page read «1.234» alike: not at all."""
    try:
        return parse_number(text)
    except NumberProblem:
        return None


def parse_date_text(text: str) -> date | None:
    """«11.01.2022» or «2022-01-11» → date; anything else (also «31.02.2022») → None."""
    text = text.strip()
    if match := _DOTTED_DATE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


class RowReader:
    """Reads typed values from one row, collecting a message per bad cell into `errors`."""

    def __init__(self, row: SheetRow, errors: list[CellProblem]):
        self.row = row
        self.errors = errors
        self.bad: set[str] = set()

    def error(self, column: str, message: str) -> None:
        self.bad.add(column)
        self.errors.append(CellProblem(self.row.sheet, self.row.number, column, message))

    def ok(self, *columns: str) -> bool:
        return not self.bad.intersection(columns)

    def cell(self, column: str, *, required: bool, formula: str = FORMULA_TEXT) -> RawCell | None:
        """The cell when it holds a value; None (and a message where needed) otherwise."""
        cell = self.row.cells.get(column, EMPTY)
        if cell.data_type == "f":
            self.error(column, formula)
            return None
        if cell.data_type == "e":
            self.error(column, ERROR_VALUE.format(code=shown(cell.value)))
            return None
        if cell.is_empty:
            if required:
                self.error(column, REQUIRED)
            return None
        return cell

    def text(self, column: str, *, required: bool = False, max_length: int | None = None) -> str:
        cell = self.cell(column, required=required)
        if cell is None:
            return ""
        value = cell.value
        if isinstance(value, str):
            text = value
        elif isinstance(value, bool):
            text = "ja" if value else "nei"
        elif isinstance(value, datetime) and value.time() == time(0):
            text = value.date().isoformat()
        elif isinstance(value, date | datetime | time):
            text = value.isoformat()
        elif isinstance(value, float) and value.is_integer():
            text = str(int(value))
        else:
            text = str(value)
        text = text.strip()
        if max_length is not None and len(text) > max_length:
            self.error(column, TOO_LONG.format(length=len(text), limit=max_length))
            return ""
        return text

    def key(self, column: str) -> str:
        key = self.text(column, required=True)
        if key and (len(key) > 60 or not _KEY.match(key)):
            self.error(column, BAD_KEY.format(text=shown(key)))
            return ""
        return key

    def number(self, column: str, *, required: bool = False) -> Decimal | None:
        """The cell as a finite Decimal that the database can hold; else None (and an error
        unless the cell is empty and optional)."""
        cell = self.cell(column, required=required, formula=FORMULA)
        if cell is None:
            return None
        value = cell.value
        number: Decimal | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if "%" in cell.number_format:
                self.error(column, PERCENT_FORMAT.format(raw=shown(value)))
                return None
            number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
        elif isinstance(value, str):
            try:
                number = parse_number(value)
            except NumberProblem as problem:
                if not problem.garbled:  # a number written the wrong way: say how to write it
                    self.error(column, problem.message)
                    return None
        if number is None or not number.is_finite():
            self.error(column, NOT_A_NUMBER.format(text=shown(value)))
            return None
        if abs(number) >= Decimal(10) ** INTEGER_DIGITS:
            self.error(column, NUMBER_TOO_LARGE.format(text=shown(value)))
            return None
        return number

    def decimal(self, column: str, *, places: int, required: bool = False) -> Decimal | None:
        """A number with at most `places` decimals (trailing zeros aside)."""
        number = self.number(column, required=required)
        if number is not None and decimal_places(number) > places:
            text = shown(self.row.cells[column].value)
            self.error(column, TOO_MANY_DECIMALS.format(text=text, places=places))
            return None
        return number

    def integer(self, column: str, *, required: bool = False) -> int | None:
        number = self.number(column, required=required)
        if number is None:
            return None
        if number != number.to_integral_value():
            value = self.row.cells[column].value
            self.error(column, NOT_A_WHOLE_NUMBER.format(text=shown(value)))
            return None
        return int(number)

    def whole_number(self, column: str, low: int, high: int) -> int | None:
        """A whole number from low to high; None when empty or out of range."""
        number = self.integer(column)
        if number is not None and number < low:
            self.error(column, UNDER.format(value=number, limit=low))
            return None
        if number is not None and number > high:
            self.error(column, OVER.format(value=number, limit=high))
            return None
        return number

    def boolean(self, column: str) -> bool:
        cell = self.cell(column, required=False)
        if cell is None:
            return False
        value = cell.value
        if isinstance(value, bool):
            return value
        text = str(value).strip().casefold()
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        if text in YES:
            return True
        if text in NO:
            return False
        self.error(column, NOT_YES_NO.format(text=shown(value)))
        return False

    def choice(
        self, column: str, choices: Iterable[tuple[str, Any]], *, required: bool = False
    ) -> str:
        """The stored code for a cell holding a code or a label (any case); "" when empty."""
        choices = list(choices)
        cell = self.cell(column, required=required)
        if cell is None:
            return ""
        text = " ".join(str(cell.value).split()).casefold()
        for code, label in choices:
            if text in (str(code).casefold(), str(label).casefold()):
                return code
        allowed = ", ".join(f"«{label}»" for _, label in choices)
        self.error(column, UNKNOWN_CHOICE.format(text=shown(cell.value), allowed=allowed))
        return ""

    def date(self, column: str) -> date | None:
        cell = self.cell(column, required=False)
        if cell is None:
            return None
        value = cell.value
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str) and (parsed := parse_date_text(value)):
            return parsed
        self.error(column, NOT_A_DATE.format(text=shown(value)))
        return None
