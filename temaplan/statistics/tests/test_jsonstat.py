"""The JSON-stat decoder: small hand-made documents for every feature, then SSB's real responses."""

from __future__ import annotations

import json
import math

import numpy as np
import orjson
import pytest

from temaplan.statistics.jsonstat import decode
from temaplan.statistics.jsonstat_model import Dataset, JsonStatError, missing_reason
from temaplan.statistics.tests.jsonstat_docs import (
    ASKER_BAERUM,
    F32,
    F64,
    encode,
    small,
    with_dimension,
)

# ----------------------------------------------------------------------------------------------
# Features, one document each


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
