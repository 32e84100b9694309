"""Small JSON-stat documents the decoder's tests share (not a test module itself)."""

from __future__ import annotations

import numpy as np
import orjson


def small(**changes) -> dict:
    """A valid 2 × 3 JSON-stat 2.0 dataset (region × year); changes replace top-level keys."""
    doc = {
        "version": "2.0",
        "class": "dataset",
        "label": "Folkemengde",
        "source": "Statistisk sentralbyrå",
        "updated": "2024-02-21T07:00:00Z",
        "id": ["Region", "Tid"],
        "size": [2, 3],
        "role": {"geo": ["Region"], "time": ["Tid"]},
        "dimension": {
            "Region": {
                "label": "region",
                "category": {
                    "index": {"3025": 0, "3024": 1},
                    "label": {"3025": "Asker", "3024": "Bærum"},
                },
            },
            "Tid": {"label": "år", "category": {"index": ["2020", "2021", "2022"]}},
        },
        "value": [94441, 95332, 96201, 127731, 128233, 129054],
    }
    doc.update(changes)
    return doc


def with_dimension(name: str, **category) -> dict:
    doc = small()
    doc["dimension"][name]["category"] = category
    return doc


def encode(doc: dict) -> bytes:
    return orjson.dumps(doc)


ASKER_BAERUM = [[94441, 95332, 96201], [127731, 128233, 129054]]


F32, F64 = np.float32, np.float64


def one_dimension(values, **changes) -> dict:
    n = len(values)
    doc = {
        "class": "dataset",
        "id": ["celle"],
        "size": [n],
        "dimension": {"celle": {"category": {"index": [str(i) for i in range(n)]}}},
        "value": values,
    }
    doc.update(changes)
    return doc


def as_float64(values: list) -> np.ndarray:
    return np.array(values, dtype=np.float64)
