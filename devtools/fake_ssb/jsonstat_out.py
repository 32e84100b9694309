"""The fake server writing JSON-stat 2.0: metadata and data bodies in SSB's shape.

`extract` applies code lists and the selection to a table's values and eliminates (sums, or
takes the elimination value of) every variable left out; `dataset_json` and `values_text`
write the body as SSB does (`extension.elimination`, `extension.codelists`, `extension.px`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import numpy as np

from devtools.fake_ssb.common import SOURCE
from devtools.fake_ssb.tables import Codelist, Dim, Table

__all__ = ["dataset_json", "extract", "values_text"]


def dimension_json(dim: Dim, codes: list[str], labels: list[str], metadata: bool) -> dict:
    out: dict[str, Any] = {
        "label": dim.label,
        "category": {
            "index": {c: i for i, c in enumerate(codes)},
            "label": dict(zip(codes, labels, strict=True)),
        },
        "extension": {"elimination": dim.eliminable, "show": "code_value"},
    }
    if dim.units:
        out["category"]["unit"] = {c: dim.units[c] for c in codes if c in dim.units}
    if metadata and dim.codelists:
        out["extension"]["codelists"] = [
            {
                "id": cl.id,
                "label": cl.label,
                "type": cl.type,
                "links": [{"rel": "metadata", "hreflang": "no", "href": f"/codeLists/{cl.id}"}],
            }
            for cl in dim.codelists.values()
        ]
    return out


def dataset_json(
    table: Table, dims: list[tuple[Dim, list[str], list[str]]], *, metadata: bool
) -> dict[str, Any]:
    roles: dict[str, list[str]] = defaultdict(list)
    for dim, _, _ in dims:
        if dim.role:
            roles[dim.role].append(dim.id)
    return {
        "version": "2.0",
        "class": "dataset",
        "label": table.label,
        "source": SOURCE,
        "updated": table.updated,
        "note": table.notes,
        "role": dict(roles),
        "id": [d.id for d, _, _ in dims],
        "size": [len(codes) for _, codes, _ in dims],
        "dimension": {
            d.id: dimension_json(d, codes, labels, metadata) for d, codes, labels in dims
        },
        "extension": {
            "px": {
                "tableid": table.id,
                "decimals": 0,
                "official-statistics": True,
                "language": "no",
                "contents": table.label.split(",")[0],
                "matrix": table.id,
            },
            "contact": [],
        },
    }


def values_text(values: np.ndarray) -> bytes:
    flat = values.ravel()
    missing = np.isnan(flat)
    finite = flat[~missing]
    if finite.size and np.all(finite == np.round(finite)) and np.all(np.abs(finite) < 2**53):
        text = flat.astype(np.int64, copy=False).astype(str) if not missing.any() else None
        if text is None:
            text = np.where(missing, 0, flat).astype(np.int64).astype(str).astype(object)
            text[missing] = "null"
    else:
        text = np.array(["null" if math.isnan(v) else repr(float(v)) for v in flat], dtype=object)
    return ",".join(text.tolist()).encode()


def extract(
    table: Table, chosen: dict[str, list[str]], codelists: dict[str, Codelist]
) -> tuple[np.ndarray, list[tuple[Dim, list[str], list[str]]]]:
    values = table.values
    time_axis = table.dims.index(table.time)
    # Code lists first (an aggregation weighs each year on its own), then the selection.
    for axis, dim in enumerate(table.dims):
        cl = codelists.get(dim.id)
        if cl is None:
            continue
        if cl.weights is not None:  # an aggregation
            values = _aggregate(values, axis, time_axis, cl.weights)
        elif cl.members is not None:  # a valueset
            values = np.take(values, cl.members, axis=axis)
    dims = []
    for axis, dim in enumerate(table.dims):
        cl = codelists.get(dim.id)
        codes = cl.codes if cl else dim.codes
        labels = cl.labels if cl else dim.labels
        if dim.id in chosen:
            at = {c: i for i, c in enumerate(codes)}
            idx = [at[c] for c in chosen[dim.id]]
            values = np.take(values, idx, axis=axis)
            dims.append((dim, chosen[dim.id], [labels[i] for i in idx]))
        else:
            dims.append((dim, [], []))  # eliminated below
    for axis in reversed(range(len(table.dims))):
        dim = table.dims[axis]
        if dim.id in chosen:
            continue
        if dim.elimination_code is not None:
            values = np.take(values, dim.codes.index(dim.elimination_code), axis=axis)
        else:
            present = ~np.isnan(values)
            summed = np.nansum(values, axis=axis)
            values = np.where(present.any(axis=axis), summed, np.nan)
        del dims[axis]
    return values, dims


def _aggregate(values: np.ndarray, axis: int, time_axis: int, weights: np.ndarray) -> np.ndarray:
    moved = np.moveaxis(values, (axis, time_axis), (-2, -1))  # (..., source, time)
    present = (~np.isnan(moved)).astype(float)
    filled = np.nan_to_num(moved)
    out = np.empty((*moved.shape[:-2], weights.shape[1], moved.shape[-1]))
    for t in range(moved.shape[-1]):
        w = weights[t]
        total = filled[..., t] @ w.T
        seen = present[..., t] @ (w > 0).T.astype(float)
        out[..., t] = np.where(seen > 0, total, np.nan)
    return np.moveaxis(out, (-2, -1), (axis, time_axis))
