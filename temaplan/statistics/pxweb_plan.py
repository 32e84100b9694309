"""Planning PxWebApi v2 data requests so that each stays within SSB's cell limit.

Before sending, the client counts the cells a selection asks for (expressions are resolved
against the table's metadata) and, if there are more than SSB's limit (800,000 per request,
`SSB_MAX_CELLS_PER_REQUEST`), splits the selection along the largest dimension, the region
dimension if that alone is enough, so every request stays within the limit. Split parts carry
explicit codes, so all parts cover the same values even if SSB publishes in between.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from temaplan.statistics.http import SsbRequestError
from temaplan.statistics.pxweb_meta import TableMeta, find_variable
from temaplan.statistics.pxweb_selection import (
    BadExpression,
    NonExistentValue,
    is_expression,
    resolve_value_codes,
)

__all__ = ["SSB_MAX_CELLS_PER_REQUEST", "RequestPart", "plan_requests"]

#: The most cells SSB answers in one data request (its `/config` says `maxDataCells`).
SSB_MAX_CELLS_PER_REQUEST: Final = 800_000

NON_EXISTENT_VALUE = "SSB kjenner ikke {which} i tabell {table} ({selection})."
BAD_EXPRESSION = "«{expression}» er ikke et gyldig utvalg for {variable} i tabell {table}."
CANNOT_SPLIT = (
    "Utvalget fra tabell {table} kan ikke deles slik at hver forespørsel har høyst {limit} celler."
)


@dataclass(frozen=True)
class RequestPart:
    """One data request: the items to send per variable and the cells it will return."""

    selection: dict[str, tuple[str, ...]]
    cells: int


def plan_requests(
    table: str,
    selection: Mapping[str, tuple[str, ...]],
    meta: TableMeta | None,
    *,
    max_cells: int = SSB_MAX_CELLS_PER_REQUEST,
) -> list[RequestPart]:
    """Split `selection` into requests of at most `max_cells` cells each.

    Counting needs `meta` when the selection has expressions; unknown variables and values are
    counted as given (SSB will refuse them with a clear answer). The split dimension is the
    region (geo) dimension when splitting it alone is enough, else the largest; when even one
    code of that dimension per part is too much, the next dimension is split as well.
    """
    resolved: dict[str, list[str]] = {}
    roles: dict[str, str | None] = {}
    for name, items in selection.items():
        var = find_variable(meta, name)
        roles[name] = var.role if var else None
        if var is None:
            if meta is None and any(is_expression(i) for i in items):
                raise ValueError("Å telle cellene i et uttrykk krever tabellens metadata.")
            resolved[name] = list(items)  # counted as given; SSB refuses an unknown variable
            continue
        try:
            resolved[name] = resolve_value_codes(items, var.codes, strict=False)
        except NonExistentValue as exc:
            raise SsbRequestError(
                NON_EXISTENT_VALUE.format(
                    which=f"verdien {exc.code}",
                    table=table,
                    selection=f"{name}={','.join(items)}",
                )
            ) from None
        except BadExpression as exc:
            raise SsbRequestError(
                BAD_EXPRESSION.format(expression=exc, variable=name, table=table)
            ) from None
    cells = math.prod(len(codes) for codes in resolved.values())
    if cells <= max_cells:
        return [RequestPart(dict(selection), cells)]
    # Split parts carry explicit codes (a lone "*" stays: it means the same in every part).
    base = {
        name: items
        if items == ("*",) or not any(is_expression(i) for i in items)
        else tuple(resolved[name])
        for name, items in selection.items()
    }
    return _split(table, base, resolved, roles, max_cells)


def _split(
    table: str,
    sent: dict[str, tuple[str, ...]],
    resolved: dict[str, list[str]],
    roles: Mapping[str, str | None],
    max_cells: int,
) -> list[RequestPart]:
    cells = math.prod(len(codes) for codes in resolved.values())
    if cells <= max_cells:
        return [RequestPart(dict(sent), cells)]
    candidates = [name for name, codes in resolved.items() if len(codes) > 1]
    if not candidates:
        raise SsbRequestError(CANNOT_SPLIT.format(table=table, limit=max_cells))

    def rest(name: str) -> int:
        return cells // len(resolved[name])

    geo = [n for n in candidates if roles.get(n) == "geo" and rest(n) <= max_cells]
    name = max(geo or candidates, key=lambda n: (len(resolved[n]), n))
    codes = resolved[name]
    per_part = max(max_cells // rest(name), 1)
    n_parts = math.ceil(len(codes) / per_part)
    size = math.ceil(len(codes) / n_parts)  # balanced parts
    parts: list[RequestPart] = []
    for start in range(0, len(codes), size):
        chunk = codes[start : start + size]
        parts += _split(
            table,
            {**sent, name: tuple(chunk)},
            {**resolved, name: chunk},
            roles,
            max_cells,
        )
    return parts
