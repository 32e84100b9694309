"""The JSON-stat decoder: small hand-made documents for every feature, then SSB's real responses."""

from __future__ import annotations

import copy
import json
import math
import re

import numpy as np
import orjson
import pytest

from temaplan.statistics import jsonstat
from temaplan.statistics.jsonstat import (
    MAX_CELLS,
    Dataset,
    JsonStatError,
    decode,
    missing_reason,
)


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


# ----------------------------------------------------------------------------------------------
# Features, one document each


F32, F64 = np.float32, np.float64


@pytest.mark.parametrize(
    ("case", "doc", "codes", "values", "dtype"),
    [
        (
            "index as object",
            small(),
            [["3025", "3024"], ["2020", "2021", "2022"]],
            ASKER_BAERUM,
            F32,
        ),
        (
            "index as list",
            with_dimension("Region", index=["3025", "3024"]),
            [["3025", "3024"], ["2020", "2021", "2022"]],
            ASKER_BAERUM,
            F32,
        ),
        (
            "index object out of order",
            with_dimension("Region", index={"3024": 1, "3025": 0}),
            [["3025", "3024"], ["2020", "2021", "2022"]],
            ASKER_BAERUM,
            F32,
        ),
        (
            "no index with one category (label keys)",
            small(
                id=["ContentsCode", "Tid"],
                size=[1, 2],
                dimension={
                    "ContentsCode": {"category": {"label": {"Folkemengde": "Personer"}}},
                    "Tid": {"category": {"index": ["2021", "2022"]}},
                },
                value=[1, 2],
            ),
            [["Folkemengde"], ["2021", "2022"]],
            [[1, 2]],
            F32,
        ),
        (
            "sparse value object",
            small(value={"0": 94441, "5": 129054}),
            None,
            [[94441, np.nan, np.nan], [np.nan, np.nan, 129054]],
            F32,
        ),
        (
            "empty sparse value",
            small(value={}),
            None,
            [[np.nan] * 3, [np.nan] * 3],
            F32,
        ),
        (
            "nulls and decimals float32 holds exactly",
            small(value=[1.5, None, -2.25, 1e3, 0, None]),
            None,
            [[1.5, np.nan, -2.25], [1000, 0, np.nan]],
            F32,
        ),
        (
            "nulls and decimals float32 cannot hold",
            small(value=[1.1, None, -2.25, 1e3, 0, None]),
            None,
            [[1.1, np.nan, -2.25], [1000, 0, np.nan]],
            F64,
        ),
        (
            "value before dimension, and another value array after it",
            {
                "value": [1, 2, 3, 4, 5, 6],
                **{k: v for k, v in small().items() if k != "value"},
                "extension": {"px": {"value": [9, 9]}},
            },
            None,
            [[1, 2, 3], [4, 5, 6]],
            F32,
        ),
        (
            "integers beyond eight digits",
            small(value=[123456789, -987654321012, 2**53, 99999999, 100000000, -1]),
            None,
            [[123456789, -987654321012, 2**53], [99999999, 100000000, -1]],
            F64,
        ),
        (
            "no class, no version (2.0 shape)",
            {k: v for k, v in small().items() if k not in ("class", "version")},
            None,
            ASKER_BAERUM,
            F32,
        ),
        (
            "zero-size dimension",
            small(
                size=[0, 3],
                dimension={**small()["dimension"], "Region": {"category": {"index": []}}},
                value=[],
            ),
            [[], ["2020", "2021", "2022"]],
            np.empty((0, 3)),
            F32,
        ),
    ],
)
def test_it_decodes_each_feature(case, doc, codes, values, dtype):
    ds = decode(encode(doc))
    expected = np.array(values, dtype=np.float64)
    assert ds.values.dtype == dtype
    np.testing.assert_array_equal(ds.values.astype(np.float64), expected)
    if codes is not None:
        assert [d.codes for d in ds.dimensions] == codes


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ({"1": "..", "5": ":"}, {1: "..", 5: ":"}),
        ([None, "..", None, None, None, ":"], {1: "..", 5: ":"}),
        (".", dict.fromkeys(range(6), ".")),
        ({}, {}),
        (None, {}),
        (["", None, "", "", "", ""], {}),
    ],
)
def test_it_reads_status_as_object_list_or_single_string(status, expected):
    doc = small(value=[1, None, 3, 4, 5, None])
    if status is not None:
        doc["status"] = status
    ds = decode(encode(doc))
    assert ds.status == expected
    assert np.isnan(ds.values.flat[1]) and np.isnan(ds.values.flat[5])


@pytest.mark.parametrize(
    ("symbol", "reason"),
    [
        (".", "ikke mulig å oppgi"),
        ("..", "ikke tilgjengelig ennå"),
        (":", "skjult (personvern)"),
        ("...", "foreløpig ikke tilgjengelig"),
        ("-", "null (ingenting å registrere)"),
        (None, "mangler (uten oppgitt årsak)"),
        ("x", "spesielt merket (symbol «x»)"),
    ],
)
def test_missing_reason_says_why_in_norwegian(symbol, reason):
    assert missing_reason(symbol) == reason


@pytest.mark.parametrize(
    ("value", "status", "expected"),
    [
        ([1, "..", 3, 4, ":", 6], None, {1: "..", 4: ":"}),
        ([1, "..", 3, 4, ":", 6], {"1": "."}, {1: ".", 4: ":"}),  # "status" has the last word
        ({"0": 1, "4": ":"}, None, {4: ":"}),
    ],
)
def test_symbols_written_as_values_become_missing_with_status(value, status, expected):
    doc = small(value=value) if status is None else small(value=value, status=status)
    ds = decode(encode(doc))
    assert ds.status == expected
    assert all(np.isnan(ds.values.flat[i]) for i in expected)


def test_it_gives_each_missing_cell_its_reason():
    ds = decode(encode(small(value=[1, None, 3, 4, None, 6], status={"1": ":"})))
    assert ds.reason_at(1) == "skjult (personvern)"
    assert ds.reason_at(4) == "mangler (uten oppgitt årsak)"
    assert ds.reason_at(0) is None
    assert ds.missing_reason("..") == "ikke tilgjengelig ennå"


def test_it_keeps_labels_roles_units_and_metadata():
    doc = small()
    doc["dimension"]["Tid"]["category"]["unit"] = {"2020": {"base": "personer", "decimals": 0}}
    doc["note"] = ["Tall per 1. januar."]
    ds = decode(encode(doc))
    region, year = ds.dimensions
    assert (region.id, region.label, region.role) == ("Region", "region", "geo")
    assert region.labels == ["Asker", "Bærum"]
    assert region.label_of("3024") == "Bærum"
    assert year.labels == ["2020", "2021", "2022"]  # no labels: the codes
    assert year.role == "time" and ds.role("time") is year
    assert year.units == {"2020": {"base": "personer", "decimals": 0}}
    assert (ds.label, ds.source, ds.updated) == (
        "Folkemengde",
        "Statistisk sentralbyrå",
        "2024-02-21T07:00:00Z",
    )
    assert ds.notes == ["Tall per 1. januar."]
    assert ds.ids == ["Region", "Tid"] and ds.shape == (2, 3) and ds.size == 6


def test_columns_repeat_codes_in_c_order():
    cols = decode(encode(small())).columns()
    assert list(cols) == ["Region", "Tid", "value"]
    assert cols["Region"].tolist() == ["3025"] * 3 + ["3024"] * 3
    assert cols["Tid"].tolist() == ["2020", "2021", "2022"] * 2
    assert cols["value"].tolist() == [94441, 95332, 96201, 127731, 128233, 129054]
    assert (cols["Region"] == "3024").sum() == 3


def test_values_are_read_only():
    ds = decode(encode(small()))
    with pytest.raises(ValueError):
        ds.values[0, 0] = 1


@pytest.mark.parametrize(
    "serialise",
    [
        pytest.param(lambda d: orjson.dumps(d), id="bytes"),
        pytest.param(lambda d: orjson.dumps(d).decode(), id="str"),
        pytest.param(lambda d: bytearray(orjson.dumps(d)), id="bytearray"),
        pytest.param(lambda d: json.dumps(d, indent=2).encode(), id="pretty-printed"),
        pytest.param(lambda d: json.dumps(d, separators=(", ", " : ")).encode(), id="spaced"),
        pytest.param(lambda d: json.dumps(d, ensure_ascii=False).encode(), id="non-ascii"),
    ],
)
def test_it_reads_any_serialisation_the_same(serialise):
    doc = small(value=[1, None, 3.25, -4, 5e-3, 123456789012], status={"1": ".."})
    ds = decode(serialise(doc))
    np.testing.assert_array_equal(ds.values.ravel(), [1, np.nan, 3.25, -4, 5e-3, 123456789012])
    assert ds.status == {1: ".."}
    assert ds.dimensions[0].labels == ["Asker", "Bærum"]


def test_a_large_array_matches_a_plain_conversion_across_slice_boundaries():
    rng = np.random.default_rng(7)
    n = 150_000
    raw = rng.integers(-(10**9), 10**9, n) // rng.choice([1, 10, 10**4, 10**8], n)
    values: list = raw.tolist()
    for i in rng.choice(n, 2_000, replace=False).tolist():
        values[i] = None
    for i in rng.choice(n, 50, replace=False).tolist():
        values[i] = float(values[i] or 0) / 8
    doc = {
        "class": "dataset",
        "id": ["a", "b"],
        "size": [3, n // 3],
        "dimension": {
            "a": {"category": {"index": ["x", "y", "z"]}},
            "b": {"category": {"index": [str(i) for i in range(n // 3)]}},
        },
        "value": values,
    }
    ds = decode(orjson.dumps(doc))
    np.testing.assert_array_equal(ds.values.ravel(), np.array(values, dtype=np.float64))


# ----------------------------------------------------------------------------------------------
# The values' dtype: float32 when that holds every value exactly, float64 otherwise

# The three ways an array of values is read; the same document must give the same dtype and
# the same values whichever one reads it.
READERS = {
    "integers eight bytes at a time": {},
    "orjson slice by slice": {"_SWAR": False},
    "orjson on the whole document": {"_split_value_array": lambda data: None},
}


@pytest.fixture(params=list(READERS))
def reader(request, monkeypatch):
    for name, value in READERS[request.param].items():
        monkeypatch.setattr(jsonstat, name, value)
    return request.param


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
    assert body.index(orjson.dumps(offender), array_start) - array_start > 8 * jsonstat._CHUNK_BYTES
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


# ----------------------------------------------------------------------------------------------
# JSON-stat 1.0


def test_it_reads_a_json_stat_1_wrapper():
    inner = small()
    ids, sizes, role = inner.pop("id"), inner.pop("size"), inner.pop("role")
    del inner["class"], inner["version"]
    inner["dimension"].update({"id": ids, "size": sizes, "role": role})
    ds = decode(encode({"dataset": inner}))
    np.testing.assert_array_equal(ds.values, ASKER_BAERUM)
    assert ds.dimensions[0].role == "geo" and ds.dimensions[1].codes == ["2020", "2021", "2022"]
    # a 1.0 bundle names its dataset freely
    assert decode(encode({"befolkning": inner})).shape == (2, 3)


# ----------------------------------------------------------------------------------------------
# Malformed input: JsonStatError with a message that says what is wrong


def _replace(path: tuple, value) -> bytes:
    doc = copy.deepcopy(small())
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return encode(doc)


def _delete(path: tuple) -> bytes:
    doc = copy.deepcopy(small())
    target = doc
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return encode(doc)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "ikke gyldig JSON"),
        (b"{", "ikke gyldig JSON"),
        (b"\xff\xfe", "ikke gyldig JSON"),
        (b"<html>503</html>", "ikke gyldig JSON"),
        (b"[1, 2]", "objekt på toppnivå, ikke en liste"),
        (b"null", "objekt på toppnivå"),
        (encode({"class": "collection", "link": {}}), "«collection» støttes ikke"),
        (encode({"version": "2.0"}), "Fant ikke noe JSON-stat-datasett"),
        (_delete(("dimension",)), "«dimension» mangler"),
        (_replace(("dimension",), []), "«dimension» mangler eller er ikke et objekt"),
        (_delete(("value",)), "«value» mangler"),
        (_replace(("id",), "Region"), "«id» skal være en liste av tekster"),
        (_replace(("id",), ["Region", "Region"]), "samme dimensjon flere ganger"),
        (_replace(("id",), ["Region"]), "«id» har 1 dimensjoner, men «size» har 2"),
        (_replace(("size",), [2, "3"]), "«size» skal være en liste av ikke-negative heltall"),
        (_replace(("size",), [2, -3]), "ikke-negative heltall"),
        (_replace(("size",), [2, True]), "ikke-negative heltall"),
        (_replace(("size",), [2, 4]), "har 3 kategorier, men «size» sier 4"),
        (_replace(("size",), [10**6, 10**6]), f"mer enn grensen på {MAX_CELLS}"),
        (_delete(("dimension", "Tid")), "mangler dimensjonen «Tid»"),
        (_delete(("dimension", "Tid", "category")), "«category» mangler i dimensjonen «Tid»"),
        (
            _delete(("dimension", "Tid", "category", "index")),
            "«category.index» mangler i dimensjonen «Tid»",
        ),
        (
            _replace(("dimension", "Region", "category", "index"), {"3025": 0, "3024": 2}),
            "Posisjonen 2 til «3024» i «category.index» i dimensjonen «Region» er utenfor 0–1",
        ),
        (
            _replace(("dimension", "Region", "category", "index"), {"3025": 0, "3024": 0}),
            "To koder har posisjon 0",
        ),
        (
            _replace(("dimension", "Region", "category", "index"), {"3025": 0, "3024": "1"}),
            "er ikke et heltall",
        ),
        (
            _replace(("dimension", "Region", "category", "index"), "3025,3024"),
            "skal være en liste eller et objekt, ikke tekst",
        ),
        (
            _replace(("dimension", "Tid", "category", "index"), ["2020", "2020", "2021"]),
            "samme kode flere ganger",
        ),
        (
            _replace(("dimension", "Region", "category", "label"), {"3025": 3025}),
            "Etiketten til «3025» i dimensjonen «Region» er ikke tekst",
        ),
        (_replace(("label",), 12), "«label» skal være tekst"),
        (_replace(("value",), [1, 2, 3]), "«value» har 3 verdier, men «size» gir 6 celler"),
        (_replace(("value",), list(range(7))), "«value» har 7 verdier, men «size» gir 6 celler"),
        (_replace(("value",), [1, 2, 3, 4, 5, "6"]), "verdi nr. 5 er tekst («6»)"),
        (_replace(("value",), [1, 2, 3, 4, 5, True]), "true/false"),
        (_replace(("value",), [1, 2, 3, 4, 5, [6]]), "verdi nr. 5 er en liste"),
        (_replace(("value",), "1,2,3"), "«value» skal være en liste eller et objekt"),
        (_replace(("value",), {"6": 1}), "celle nr. 6 er utenfor 0–5"),
        (_replace(("value",), {"x": 1}), "nøklene i objektet skal være celle-numre"),
        (_replace(("status",), [".."]), "«status» har 1 elementer, men datasettet har 6 celler"),
        (_replace(("status",), 3), "«status» skal være tekst, en liste eller et objekt"),
        (_replace(("status",), {"1": 2}), "«status» for celle nr. 1 er ikke tekst"),
        (_replace(("role",), ["time"]), "«role» skal være et objekt"),
        (_replace(("id",), ["Region", "value"]), "«value» er reservert"),
        (
            encode({"a": small(), "b": small()}).replace(b'"class":"dataset",', b""),
            "2 datasett",
        ),
        (b'{"class":"dataset","id":["a"],"size":[2],"value":[1,,2]', "ikke gyldig JSON"),
        (
            b'{"class":"dataset","id":["a"],"size":[2],"dimension":{"a":{"category":'
            b'{"index":["x","y"]}}},"value":[1,,2]}',
            "«value» er ikke en gyldig liste av tall",
        ),
        (
            b'{"class":"dataset","id":["a"],"size":[2],"dimension":{"a":{"category":'
            b'{"index":["x","y"]}}},"value":[1,2,]}',
            "«value» er ikke en gyldig liste av tall",
        ),
        (
            b'{"class":"dataset","id":["a"],"size":[2],"dimension":{"a":{"category":'
            b'{"index":["x","y"]}}},"value":[007,2]}',
            "leading zero",
        ),
    ],
)
def test_malformed_input_raises_a_clear_error(data, message):
    with pytest.raises(JsonStatError, match=re.escape(message)):
        decode(data)


def test_json_stat_error_is_a_value_error():
    assert issubclass(JsonStatError, ValueError)
    with pytest.raises(JsonStatError, match="bytes eller tekst"):
        decode(123)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------------------------
# SSB's real responses


@pytest.mark.parametrize(
    ("name", "shape", "ids", "label", "updated", "first", "last"),
    [
        (
            "ssb_v2_12134_jsonstat2_3kommuner_2024.json",
            (3, 1, 1),
            ["KOKkommuneregion0000", "ContentsCode", "Tid"],
            "12134: Utvalgte nøkkeltall for kommuneregnskap, kommunekonsern, etter region og år",
            "2026-03-16T07:00:00Z",
            81240,
            62853,
        ),
        (
            "ssb_v2_14700_cpi_en_jsonstat2.json",
            (14, 1, 3),
            ["VareTjenesteGrp", "ContentsCode", "Tid"],
            "14700: Consumer price index, by goods and services and month",
            "2026-04-10T06:00:00Z",
            101.6,
            100,
        ),
        (
            "ssb_dataset_1120_jsonstat1.json",
            (2, 2, 2),
            ["VareGrupper2", "Tid", "ContentsCode"],
            "Export of salmon, fish-farm bred, by commodity group, time and contents",
            "2014-08-09T15:21:14Z",
            14297,
            43.32,
        ),
    ],
)
def test_ssb_responses_decode(ssb_data, name, shape, ids, label, updated, first, last):
    ds = decode((ssb_data / "api_responses" / name).read_bytes())
    assert isinstance(ds, Dataset)
    assert ds.shape == shape and ds.ids == ids
    assert (ds.label, ds.updated) == (label, updated)
    assert ds.values.flat[0] == first and ds.values.flat[-1] == last
    assert not np.isnan(ds.values).any()


def test_the_kostra_response_keeps_regions_roles_and_units(ssb_data):
    ds = decode(
        (ssb_data / "api_responses" / "ssb_v2_12134_jsonstat2_3kommuner_2024.json").read_bytes()
    )
    region = ds.role("geo")
    assert region is not None and region.codes == ["0301", "4601", "5001"]
    assert region.labels == ["Oslo - Oslove", "Bergen", "Trondheim - Tråante"]
    metric = ds.role("metric")
    assert metric is not None and metric.units == {"KOSAG110000": {"base": "kr", "decimals": 0}}
    assert ds.source == "Statistisk sentralbyrå" and len(ds.notes) == 5
    cols = ds.columns()
    assert cols["KOKkommuneregion0000"].tolist() == ["0301", "4601", "5001"]
    assert cols["value"].tolist() == [81240, 66605, 62853]


def test_the_json_stat_1_response_orders_values_by_its_id(ssb_data):
    ds = decode((ssb_data / "api_responses" / "ssb_dataset_1120_jsonstat1.json").read_bytes())
    goods, time, contents = ds.dimensions
    assert contents.units == {"Vekt": {"base": "tonnes"}, "Kilopris": {"base": "NOK"}}
    assert (time.role, contents.role, goods.role) == ("time", "metric", None)
    # VareGrupper2=02 (frozen), Tid=2014U30, ContentsCode=Kilopris
    assert ds.values[goods.position("02"), time.position("2014U30"), 1] == 43.49


def test_ssb_error_bodies_are_reported_as_errors(ssb_data):
    bodies = orjson.loads((ssb_data / "api_responses" / "ssb_v2_error_responses.json").read_bytes())
    for case in bodies.values():
        title = orjson.loads(case["body"])["title"]
        with pytest.raises(JsonStatError, match=f"SSB svarte med en feil.*{title}"):
            decode(case["body"])


def test_columns_of_a_real_response_have_one_row_per_cell(ssb_data):
    ds = decode((ssb_data / "api_responses" / "ssb_v2_14700_cpi_en_jsonstat2.json").read_bytes())
    cols = ds.columns()
    assert {len(c) for c in cols.values()} == {math.prod(ds.shape)}
    total = cols["value"][(cols["VareTjenesteGrp"] == "00") & (cols["Tid"] == "2026M03")]
    assert total.tolist() == [102.4]
