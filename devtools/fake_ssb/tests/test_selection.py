"""The fake's own reading of PxWebApi v2 selections (selection.py), table-driven.

Each case cites the rule it checks (see selection.py's docstring for the documentation); none
of these imports the client, so a misreading in the client cannot hide here.
"""

from __future__ import annotations

import pytest

from devtools.fake_ssb.selection import (
    IllegalExpression,
    Item,
    UnknownValue,
    read_item,
    select,
    split_get_value,
)

YEARS = ["2017", "2018", "2019", "2020", "2021", "2022"]
MONTHS = ["2019M12", "2020M01", "2020M02", "2020M12", "2021M12"]
GROUPS = ["01", "011", "02", "021", "1"]
REGIONS = ["0301", "K-3203", "k-3201", "4601"]


@pytest.mark.parametrize(
    ("items", "codes", "expected"),
    [
        # `*` alone is every value; `2020*` truncates (SSB: "Tid=2020* ... all months in 2020").
        (["*"], YEARS, YEARS),
        (["2020*"], MONTHS, ["2020M01", "2020M02", "2020M12"]),
        (["*12"], MONTHS, ["2019M12", "2020M12", "2021M12"]),
        # `?` is exactly one character (SSB: "??" is every two-character code; PxTools 202?M12).
        (["??"], GROUPS, ["01", "02"]),
        (["202?M12"], MONTHS, ["2020M12", "2021M12"]),
        (["201?"], YEARS, ["2017", "2018", "2019"]),
        # top(n): the n latest values; bottom(n) the opposite (PxTools).
        (["top(2)"], YEARS, ["2021", "2022"]),
        (["bottom(2)"], YEARS, ["2017", "2018"]),
        (["top(10)"], YEARS, YEARS),
        (["top(0)"], YEARS, []),
        # The offset form skips values from the same end (the fake's assumption).
        (["TOP(2,1)"], YEARS, ["2020", "2021"]),
        (["bottom(2,1)"], YEARS, ["2018", "2019"]),
        # from/to are inclusive; range is the interval between two codes (PxTools).
        (["from(2021)"], YEARS, ["2021", "2022"]),
        (["to(2018)"], YEARS, ["2017", "2018"]),
        (["range(2018,2020)"], YEARS, ["2018", "2019", "2020"]),
        (["range(2020,2018)"], YEARS, ["2018", "2019", "2020"]),
        (["[range(2018,2020)]"], YEARS, ["2018", "2019", "2020"]),
        (["range( 2018 , 2020 )"], YEARS, ["2018", "2019", "2020"]),
        # Several items: a union, in the variable's own order, each code once.
        (["2022", "2017"], YEARS, ["2017", "2022"]),
        (["top(1)", "2022", "bottom(1)"], YEARS, ["2017", "2022"]),
        # Codes match exactly, else ignoring case; masks ignore case.
        (["k-3203"], REGIONS, ["K-3203"]),
        (["k-3201"], REGIONS, ["k-3201"]),
        (["k-*"], REGIONS, ["K-3203", "k-3201"]),
    ],
)
def test_a_selection_picks_the_documented_values(items, codes, expected):
    assert select(items, codes) == expected


@pytest.mark.parametrize(
    ("items", "unknown"),
    [
        (["2015"], "2015"),
        (["2017", "2015"], "2015"),
        (["from(1999)"], "1999"),
        (["to(2030)"], "2030"),
        (["range(2017,2030)"], "2030"),
    ],
)
def test_an_unknown_code_or_bound_is_named(items, unknown):
    with pytest.raises(UnknownValue) as caught:
        select(items, YEARS)
    assert caught.value.code == unknown


@pytest.mark.parametrize(
    "item",
    ["top(x)", "top(-1)", "top()", "top(1,2,3)", "bottom(1.5)", "range(2017)", "from()", "to(,)"],
)
def test_an_expression_that_cannot_be_read_is_illegal(item):
    with pytest.raises(IllegalExpression):
        select([item], YEARS)


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("0301", Item("code", ("0301",))),
        (" 0301 ", Item("code", ("0301",))),
        ("03*", Item("mask", ("03*",))),
        ("Top(3)", Item("top", ("3",))),
        ("[range(2017,2019)]", Item("range", ("2017", "2019"))),
        ("topp(3)", Item("code", ("topp(3)",))),  # not an expression name: a (strange) code
    ],
)
def test_items_are_read_as_codes_masks_or_expressions(text, item):
    assert read_item(text) == item


@pytest.mark.parametrize(
    ("value", "items"),
    [
        ("0301,4601", ["0301", "4601"]),
        ("0301,[range(2017,2019)],top(1)", ["0301", "[range(2017,2019)]", "top(1)"]),
        ("range(2017,2019)", ["range(2017", "2019)"]),  # GET needs the brackets
        (" *, ", ["*"]),
    ],
)
def test_a_get_value_splits_on_commas_outside_brackets(value, items):
    assert split_get_value(value) == items
