"""Fuzzing the JSON-stat decoder: whatever arrives, it returns a Dataset or raises JsonStatError.

Valid documents are generated with their expected values; then mutated (keys dropped, values
swapped for random JSON, lists lengthened or shortened, bytes cut, inserted or replaced), and
arbitrary bytes are thrown at it too. The values' dtype is float32 exactly when float32 holds
every value, whichever of the decoder's readers reads them.
"""

from __future__ import annotations

import contextlib
import json
import math
import struct
from typing import Any
from unittest import mock

import numpy as np
import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from temaplan.statistics import jsonstat, jsonstat_fast
from temaplan.statistics.jsonstat import decode
from temaplan.statistics.jsonstat_model import Dataset, JsonStatError
from temaplan.statistics.tests.jsonstat_docs import one_dimension

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

codes = st.text(alphabet="0123456789ABKx-_ øå", min_size=1, max_size=6)
numbers = st.one_of(
    st.integers(-(10**12), 10**12),
    st.integers(-(2**25), 2**25),  # around float32's limit for whole numbers
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.floats(allow_nan=False, allow_infinity=False, width=32),  # exact in float32
    st.none(),
)
json_leaves = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=6),
)
json_values = st.recursive(
    json_leaves,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def documents(draw) -> tuple[dict, np.ndarray]:
    """A valid JSON-stat document (2.0, or 1.0 in its wrapper) and the values it holds."""
    n_dims = draw(st.integers(1, 3))
    ids = [f"D{i}{draw(st.sampled_from(['', 'Tid', 'Region']))}" for i in range(n_dims)]
    sizes: list[int] = []
    dimension: dict[str, Any] = {}
    for dim_id in ids:
        dim_codes = draw(st.lists(codes, min_size=0, max_size=4, unique=True))
        sizes.append(len(dim_codes))
        category: dict = {}
        form = draw(st.sampled_from(["list", "object", "none"]))
        if form == "none" and len(dim_codes) == 1:
            category["label"] = {dim_codes[0]: draw(st.text(max_size=8))}
        elif form == "object":
            order = draw(st.permutations(range(len(dim_codes))))
            category["index"] = {dim_codes[i]: pos for pos, i in enumerate(order)}
            dim_codes = [dim_codes[i] for i in order]
        else:
            category["index"] = dim_codes
        if draw(st.booleans()) and dim_codes:
            category["label"] = {c: f"Navn {c}" for c in dim_codes}
        dimension[dim_id] = {"label": dim_id.lower(), "category": category}
    n = math.prod(sizes)
    values = draw(st.lists(numbers, min_size=n, max_size=n))
    expected = np.array(values, dtype=np.float64).reshape(sizes)
    if all(map(_exact_in_float32, values)):
        expected = expected.astype(np.float32)
    doc: dict = {"label": "fuzz", "updated": "2024-01-01T00:00:00Z"}
    if draw(st.booleans()) or n == 0:
        doc["value"] = values
    else:
        doc["value"] = {str(i): v for i, v in enumerate(values) if v is not None}
    if draw(st.booleans()):
        doc["status"] = {str(i): ".." for i, v in enumerate(values) if v is None}
    if draw(st.booleans()):
        doc.update({"version": "2.0", "class": "dataset", "id": ids, "size": sizes})
        doc["dimension"] = dimension
        return doc, expected
    dimension.update({"id": ids, "size": sizes})
    doc["dimension"] = dimension
    return {"dataset": doc}, expected


def _exact_in_float32(value: int | float | None) -> bool:
    """Whether the float64 a JSON number means is also a float32 (struct, not numpy, says)."""
    if value is None:
        return True
    try:
        return struct.unpack("<f", struct.pack("<f", float(value)))[0] == float(value)
    except OverflowError:  # beyond float32's range
        return False


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _paths(child, (*prefix, i))


def _parent(doc, path):
    node = doc
    for key in path[:-1]:
        node = node[key]
    return node


@st.composite
def mutated_documents(draw) -> bytes:
    doc, _ = draw(documents())
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(doc, path)
        action = draw(st.sampled_from(["delete", "replace", "grow", "shrink"]))
        target = parent[path[-1]]
        if action == "delete":
            del parent[path[-1]]
        elif action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "grow" and isinstance(target, list):
            target.append(draw(json_values))
        elif action == "shrink" and isinstance(target, list) and target:
            target.pop(draw(st.integers(0, len(target) - 1)))
        else:
            parent[path[-1]] = draw(json_values)
    indent = draw(st.sampled_from([None, 1]))
    return json.dumps(doc, indent=indent, ensure_ascii=draw(st.booleans())).encode()


def _decode_or_refuse(data) -> Dataset | None:
    try:
        ds = decode(data)
    except JsonStatError as exc:
        assert str(exc)  # every refusal says why
        return None
    assert isinstance(ds, Dataset)
    assert ds.values.dtype in (np.float32, np.float64)
    assert ds.values.shape == tuple(d.size for d in ds.dimensions)
    assert all(0 <= i < ds.size for i in ds.status)
    return ds


@FUZZ
@given(documents(), st.sampled_from(["orjson", "pretty", "str"]))
def test_valid_documents_decode_to_their_values(case, form):
    doc, expected = case
    data = {
        "orjson": lambda: orjson.dumps(doc),
        "pretty": lambda: json.dumps(doc, indent=2).encode(),
        "str": lambda: orjson.dumps(doc).decode(),
    }[form]()
    ds = decode(data)
    assert ds.values.dtype == expected.dtype
    np.testing.assert_array_equal(ds.values, expected)
    columns = ds.columns()
    assert all(len(col) == expected.size for col in columns.values())


@FUZZ
@given(mutated_documents())
def test_mutated_documents_raise_only_json_stat_error(data):
    _decode_or_refuse(data)


_JSONISH = st.binary(min_size=1, max_size=6) | st.sampled_from(
    [
        b",",
        b"-",
        b"0",
        b"00",
        b"null",
        b"nul",
        b"]",
        b"[",
        b"{",
        b"}",
        b'"',
        b":",
        b"e5",
        b".",
        b" ",
    ]
)


@FUZZ
@given(documents(), st.data())
def test_byte_level_damage_raises_only_json_stat_error(case, data):
    doc, _ = case
    raw = bytearray(orjson.dumps(doc))
    for _ in range(data.draw(st.integers(1, 3))):
        if not raw:
            break
        at = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["cut", "insert", "replace", "truncate"]))
        if action == "cut":
            del raw[at : at + data.draw(st.integers(1, 8))]
        elif action == "insert":
            raw[at:at] = data.draw(_JSONISH)
        elif action == "replace":
            raw[at : at + 1] = data.draw(_JSONISH)
        else:
            del raw[at:]
    _decode_or_refuse(bytes(raw))


@FUZZ
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300),
        json_values.map(lambda v: json.dumps(v).encode()),
    )
)
def test_arbitrary_input_raises_only_json_stat_error(data):
    _decode_or_refuse(data)


@FUZZ
@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(0, 20_000),
    digits=st.integers(1, 16),
    null_share=st.sampled_from([0.0, 0.001, 0.3]),
    negative=st.booleans(),
)
def test_long_integer_arrays_match_a_plain_conversion(seed, n, digits, null_share, negative):
    """The eight-bytes-at-a-time integer reader agrees with orjson + numpy on any slice."""
    rng = np.random.default_rng(seed)
    raw = rng.integers(0, 10**digits, n, dtype=np.int64) // rng.choice([1, 10, 1000], n)
    if negative:
        raw *= rng.choice([-1, 1], n)
    values: list = raw.tolist()
    for i in np.flatnonzero(rng.random(n) < null_share).tolist():
        values[i] = None
    ds = decode(orjson.dumps(one_dimension(values)))
    np.testing.assert_array_equal(ds.values, np.array(values, dtype=np.float64))


# The decoder's three readers of a value array (see test_jsonstat_fast.READERS).
_READERS = {
    "integers eight bytes at a time": {},
    "orjson slice by slice": {(jsonstat_fast, "_SWAR"): False},
    "orjson on the whole document": {(jsonstat, "split_value_array"): lambda data: None},
}


@FUZZ
@given(
    values=st.lists(numbers, max_size=40),
    padding=st.integers(0, 6_000),
    reader=st.sampled_from(list(_READERS)),
)
def test_values_are_float32_exactly_when_float32_holds_every_one(values, padding, reader):
    """Random ints, floats and nulls, after `padding` small counts (slices read as float32)."""
    values = [i % 9_973 for i in range(padding)] + values
    doc = {
        "class": "dataset",
        "id": ["celle"],
        "size": [len(values)],
        "dimension": {"celle": {"category": {"index": [str(i) for i in range(len(values))]}}},
        "value": values,
    }
    with contextlib.ExitStack() as patches:
        for (module, name), value in _READERS[reader].items():
            patches.enter_context(mock.patch.object(module, name, value))
        ds = decode(orjson.dumps(doc))
    np.testing.assert_array_equal(ds.values.astype(np.float64), np.array(values, np.float64))
    assert (ds.values.dtype == np.float32) == all(map(_exact_in_float32, values))
