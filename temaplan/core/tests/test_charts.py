"""Every chart is rendered in the Norwegian locale, set in one place: render_svg."""

import re
from pathlib import Path

import pytest

from temaplan.core.chart_locale import LOCALE, with_locale
from temaplan.core.charts import render_svg
from temaplan.core.vegalite import VEGA_LITE_SCHEMA

NBSP, MINUS = "\u00a0", "\u2212"
TEMAPLAN = Path(__file__).resolve().parents[2]


def line_chart(values, **config) -> dict:
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "data": {"values": values},
        "mark": "line",
        "encoding": {
            "x": {"field": "year", "type": "quantitative", "axis": {"format": "d"}},
            "y": {"field": "value", "type": "quantitative", "title": "Dekar"},
        },
        **({"config": config} if config else {}),
    }


def texts(svg: str) -> list[str]:
    return re.findall(r">([^<]+)</text>", svg)


THOUSANDS = [{"year": 2020, "value": 2400}, {"year": 2021, "value": 2600}]


@pytest.mark.parametrize(
    "config",
    [{}, {"font": "sans-serif"}, {"locale": {"number": {"decimal": ".", "thousands": ","}}}],
    ids=["no config", "a config without a locale", "another locale"],
)
def test_a_rendered_chart_writes_thousands_with_a_space_whatever_its_spec_says(config):
    svg = render_svg(line_chart(THOUSANDS, **config))
    assert f"2{NBSP}500" in texts(svg)
    assert "2,500" not in svg
    assert "2020" in texts(svg)  # a year is no amount: no space in it


def test_a_rendered_chart_writes_decimals_with_a_comma_and_a_real_minus():
    svg = render_svg(line_chart([{"year": 2020, "value": -0.6}, {"year": 2021, "value": 0.6}]))
    assert {f"{MINUS}0,6", f"{MINUS}0,4", "0,4", "0,6"} <= set(texts(svg))
    assert not {"-0.6", "0.4", "0.6"} & set(texts(svg))


def test_with_locale_keeps_the_rest_of_the_config():
    spec = with_locale(line_chart(THOUSANDS, font="sans-serif"))
    assert spec["config"] == {"font": "sans-serif", "locale": LOCALE}


def source_files():
    return [
        path
        for path in TEMAPLAN.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def test_only_render_svg_calls_the_renderer_so_no_chart_escapes_the_locale():
    callers = [
        str(path.relative_to(TEMAPLAN))
        for path in source_files()
        if "vl_convert" in path.read_text(encoding="utf-8")
    ]
    assert callers == ["core/charts.py"]


def test_no_chart_builder_sets_a_locale_of_its_own():
    setters = [
        str(path.relative_to(TEMAPLAN))
        for path in source_files()
        if re.search(r"[\"']locale[\"']\s*:", path.read_text(encoding="utf-8"))
    ]
    assert setters == ["core/chart_locale.py"]


def ids_and_references(svg: str) -> tuple[set[str], set[str]]:
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    references = set(re.findall(r'(?:url\(#|href="#)([^")]+)', svg))
    return ids, references


def test_two_charts_inline_on_one_page_share_no_id_and_each_points_only_at_its_own():
    clipped = line_chart(THOUSANDS) | {"mark": {"type": "line", "clip": True}}
    first = render_svg(clipped, title_id="series-title")
    second = render_svg(clipped, title_id="profile-title")
    first_ids, first_references = ids_and_references(first)
    second_ids, second_references = ids_and_references(second)
    assert first_ids and second_ids
    assert not first_ids & second_ids
    assert first_references <= first_ids
    assert second_references <= second_ids
