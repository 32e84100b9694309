"""The fake server's own reading of PxWebApi v2 value selections (`valueCodes[VAR]=...`).

Written from SSB's and PxTools' documentation, not from the client (temaplan.statistics), so
that a misreading on one side shows up as a failing test instead of hiding in shared code:

- SSB, "PxWebApi 2.0" (https://ssb.no/en/api/pxwebapi/pxwebapi-2.0-beta) and "StatBank
  PxWebApi user guide" (https://www.ssb.no/en/api/statbank-pxwebapi-user-guide), section
  "Queries against a table": an asterisk truncates (`valueCodes[Tid]=2020*` is every month of
  2020, `*` alone every value); a question mark stands for exactly one character
  (`valueCodes[Konsumgrp]=??` is every two-character code); several items are separated by
  commas; at most 800,000 cells per request.
- PxTools, "PxWebApi 2 user guide" (https://www.pxtools.net/PxWebApi/documentation/user-guide),
  "What's new in PxWebApi version 2": `?` masks one character, `*` several (`202?M12`);
  `from(x)` is every value from and including x, `to(x)` every value up to and including x,
  `range(x,y)` the interval from x to y, and `bottom(n)` the opposite of `top(n)`, the n
  latest (last) values.

Where those pages say nothing, this reading assumes (and the tests say so): values come back
in the variable's own order, whatever order the items were given in; a value code matches
exactly or else ignoring case; `top(n,k)`/`bottom(n,k)` first skip k values from their end;
`range(y,x)` is the same interval as `range(x,y)`; a GET item with a comma inside is wrapped in
brackets (`[range(2017,2020)]`). An unknown value code (or bound) is `UnknownValue`; an
expression that cannot be read (`top(x)`, `range(2017)`) is `IllegalExpression`.

No imports from temaplan: this module is the fake's side of the contract.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["IllegalExpression", "Item", "UnknownValue", "read_item", "select", "split_get_value"]

# Expression name -> (fewest, most) arguments.
_ARITY = {"top": (1, 2), "bottom": (1, 2), "from": (1, 1), "to": (1, 1), "range": (2, 2)}


class SelectionError(ValueError):
    """A selection the fake refuses."""


class UnknownValue(SelectionError):
    """A value code, or an expression's bound, that the variable does not have."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class IllegalExpression(SelectionError):
    """An item that looks like an expression but cannot be read."""


@dataclass(frozen=True)
class Item:
    """One selection item: `kind` is "code", "mask" or an expression's name."""

    kind: str
    args: tuple[str, ...]


def read_item(text: str) -> Item:
    """Classify one item: a value code, a mask with `*`/`?`, or an expression."""
    item = text.strip()
    if len(item) >= 2 and item[0] == "[" and item[-1] == "]":
        item = item[1:-1].strip()
    paren = item.find("(")
    if paren > 0 and item.endswith(")"):
        name = item[:paren].strip().lower()
        if name in _ARITY:
            args = tuple(part.strip() for part in item[paren + 1 : -1].split(","))
            fewest, most = _ARITY[name]
            if not fewest <= len(args) <= most or not all(args):
                raise IllegalExpression(text)
            if name in ("top", "bottom") and not all(a.isascii() and a.isdigit() for a in args):
                raise IllegalExpression(text)
            return Item(name, args)
    if "*" in item or "?" in item:
        return Item("mask", (item,))
    return Item("code", (item,))


def select(items: Iterable[str], codes: Sequence[str]) -> list[str]:
    """The codes among `codes` that `items` select, in the variable's order."""
    exact: dict[str, int] = {}
    folded: dict[str, int] = {}
    for position, code in enumerate(codes):
        exact.setdefault(code, position)
        folded.setdefault(code.casefold(), position)

    def position_of(code: str) -> int:
        if code in exact:
            return exact[code]
        if code.casefold() in folded:
            return folded[code.casefold()]
        raise UnknownValue(code)

    last = len(codes)
    chosen: set[int] = set()
    for text in items:
        item = read_item(text)
        if item.kind == "code":
            chosen.add(position_of(item.args[0]))
        elif item.kind == "mask":
            pattern = _mask(item.args[0])
            chosen.update(p for p, code in enumerate(codes) if pattern.fullmatch(code))
        elif item.kind in ("top", "bottom"):
            count = int(item.args[0])
            skip = int(item.args[1]) if len(item.args) == 2 else 0
            if item.kind == "top":
                chosen.update(range(max(last - skip - count, 0), max(last - skip, 0)))
            else:
                chosen.update(range(min(skip, last), min(skip + count, last)))
        elif item.kind == "from":
            chosen.update(range(position_of(item.args[0]), last))
        elif item.kind == "to":
            chosen.update(range(0, position_of(item.args[0]) + 1))
        else:  # range
            ends = sorted(position_of(bound) for bound in item.args)
            chosen.update(range(ends[0], ends[1] + 1))
    return [codes[p] for p in sorted(chosen)]


def _mask(mask: str) -> re.Pattern[str]:
    """`*` any run of characters (also none), `?` exactly one; the rest literally, any case."""
    literal = re.escape(mask).replace(r"\*", ".*").replace(r"\?", ".")
    return re.compile(literal, re.IGNORECASE | re.DOTALL)


def split_get_value(value: str) -> list[str]:
    """A GET `valueCodes[...]` value into items: `0301,[range(2017,2019)],top(1)` → 3 items.

    Commas split items except inside brackets, which is how GET carries an expression with a
    comma; an unbracketed `range(2017,2019)` is two (unreadable) items, as at SSB.
    """
    items: list[str] = []
    depth = 0
    start = 0
    for at, char in enumerate(value):
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(value[start:at])
            start = at + 1
    items.append(value[start:])
    return [item.strip() for item in items if item.strip()]
