"""PxWebApi v2 value selections, as the client reads and writes them.

Selections map a variable to a list of value codes or expressions, exactly as PxWebApi takes
them: `["0301", "4601"]`, `"*"`, `"03*"`, `"top(3)"`, `"bottom(2)"`, `"from(2019)"`, `"to(2020)"`,
`"range(2017,2020)"`. `resolve_value_codes` says which codes an item list selects among a
variable's codes (to count cells before sending); `encode_selection` writes the GET query string.

Plain Python; the only project import is the error type the client raises.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import quote

from temaplan.statistics.http import SsbRequestError

__all__ = [
    "BadExpression",
    "NonExistentValue",
    "encode_selection",
    "is_expression",
    "normalise_selection",
    "query_string",
    "resolve_value_codes",
]

EMPTY_SELECTION = "Utvalget for {variable} i tabell {table} er tomt."

_FUNCTION = re.compile(r"^\s*(top|bottom|from|to|range)\s*\((.*)\)\s*$", re.IGNORECASE)


class NonExistentValue(ValueError):
    """A value code (or an expression's bound) that is not among the variable's codes."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class BadExpression(ValueError):
    """A selection expression that cannot be read (`top(x)`, `range(2017)`)."""


def is_expression(item: str) -> bool:
    """Whether a selection item is an expression or wildcard rather than one value code."""
    return "*" in item or "?" in item or _FUNCTION.match(item) is not None


def _wildcard(pattern: str) -> re.Pattern[str]:
    parts = (".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern)
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def _position(code: str, codes: Sequence[str], lookup: Mapping[str, int]) -> int:
    code = code.strip()
    if code in lookup:
        return lookup[code]
    folded = code.casefold()
    for i, candidate in enumerate(codes):
        if candidate.casefold() == folded:
            return i
    raise NonExistentValue(code)


def resolve_value_codes(
    items: Iterable[str], codes: Sequence[str], *, strict: bool = True
) -> list[str]:
    """The codes `items` select among `codes` (in the order of `codes`, as SSB answers).

    Items are value codes (matched exactly, else ignoring case, as SSB does) or expressions:
    `*`, wildcards with `*` and `?`, `top(n[,offset])`, `bottom(n[,offset])`, `from(c)`,
    `to(c)` and `range(c1,c2)`, where `top` means the last codes in metadata order.
    Unknown codes raise `NonExistentValue`, or with `strict=False` are kept (after the known
    ones) so that a cell count still sees them; an expression's unknown bound always raises.
    """
    lookup = {code: i for i, code in enumerate(codes)}
    chosen: set[int] = set()
    unknown: list[str] = []
    n = len(codes)
    for raw in items:
        item = raw.strip()
        if item.startswith("[") and item.endswith("]"):
            item = item[1:-1].strip()
        match = _FUNCTION.match(item)
        if match:
            name = match.group(1).lower()
            args = [a.strip() for a in match.group(2).split(",")]
            if name in ("top", "bottom"):
                try:
                    count = int(args[0])
                    offset = int(args[1]) if len(args) > 1 else 0
                except (ValueError, IndexError):
                    raise BadExpression(raw) from None
                if len(args) > 2 or count < 0 or offset < 0:
                    raise BadExpression(raw)
                if name == "top":
                    picked = range(max(n - offset - count, 0), max(n - offset, 0))
                else:
                    picked = range(min(offset, n), min(offset + count, n))
            elif name == "range":
                if len(args) != 2:
                    raise BadExpression(raw)
                first, last = (_position(a, codes, lookup) for a in args)
                picked = range(min(first, last), max(first, last) + 1)
            else:
                if len(args) != 1 or not args[0]:
                    raise BadExpression(raw)
                at = _position(args[0], codes, lookup)
                picked = range(at, n) if name == "from" else range(0, at + 1)
            chosen.update(picked)
        elif "*" in item or "?" in item:
            pattern = _wildcard(item)
            chosen.update(i for i, code in enumerate(codes) if pattern.fullmatch(code))
        else:
            try:
                chosen.add(_position(item, codes, lookup))
            except NonExistentValue:
                if strict:
                    raise
                if item not in unknown:
                    unknown.append(item)
    return [codes[i] for i in sorted(chosen)] + unknown


def normalise_selection(
    selection: Mapping[str, Sequence[str] | str], *, table: str = "?"
) -> dict[str, tuple[str, ...]]:
    """Variable → tuple of items; a string is one item; duplicates dropped (SSB answers 500)."""
    out: dict[str, tuple[str, ...]] = {}
    for variable, items in selection.items():
        values = [items] if isinstance(items, str) else list(items)
        cleaned = tuple(dict.fromkeys(str(v).strip() for v in values if str(v).strip()))
        if not cleaned:
            raise SsbRequestError(EMPTY_SELECTION.format(variable=variable, table=table))
        out[str(variable)] = cleaned
    return out


def encode_selection(
    selection: Mapping[str, Sequence[str]],
    codelists: Mapping[str, str] | None = None,
    *,
    lang: str = "no",
) -> str:
    """The query string of a GET data request, as SSB documents it.

    `lang=no&outputFormat=json-stat2&valueCodes[Region]=0301,4601&valueCodes[Tid]=top(3)`;
    an item with a comma (`range(2017,2020)`) goes in brackets, as GET requires.
    """
    params = [("lang", lang), ("outputFormat", "json-stat2")]
    for variable, items in selection.items():
        joined = ",".join(f"[{i}]" if "," in i and not i.startswith("[") else i for i in items)
        params.append((f"valueCodes[{variable}]", joined))
    for variable, codelist in (codelists or {}).items():
        params.append((f"codelist[{variable}]", codelist))
    return query_string(params)


_SAFE_VALUE = ",*?()[]-._~:!'"


def query_string(params: Iterable[tuple[str, str]]) -> str:
    return "&".join(f"{quote(k, safe='[]')}={quote(v, safe=_SAFE_VALUE)}" for k, v in params)
