"""Values as the report document keeps them: exact decimals as strings, dates as ISO text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def exact(value: Decimal | int | None) -> str | None:
    """The exact decimal value as a string: 41.7000 → «41.7», −101 → «-101», 9.6e6 → «9600000»."""
    if value is None:
        return None
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "") else text


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
