"""Serving a table under other names (shapes.py): the numbers stay, only the names change."""

from __future__ import annotations

import numpy as np
import pytest

from devtools.fake_ssb.jsonstat_out import dataset_json
from devtools.fake_ssb.shapes import TableShape, reshaped
from devtools.fake_ssb.tables import Dim, Table


def small_table() -> Table:
    units = {"A": {"base": "personer", "decimals": 0}, "B": {"base": "personer", "decimals": 0}}
    return Table(
        id="11618",
        dims=[
            Dim("Region", "region", ["3203", "3201"], ["Asker", "Bærum"], False, role="geo"),
            Dim(
                "ContentsCode",
                "statistikkvariabel",
                ["A", "B"],
                ["a", "b"],
                False,
                "metric",
                None,
                units,
            ),
            Dim("Tid", "år", ["2022"], ["2022"], False, role="time"),
        ],
        values=np.arange(4, dtype=float).reshape(2, 2, 1),
    )


def served(shape: TableShape) -> dict:
    table = reshaped(small_table(), shape)
    return dataset_json(table, [(d, d.codes, d.labels) for d in table.dims], metadata=True)


@pytest.mark.parametrize(
    ("shape", "ids", "roles"),
    [
        (TableShape(), ["Region", "ContentsCode", "Tid"], {"geo": ["Region"], "time": ["Tid"]}),
        (
            TableShape({"Region": "KOKkommuneregion0000", "Tid": "Aar"}),
            ["KOKkommuneregion0000", "ContentsCode", "Aar"],
            {"geo": ["KOKkommuneregion0000"], "time": ["Aar"]},
        ),
    ],
)
def test_renamed_dimensions_keep_their_roles(shape, ids, roles):
    body = served(shape)
    assert body["id"] == ids
    assert {k: v for k, v in body["role"].items() if k != "metric"} == roles


def test_new_content_codes_and_labels_replace_the_old_in_order_with_their_units():
    body = served(TableShape(contents=(("Arb", "Med arbeidssted"), ("Bo", "Bosatt"))))
    category = body["dimension"]["ContentsCode"]["category"]
    assert category["index"] == {"Arb": 0, "Bo": 1}
    assert category["label"] == {"Arb": "Med arbeidssted", "Bo": "Bosatt"}
    assert set(category["unit"]) == {"Arb", "Bo"}


def test_the_values_are_the_same_array():
    table = small_table()
    assert reshaped(table, TableShape({"Region": "R"})).values is table.values


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        (TableShape({"Kommune": "X"}), "ingen dimensjon Kommune"),
        (TableShape(contents=(("A", "a"),)), "har 2 statistikkvariabler; formen gir 1"),
    ],
)
def test_a_shape_that_does_not_fit_the_table_is_refused(shape, message):
    with pytest.raises(ValueError, match=message):
        reshaped(small_table(), shape)
