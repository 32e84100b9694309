"""The decoder's readers of a value array, the fast one above all (jsonstat_fast): the same
document gives the same dtype and the same values whichever reader reads it."""

from __future__ import annotations

import numpy as np
import orjson
import pytest

from temaplan.statistics import jsonstat, jsonstat_fast
from temaplan.statistics.jsonstat import decode
from temaplan.statistics.jsonstat_model import Dataset, JsonStatError
from temaplan.statistics.tests.jsonstat_docs import (
    ASKER_BAERUM,
    as_float64,
    encode,
    one_dimension,
    small,
)

# ----------------------------------------------------------------------------------------------
# The values' dtype: float32 when that holds every value exactly, float64 otherwise

# The three ways an array of values is read; the same document must give the same dtype and
# the same values whichever one reads it.
READERS = {
    "integers eight bytes at a time": {},
    "orjson slice by slice": {(jsonstat_fast, "_SWAR"): False},
    "orjson on the whole document": {(jsonstat, "split_value_array"): lambda data: None},
}


@pytest.fixture(params=list(READERS))
def reader(request, monkeypatch):
    for (module, name), value in READERS[request.param].items():
        monkeypatch.setattr(module, name, value)
    return request.param


@pytest.mark.parametrize(
    "values",
    [
        pytest.param([94441, 95332, 0, 0, 7, 129054], id="municipal counts"),
        pytest.param([0, -1, -94441, 12, -7, 3], id="negative counts"),
        pytest.param([2**24, -(2**24), 16777215, 1, 0, 2], id="the largest whole range"),
        pytest.param([100_000_000, 2**25, 2**30, 3 * 2**40, 0, 1], id="a 24-bit number × 2^k"),
        pytest.param([0.5, -0.25, 1e3, 0.125, 3.0, 2**-20], id="binary"),
        pytest.param([None, 1, None, 2, None, 3], id="nulls"),
        pytest.param([None] * 6, id="nothing but nulls"),
    ],
)
def test_counts_that_fit_float32_are_kept_as_float32(reader, values):
    ds = decode(encode(one_dimension(values)))
    assert ds.values.dtype == np.float32
    np.testing.assert_array_equal(ds.values.astype(np.float64), as_float64(values))


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(16_777_217, id="2**24 + 1"),
        pytest.param(-16_777_217, id="-(2**24 + 1)"),
        pytest.param(99_999_999, id="the largest eight-digit count"),
        pytest.param(123_456_789, id="nine digits"),
        pytest.param(0.1, id="0.1"),
        pytest.param(41.7, id="a percentage"),
        pytest.param(1e300, id="beyond float32's range"),
        pytest.param(1e-50, id="below float32's range"),
        pytest.param(2**53 + 2, id="beyond 2**53"),
    ],
)
def test_a_value_float32_cannot_hold_exactly_makes_the_whole_array_float64(reader, value):
    values = [1, None, value, 3, 0, 94441]
    ds = decode(encode(one_dimension(values)))
    assert ds.values.dtype == np.float64
    np.testing.assert_array_equal(ds.values, as_float64(values))
    assert ds.values[2] == float(value)  # the exact float64, not a float32 rounding of it


@pytest.mark.parametrize(
    ("values", "status", "dtype"),
    [
        ([1, None, 3, None], {"1": "..", "3": ":"}, np.float32),
        ([0.1, None, 3, None], {"1": "..", "3": ":"}, np.float64),
        ([1, None, 3, None], [None, ".", None, ""], np.float32),
        ([16_777_217, None, 3, None], ":", np.float64),
    ],
)
def test_missing_cells_are_nan_in_either_dtype(reader, values, status, dtype):
    ds = decode(encode(one_dimension(values, status=status)))
    assert ds.values.dtype == dtype
    assert np.isnan(ds.values[1]) and np.isnan(ds.values[3])
    assert ds.reason_at(3) is not None


@pytest.mark.parametrize(
    ("values", "dtype"),
    [
        ([1, "..", 3, ":"], np.float32),
        ([0.1, "..", 3, ":"], np.float64),
    ],
)
def test_symbols_written_as_values_are_nan_in_either_dtype(values, dtype):
    ds = decode(encode(one_dimension(values)))
    assert ds.values.dtype == dtype
    assert np.isnan(ds.values[1]) and np.isnan(ds.values[3])
    assert ds.status == {1: "..", 3: ":"}


@pytest.mark.parametrize(
    "offender",
    [
        pytest.param(16_777_217, id="an eight-digit count float32 cannot hold"),
        pytest.param(123_456_789, id="a nine-digit count"),
        pytest.param(0.1, id="a decimal"),
        pytest.param(-2.5e-7, id="an exponent"),
        pytest.param(1e300, id="a huge number"),
    ],
)
def test_a_later_slice_float32_cannot_hold_turns_what_was_read_into_float64(reader, offender):
    n = 30_000
    values: list = [(i * 7919) % 20_000 for i in range(n)]
    for i in range(0, n, 997):
        values[i] = None
    at = 20_000  # some 90 KB into the array: many slices were read as float32 before it
    values[at] = offender
    values[at + 5_000] = 16_777_216.5 if isinstance(offender, float) else 99_999_997
    body = encode(one_dimension(values))
    array_start = body.index(b'"value":[')
    offset = body.index(orjson.dumps(offender), array_start) - array_start
    assert offset > 8 * jsonstat_fast._CHUNK_BYTES
    ds = decode(body)
    assert ds.values.dtype == np.float64
    expected = as_float64(orjson.loads(body)["value"])
    np.testing.assert_array_equal(ds.values, expected)
    assert ds.values[at] == float(offender)


@pytest.mark.parametrize(
    ("value", "expected", "dtype"),
    [
        ({"0": 94441, "5": 129054}, [94441, None, None, None, None, 129054], np.float32),
        ({"1": 0.1, "4": 2}, [None, 0.1, None, None, 2, None], np.float64),
        ({"2": 16_777_217}, [None, None, 16_777_217, None, None, None], np.float64),
        ({"3": 16_777_216, "0": None}, [None, None, None, 16_777_216, None, None], np.float32),
        ({"2": ".."}, [None] * 6, np.float32),
        ({}, [None] * 6, np.float32),
    ],
)
def test_the_sparse_object_form_gets_the_narrowest_exact_dtype(value, expected, dtype):
    ds = decode(encode(small(value=value)))
    assert ds.values.dtype == dtype
    np.testing.assert_array_equal(ds.values.ravel(), as_float64(expected))


@pytest.mark.parametrize(
    ("values", "dtype"),
    [
        ([94441, 95332, 96201, 127731, 128233, None], np.float32),
        ([94441, 95332, 96201, 127731, 128233.1, None], np.float64),
        ([94441, 95332, 96201, 127731, 16_777_217, None], np.float64),
    ],
)
def test_a_json_stat_1_wrapper_gets_the_narrowest_exact_dtype(reader, values, dtype):
    inner = small(value=values)
    ids, sizes, role = inner.pop("id"), inner.pop("size"), inner.pop("role")
    del inner["class"], inner["version"]
    inner["dimension"].update({"id": ids, "size": sizes, "role": role})
    ds = decode(encode({"dataset": inner}))
    assert ds.values.dtype == dtype
    np.testing.assert_array_equal(ds.values.ravel(), as_float64(values))


def test_columns_value_is_the_values_in_their_dtype():
    ds = decode(encode(small()))
    column = ds.columns()["value"]
    assert column.dtype == np.float32 and not column.flags.writeable
    assert column.sum(dtype=np.float64) == sum(v for row in ASKER_BAERUM for v in row)


@pytest.mark.parametrize(
    ("values", "accepted"),
    [
        (np.zeros((2, 3), dtype=np.float32), True),
        (np.zeros((2, 3), dtype=np.float64), True),
        (np.zeros((2, 3), dtype=np.float16), False),
        (np.zeros((2, 3), dtype=np.int64), False),
        (np.zeros((3, 2), dtype=np.float32), False),
    ],
)
def test_a_dataset_holds_float32_or_float64_values_of_its_shape(values, accepted):
    dimensions = decode(encode(small())).dimensions

    def build():
        return Dataset("x", None, None, dimensions, values)

    if not accepted:
        with pytest.raises(JsonStatError, match="float32 eller float64"):
            build()
        return
    ds = build()
    with pytest.raises(ValueError):
        ds.values[0, 0] = 1
