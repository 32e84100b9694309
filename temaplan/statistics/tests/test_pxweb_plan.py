"""Planning requests under SSB's cell limit (pxweb_plan)."""

from __future__ import annotations

from temaplan.statistics.pxweb_meta import TableMeta, Variable
from temaplan.statistics.pxweb_plan import plan_requests

YEARS = ["2017", "2018", "2019", "2020", "2021", "2022"]


def test_a_selection_over_the_limit_is_split_along_the_region() -> None:
    codes = tuple(f"{i:04d}" for i in range(1000))
    region = Variable("Region", "region", codes, codes, False, role="geo")
    tid = Variable("Tid", "år", tuple(YEARS), tuple(YEARS), False, role="time")
    meta = TableMeta("1", "t", None, (region, tid))
    parts = plan_requests("1", {"Region": ("*",), "Tid": ("top(3)",)}, meta, max_cells=2500)
    assert [p.cells for p in parts] == [1500, 1500]
    assert all(p.selection["Tid"] == ("2020", "2021", "2022") for p in parts)  # made explicit
    assert [p.selection["Region"][0] for p in parts] == ["0000", "0500"]
    small = plan_requests("1", {"Region": ("*",), "Tid": ("top(3)",)}, meta, max_cells=3000)
    assert [p.selection for p in small] == [{"Region": ("*",), "Tid": ("top(3)",)}]


def test_a_part_too_big_for_one_region_is_split_again() -> None:
    parts = plan_requests("1", {"A": tuple("abcd"), "B": tuple("xyz")}, None, max_cells=2)
    assert [p.cells for p in parts] == [2, 1] * 4
    assert sum(p.cells for p in parts) == 12
