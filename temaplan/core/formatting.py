"""Numbers the Norwegian way: `1 234`, `41,7 %`, `9,6 mill. kr`. Pure, no Django.

Thousands are grouped with a narrow no-break space (U+202F is what Språkrådet's typography
calls for; we use U+00A0 so older fonts and Word render it) and the decimal sign is a comma.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"
MINUS = "\u2212"


def _group(digits: str) -> str:
    groups: list[str] = []
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


def decimal_places(value: Decimal) -> int:
    """How many decimals a value needs, trailing zeros aside: 9.00 → 0, 1.50 → 1."""
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def without_trailing_zeros(value: Decimal) -> Decimal:
    """0.3000 → 0.3 and 10.0000 → 10 (not 1E+1), for showing a stored value in a form."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def number_as_stored(value: Decimal) -> str:
    """`9.00` → `9`, `1.50` → `1,5`, `1234.25` → `1 234,25`: as many decimals as it needs."""
    return number(value, decimal_places(value))


def percent_as_stored(value: Decimal) -> str:
    """`46.0` → `46 %`, `45.5` → `45,5 %` (the figure as stored, without trailing zeros)."""
    return f"{number_as_stored(value)}{NBSP}%"
