"""What the JSON-stat decoder gives: `Dataset`, `Dimension`, SSB's status symbols, the error.

Plain Python and numpy, no Django. A `Dataset` holds the dimensions in `id` order with their
category codes and labels, the values as a read-only float32 or float64 array of shape `size`
(C order, NaN where missing) and the status symbols by flat cell index. `decode` in
temaplan.statistics.jsonstat makes one from a response body; statbank_px makes one from a
PC-Axis file.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

__all__ = ["MISSING_REASONS", "Dataset", "Dimension", "JsonStatError", "missing_reason"]

# SSB's standard symbols (https://www.ssb.no/en/help/standard-symbols-in-tables): why a cell has
# no number, or what is special about the number it has.
MISSING_REASONS: dict[str, str] = {
    ".": "ikke mulig å oppgi",
    "..": "ikke tilgjengelig ennå",
    "...": "foreløpig ikke tilgjengelig",
    "…": "foreløpig ikke tilgjengelig",
    "....": "manglende verdi",
    ".....": "manglende verdi",
    "......": "manglende verdi",
    ":": "skjult (personvern)",
    "-": "null (ingenting å registrere)",
    "*": "foreløpig tall",
    "r": "rettet siden forrige publisering",
}

# The dtypes a Dataset's values may have: float32 when that is exact, float64 otherwise.
_VALUE_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))


class JsonStatError(ValueError):
    """The document is not a JSON-stat dataset this decoder can read; the message says why."""


def missing_reason(symbol: str | None) -> str:
    """The Norwegian reason behind a status symbol (`"..": "ikke tilgjengelig ennå"`)."""
    if symbol is None or symbol == "":
        return "mangler (uten oppgitt årsak)"
    return MISSING_REASONS.get(symbol, f"spesielt merket (symbol «{symbol}»)")


@dataclass(frozen=True, eq=False)
class Dimension:
    """One dimension: its categories' codes and labels in index order."""

    id: str
    label: str
    codes: list[str]
    labels: list[str]
    role: str | None = None  # "time", "geo", "metric" or None
    units: dict[str, dict[str, Any]] | None = None  # code -> {"base": "kr", "decimals": 0}

    @property
    def size(self) -> int:
        return len(self.codes)

    def position(self, code: str) -> int:
        """The index of a category code; KeyError if the dimension has no such code."""
        try:
            return self.codes.index(code)
        except ValueError:
            raise KeyError(code) from None

    def label_of(self, code: str) -> str:
        return self.labels[self.position(code)]


@dataclass(frozen=True, eq=False)
class Dataset:
    """A decoded dataset: dimensions in `id` order and a float array of shape `size`.

    `values` is read-only and float32 or float64: `decode` gives float32 when that holds every
    value exactly (counts up to 2**24), to keep a large table small (a 380,000-cell commuting
    matrix is 1.5 MB in float32, 3 MB in float64), and float64 otherwise. NaN where missing.
    Sum many cells in float64 (`values.sum(dtype=np.float64)`); a float32 sum is rounded.
    """

    label: str
    updated: str | None
    source: str | None
    dimensions: list[Dimension]
    values: np.ndarray
    status: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        shape = tuple(d.size for d in self.dimensions)
        if self.values.dtype not in _VALUE_DTYPES or self.values.shape != shape:
            raise JsonStatError(
                f"Verdiene har form {self.values.shape} ({self.values.dtype}), "
                f"men dimensjonene gir {shape} (float32 eller float64)."
            )
        self.values.flags.writeable = False

    @property
    def shape(self) -> tuple[int, ...]:
        return self.values.shape

    @property
    def size(self) -> int:
        return int(self.values.size)

    @property
    def ids(self) -> list[str]:
        return [d.id for d in self.dimensions]

    def dimension(self, dimension_id: str) -> Dimension:
        for dim in self.dimensions:
            if dim.id == dimension_id:
                return dim
        raise KeyError(dimension_id)

    def role(self, role: str) -> Dimension | None:
        """The first dimension with this role ("time", "geo" or "metric"), if any."""
        return next((d for d in self.dimensions if d.role == role), None)

    def columns(self) -> dict[str, np.ndarray]:
        """Long form: each dimension id -> its code per cell, and "value" -> the float values.

        Cells come in C order (the last dimension varies fastest), like `values.ravel()`.
        "value" is a view of `values`, so it has its dtype (float32 or float64, see `Dataset`):
        sum it in float64 (`col.sum(dtype=np.float64)`) when many cells are added up.
        Code columns are numpy string arrays (`col == "3025"` and `np.unique` are vectorised);
        a one-category dimension's column is a broadcast view that costs no memory. All
        columns are read-only.
        """
        out: dict[str, np.ndarray] = {}
        shape = self.values.shape
        n = self.values.size
        for axis, dim in enumerate(self.dimensions):
            codes = np.array(dim.codes, dtype=np.str_)
            if dim.size == 1:
                column = np.broadcast_to(codes, (n,))
            else:
                inner = math.prod(shape[axis + 1 :])
                outer = math.prod(shape[:axis])
                column = np.tile(np.repeat(codes, inner), outer)
                column.flags.writeable = False
            out[dim.id] = column
        out["value"] = self.values.reshape(-1)
        return out

    def missing_reason(self, symbol: str | None) -> str:
        return missing_reason(symbol)

    def reason_at(self, flat_index: int) -> str | None:
        """Why the cell at this flat (C-order) index is missing or flagged; None if normal."""
        symbol = self.status.get(flat_index)
        if symbol is not None:
            return missing_reason(symbol)
        if math.isnan(self.values.flat[flat_index]):
            return missing_reason(None)
        return None
