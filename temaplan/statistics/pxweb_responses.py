"""What SSB answers to PxWebApi v2 data requests: the parts, merged, or a refusal read.

`DataResponse` is one answered request (raw body, decoded dataset, SSB's `updated` vintage);
`merge_datasets` joins the parts of a split request into one dataset; `refusal` turns SSB's
400/404 answer into an `SsbRequestError` with a Norwegian message naming the table and the
values (metadata, fetched only when the answer needs it, says which value or variable it was).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import orjson

from temaplan.statistics.http import ClientError, SsbRequestError
from temaplan.statistics.jsonstat import decode
from temaplan.statistics.jsonstat_model import Dataset, Dimension, JsonStatError
from temaplan.statistics.pxweb_meta import TableMeta, find_variable
from temaplan.statistics.pxweb_plan import NON_EXISTENT_VALUE
from temaplan.statistics.pxweb_selection import (
    NonExistentValue,
    is_expression,
    resolve_value_codes,
)

__all__ = ["DataResponse", "decode_checked", "error_title", "merge_datasets", "refusal"]

# Messages (the tests reuse them).
NON_EXISTENT_TABLE = "Tabell {table} finnes ikke hos SSB."
NON_EXISTENT_VARIABLE = "Tabell {table} har ingen variabel {variables} ({selection})."
NON_EXISTENT_CODELIST = "Tabell {table} har ikke kodelisten {codelists}."
MISSING_MANDATORY = "Tabell {table} krever at du velger verdier for {variables}."
TOO_MANY_CELLS = (
    "SSB avviste uttrekket fra tabell {table} fordi det har for mange celler "
    "(grensen er {limit} celler per forespørsel)."
)
ILLEGAL_EXPRESSION = "SSB forstår ikke utvalget i tabell {table} ({selection})."
REQUEST_REFUSED = "SSB avviste forespørselen om tabell {table} (HTTP {status}: {title})."
SEARCH_REFUSED = "SSB avviste søket «{query}» (HTTP {status}: {title})."
NOTHING_TO_MERGE = "Det er ingen datasett å slå sammen."
CANNOT_MERGE = "Delene kan ikke slås sammen: {reason}."


@dataclass(frozen=True)
class DataResponse:
    """One answered data request: the raw JSON-stat 2.0 body and its decoded dataset."""

    url: str
    body: bytes
    dataset: Dataset
    from_cache: bool
    cells: int
    method: str = "GET"
    selection: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def updated(self) -> str | None:
        """SSB's `updated` time of the table: the vintage of these numbers."""
        return self.dataset.updated


# --- Merging the parts -------------------------------------------------------------------------


def merge_datasets(datasets: Sequence[Dataset]) -> Dataset:
    """One dataset from the parts of a split request (the same dimensions, codes spread out).

    Codes keep the order in which the parts bring them; cells no part covers are NaN. The
    merged `updated` is the latest of the parts'.
    """
    if not datasets:
        raise ValueError(NOTHING_TO_MERGE)
    if len(datasets) == 1:
        return datasets[0]
    first = datasets[0]
    ids = first.ids
    for ds in datasets[1:]:
        if ds.ids != ids:
            raise ValueError(CANNOT_MERGE.format(reason=f"dimensjonene {ds.ids} ≠ {ids}"))
    codes: list[dict[str, int]] = [{} for _ in ids]
    labels: list[dict[str, str]] = [{} for _ in ids]
    units: list[dict[str, dict[str, Any]]] = [{} for _ in ids]
    for ds in datasets:
        for axis, dim in enumerate(ds.dimensions):
            for code, label in zip(dim.codes, dim.labels, strict=True):
                if code not in codes[axis]:
                    codes[axis][code] = len(codes[axis])
                    labels[axis][code] = label
            units[axis].update(dim.units or {})
    shape = tuple(len(c) for c in codes)
    # The widest dtype of the parts (float32 only when every part was exact in float32).
    values = np.full(shape, np.nan, dtype=np.result_type(*(ds.values.dtype for ds in datasets)))
    status: dict[int, str] = {}
    for ds in datasets:
        index = [
            np.array([codes[axis][c] for c in dim.codes], dtype=np.intp)
            for axis, dim in enumerate(ds.dimensions)
        ]
        values[np.ix_(*index)] = ds.values
        if ds.status:
            flat = np.fromiter(ds.status, dtype=np.intp, count=len(ds.status))
            where = np.unravel_index(flat, ds.shape)
            target = np.ravel_multi_index(
                tuple(idx[pos] for idx, pos in zip(index, where, strict=True)), shape
            )
            status.update(zip(target.tolist(), ds.status.values(), strict=True))
    dimensions = [
        Dimension(
            id=dim.id,
            label=dim.label,
            codes=list(codes[axis]),
            labels=[labels[axis][c] for c in codes[axis]],
            role=dim.role,
            units=units[axis] or None,
        )
        for axis, dim in enumerate(first.dimensions)
    ]
    stamps = [ds.updated for ds in datasets if ds.updated]
    return Dataset(
        label=first.label,
        updated=max(stamps) if stamps else None,
        source=first.source,
        dimensions=dimensions,
        values=values,
        status=status,
        notes=list(first.notes),
    )


# --- Refusals ----------------------------------------------------------------------------------


def refusal(
    table: str,
    exc: ClientError,
    *,
    max_cells: int,
    metadata: Callable[[], TableMeta | None],
    selection: Mapping[str, Sequence[str]] | None = None,
    codelists: Mapping[str, str] | None = None,
) -> SsbRequestError:
    """A clear Norwegian error for SSB's 4xx answer (`metadata()` is asked only if needed)."""
    title, status = error_title(exc)
    folded = title.casefold()
    selection = selection or {}
    shown = _show_selection(selection)

    def error(message: str) -> SsbRequestError:
        return SsbRequestError(message, status=exc.status, title=title, url=exc.url)

    if "non-existent table" in folded or (exc.status == 404 and not title):
        return error(NON_EXISTENT_TABLE.format(table=table))
    if "codelist" in folded:
        names = _and_list([f"{c} for {v}" for v, c in (codelists or {}).items()])
        return error(NON_EXISTENT_CODELIST.format(table=table, codelists=names or "?"))
    if "too many cells" in folded:
        return error(TOO_MANY_CELLS.format(table=table, limit=f"{max_cells:,}"))
    if "expression" in folded:
        return error(ILLEGAL_EXPRESSION.format(table=table, selection=shown))
    # The rest are answers to data requests; metadata says which variable or value is wrong.
    if "non-existent value" in folded:
        which, where = _unknown_values(metadata(), selection)
        return error(NON_EXISTENT_VALUE.format(which=which, table=table, selection=where))
    if "mand" in folded and "missing" in folded:
        meta = metadata()
        missing = [v for v in meta.mandatory if not _selected(v, selection)] if meta else []
        names = _and_list(missing) if missing else "alle variabler som ikke kan utelates"
        return error(MISSING_MANDATORY.format(table=table, variables=names))
    if "non-existent variable" in folded:
        meta = metadata()
        unknown = [v for v in selection if meta is None or not meta.has(v)]
        return error(
            NON_EXISTENT_VARIABLE.format(
                table=table, variables=_and_list(unknown or list(selection)), selection=shown
            )
        )
    return error(REQUEST_REFUSED.format(table=table, status=status, title=title or "?"))


def _unknown_values(
    meta: TableMeta | None, selection: Mapping[str, Sequence[str]]
) -> tuple[str, str]:
    """(«verdien 9999», «Region=9999») from metadata; the whole selection if unclear."""
    unknown: dict[str, list[str]] = {}
    if meta is not None:
        for name, items in selection.items():
            var = find_variable(meta, name)
            if var is None:
                continue
            for item in items:
                if is_expression(item):
                    continue
                try:
                    resolve_value_codes([item], var.codes)
                except NonExistentValue:
                    unknown.setdefault(var.id, []).append(item)
    codes = [c for items in unknown.values() for c in items]
    if not codes:
        return "en av verdiene", _show_selection(selection)
    which = f"verdien {codes[0]}" if len(codes) == 1 else f"verdiene {_and_list(codes)}"
    return which, _show_selection(unknown)


def _selected(variable: str, selection: Mapping[str, Sequence[str]]) -> bool:
    return any(name.casefold() == variable.casefold() for name in selection)


def _show_selection(selection: Mapping[str, Sequence[str]], limit: int = 12) -> str:
    shown = []
    for name, items in selection.items():
        items = list(items)
        text = ",".join(items[:limit]) + (f",… ({len(items)} i alt)" if len(items) > limit else "")
        shown.append(f"{name}={text}")
    return "; ".join(shown)


def _and_list(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def error_title(exc: ClientError) -> tuple[str, int]:
    """SSB's error `title` (its diagnosis) and the status, from a 4xx body."""
    status = exc.status
    try:
        body = orjson.loads(exc.body) if exc.body else None
    except orjson.JSONDecodeError:
        body = None
    if isinstance(body, dict):
        title = str(body.get("title") or body.get("detail") or "").strip()
        if isinstance(body.get("status"), int):
            status = body["status"]
        return title, status
    text = exc.body.decode("utf-8", "replace").strip()[:200] if exc.body else ""
    return text, status


def json_object(data: bytes) -> dict[str, Any]:
    value = orjson.loads(data)  # JSONDecodeError is a ValueError: the fetcher retries
    if not isinstance(value, dict):
        raise ValueError("svaret er ikke et JSON-objekt")
    return value


def decode_checked(data: bytes) -> Dataset:
    try:
        return decode(data)
    except JsonStatError as exc:  # already a ValueError; keep the fetcher's contract explicit
        raise ValueError(str(exc)) from None
