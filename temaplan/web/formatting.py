"""Numbers the Norwegian way: `1 234`, `41,7 %`, `9,6 mill. kr`. Pure, no Django.

Thousands are grouped with a narrow no-break space (U+202F is what Språkrådet's typography
calls for; we use U+00A0 so older fonts and Word render it) and the decimal sign is a comma.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
MINUS = "\u2212"


def _group(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return NBSP.join(groups)


def number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """`1234.5` → `1 234,5` with the given decimals; None → `–`."""
    if value is None:
        return "–"
    quantum = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = MINUS if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    text = _group(whole)
    if decimals > 0:
        text += "," + fraction
    return sign + text


def percent(value: float | int | Decimal | None, decimals: int = 1) -> str:
    """`41.7` → `41,7 %` (the value is already in percent)."""
    if value is None:
        return "–"
    return f"{number(value, decimals)}{NBSP}%"


def million_kroner(value: float | int | Decimal | None, decimals: int = 1) -> str:
    """`9_600_000` → `9,6 mill. kr`."""
    if value is None:
        return "–"
    return f"{number(Decimal(str(value)) / Decimal(1_000_000), decimals)}{NBSP}mill.{NBSP}kr"
