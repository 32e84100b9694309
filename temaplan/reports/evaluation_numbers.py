"""The stale-number check on an edited sentence of the result evaluation. Pure, no Django.

`stale_numbers(text, figures)`: the numbers the text quotes («41,7 %», «−101 %»,
«9,6 mill. kr», «1 234», the ordinal «4.») that match none of its figures. A quoted number
matches a figure when it equals a number in the figure's shown text or its raw value, or that
number rounded to as many decimals as the quote has («42 %» for 41,7); «mill.» and «mrd.»
quote the raw value in millions and billions. «2017–2020» is two years, not a negative number;
a minus is «−» (U+2212), «-» or «–» right before the digits. Numbers written out in words
(«fire») are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from temaplan.core.formatting import decimal_places

SPACES = " \u00a0\u202f"
NUMBER = re.compile(
    r"(?<![\w.,])"
    r"(?P<sign>[\-\u2212–])?"
    rf"(?P<whole>\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?!\d)|\d+)"
    r"(?:,(?P<fraction>\d+))?"
    rf"(?P<unit>[{SPACES}]?%|[{SPACES}]?(?:mill|mrd)\.(?:[{SPACES}]?kr\.?)?)?"
)
PLAIN = re.compile(r"-?\d+(?:\.\d+)?")
SCALES = {"mill": Decimal(10) ** 6, "mrd": Decimal(10) ** 9}


class Quoted:
    """One number as a text quotes it: its place, its text and the values it may stand for."""

    def __init__(self, match: re.Match[str]) -> None:
        self.text = match.group(0).strip()
        digits = re.sub(f"[{SPACES}]", "", match.group("whole"))
        fraction = match.group("fraction") or ""
        value = Decimal(f"{digits}.{fraction}" if fraction else digits)
        if match.group("sign"):
            value = -value
        self.decimals = len(fraction)
        self.values = {value}
        unit = (match.group("unit") or "").strip(SPACES)
        for word, scale in SCALES.items():
            if unit.startswith(word):
                self.values.add(value * scale)


def quoted_numbers(text: str) -> list[Quoted]:
    """The numbers in a text, in order («2017–2020» is two years, not a negative number)."""
    return [Quoted(match) for match in NUMBER.finditer(text)]


def figure_numbers(figures: dict[str, Any]) -> set[Decimal]:
    """Every number the figures hold: in their shown texts and their raw values."""
    found: set[Decimal] = set()
    for text in _texts(figures):
        if PLAIN.fullmatch(text.strip()):  # a raw value: «41.7», «-101», «9600000»
            found.add(Decimal(text.strip()))
            continue
        for quoted in quoted_numbers(text):
            found |= quoted.values
    return found


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, bool) or value is None:
        return
    else:
        yield str(value)


def _matches(quoted: Quoted, numbers: Iterable[Decimal]) -> bool:
    quantum = Decimal(1).scaleb(-quoted.decimals)
    for number in numbers:
        if number in quoted.values:
            return True
        if decimal_places(number) > quoted.decimals:
            if number.quantize(quantum, rounding=ROUND_HALF_UP) in quoted.values:
                return True
    return False


def stale_numbers(text: str, figures: dict[str, Any]) -> list[str]:
    """The numbers `text` quotes that match none of `figures`, as quoted, each once."""
    numbers = figure_numbers(figures)
    stale: list[str] = []
    for quoted in quoted_numbers(text):
        if not _matches(quoted, numbers) and quoted.text not in stale:
            stale.append(quoted.text)
    return stale
