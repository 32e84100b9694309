"""Value selections as the client reads and writes them (pxweb_selection)."""

from __future__ import annotations

from pathlib import Path

import pytest

from temaplan.statistics.pxweb_selection import (
    NonExistentValue,
    encode_selection,
    resolve_value_codes,
)

YEARS = ["2017", "2018", "2019", "2020", "2021", "2022"]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["*"], YEARS),
        (["top(2)"], ["2021", "2022"]),
        (["TOP(2,1)"], ["2020", "2021"]),
        (["bottom(2)"], ["2017", "2018"]),
        (["from(2021)"], ["2021", "2022"]),
        (["to(2018)"], ["2017", "2018"]),
        (["range(2018,2020)"], ["2018", "2019", "2020"]),
        (["[range(2018,2020)]"], ["2018", "2019", "2020"]),
        (["2022", "2017"], ["2017", "2022"]),
        (["201?"], ["2017", "2018", "2019"]),
        (["2015", "top(1)"], None),
    ],
)
def test_value_expressions_resolve_like_ssb(items: list[str], expected: list[str] | None) -> None:
    if expected is None:
        with pytest.raises(NonExistentValue):
            resolve_value_codes(items, YEARS)
    else:
        assert resolve_value_codes(items, YEARS) == expected


def test_unknown_codes_are_counted_when_not_strict() -> None:
    assert resolve_value_codes(["2017", "9999"], YEARS, strict=False) == ["2017", "9999"]


def test_the_query_string_has_the_shape_of_ssbs_own_urls(ssb_data: Path) -> None:
    real = (ssb_data / "api_responses" / "ssb_v2_12134_request_url.txt").read_text().strip()
    query = encode_selection(
        {"KOKkommuneregion0000": ["0301", "4601", "5001"], "ContentsCode": ["KOSAG110000"]}
        | {"Tid": ["2024"]}
    )
    # SSB's saved URL says format=; the v2 parameter is outputFormat (valuecodes ignores case).
    assert query.replace("outputFormat", "format").casefold() == real.split("?", 1)[1].casefold()
    ranged = encode_selection({"Tid": ["range(2017,2020)"]}, {"Region": "agg_KommSummer"})
    assert ranged.endswith("valueCodes[Tid]=[range(2017,2020)]&codelist[Region]=agg_KommSummer")
