"""Reading cells: numbers, yes/no, whole numbers and dates, the Norwegian or the English way,
and the message for each cell that holds something else. Pure: no database."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from temaplan.core.workbook import (
    ERROR_VALUE,
    FORMULA,
    NOT_A_NUMBER,
    PERCENT_FORMAT,
    REQUIRED,
    TOO_MANY_DECIMALS,
    RawCell,
    RowReader,
    SheetRow,
    parse_date_text,
    parse_decimal_text,
)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("41,7", Decimal("41.7")),
        ("41.7", Decimal("41.7")),
        (" 12 ", Decimal(12)),
        ("1 234", Decimal(1234)),
        ("1\u00a0234,5", Decimal("1234.5")),
        ("12\u202f345\u202f678", Decimal(12345678)),
        ("−101", Decimal(-101)),
        ("- 101", Decimal(-101)),
        ("+3", Decimal(3)),
        ("fire", None),
        ("", None),
        ("1,234.5", None),
        ("1.234,5", None),
        ("1.234", None),  # a thousand or one and a bit: refused, as on the pages
        ("0.234", Decimal("0.234")),
        ("12 34", None),
        ("41,7 %", None),
        ("1e5", None),
        ("NaN", None),
        ("١٢", None),  # Arabic-Indic digits
        ("4²", None),
    ],
)
def test_number_text_is_read_the_norwegian_or_the_english_way(text, number):
    assert parse_decimal_text(text) == number


def read(method: str, cell: RawCell, **kwargs):
    errors: list = []
    reader = RowReader(SheetRow("Verdier", 4, {"Verdi": cell}), errors)
    return getattr(reader, method)("Verdi", **kwargs), [e.message for e in errors]


@pytest.mark.parametrize(
    ("cell", "value", "messages"),
    [
        (RawCell(12), Decimal(12), []),
        (RawCell(41.7), Decimal("41.7"), []),
        (RawCell("41,7", "s"), Decimal("41.7"), []),
        (RawCell(None), None, [REQUIRED]),
        (RawCell("  ", "s"), None, [REQUIRED]),
        (RawCell("fire", "s"), None, [NOT_A_NUMBER.format(text="fire")]),
        (
            RawCell("1.234", "s"),
            None,
            [
                "«1.234» kan bety både 1\u00a0234 og 1,234. Skriv 1\u00a0234 for et helt tall "
                "eller 1,234 med komma for et desimaltall."
            ],
        ),
        (RawCell("60 000", "s"), Decimal(60000), []),
        (RawCell(False, "b"), None, [NOT_A_NUMBER.format(text="USANN")]),
        (RawCell(datetime(2021, 1, 2), "d"), None, [NOT_A_NUMBER.format(text="02.01.2021")]),
        (RawCell("=1+1", "f"), None, [FORMULA]),
        (RawCell("#DIV/0!", "e"), None, [ERROR_VALUE.format(code="#DIV/0!")]),
        (RawCell(0.417, "n", "0.0%"), None, [PERCENT_FORMAT.format(raw="0,417")]),
        (RawCell(1, "n", "0%"), None, [PERCENT_FORMAT.format(raw="1")]),
        (
            RawCell(0.1 + 0.2),
            None,
            [TOO_MANY_DECIMALS.format(text="0,30000000000000004", places=4)],
        ),
        (RawCell("x" * 100, "s"), None, [NOT_A_NUMBER.format(text="x" * 39 + "…")]),
    ],
)
def test_a_number_cell_gives_a_decimal_or_says_why_not(cell, value, messages):
    assert read("decimal", cell, places=4, required=True) == (value, messages)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        (RawCell(None), False),
        (RawCell("ja", "s"), True),
        (RawCell("Nei", "s"), False),
        (RawCell("x", "s"), True),
        (RawCell(True, "b"), True),
        (RawCell(0), False),
    ],
)
def test_a_yes_no_cell_reads_as_a_boolean(cell, value):
    assert read("boolean", cell) == (value, [])


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        (RawCell(2021), 2021),
        (RawCell(2021.0), 2021),
        (RawCell("2021", "s"), 2021),
        (RawCell("2 021", "s"), 2021),
    ],
)
def test_a_whole_number_cell_reads_as_an_int(cell, value):
    assert read("integer", cell) == (value, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11.01.2022", date(2022, 1, 11)),
        ("1.1.2022", date(2022, 1, 1)),
        (" 2022-01-11 ", date(2022, 1, 11)),
        ("31.02.2022", None),
        ("2022-1-11", None),
        ("11/01/2022", None),
        ("11.01.22", None),
        ("snart", None),
        ("", None),
    ],
)
def test_dates_written_as_text(text, expected):
    assert parse_date_text(text) == expected


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        (RawCell('=HYPERLINK("http://x")', "s"), '=HYPERLINK("http://x")'),
        (RawCell("+47 22 00 00 00", "s"), "+47 22 00 00 00"),
        (RawCell("-minus", "s"), "-minus"),
        (RawCell("@person", "s"), "@person"),
    ],
)
def test_a_text_cell_that_begins_like_a_formula_is_read_as_its_text(cell, value):
    assert read("text", cell) == (value, [])
