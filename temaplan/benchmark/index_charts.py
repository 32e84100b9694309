"""The rank intervals of Temaplans egen indeks as a chart: one row per municipality (the
plan's and its peers), best at the top, the rank axis with 1 at the left.

Pure: `index_page.Place` rows in, a Vega-Lite spec out; rendered by
`temaplan.core.charts.render_svg`. No Django here. The plan's own municipality is never told
by colour alone: its marker is a diamond and its name is bold.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from temaplan.core.vegalite import VEGA_LITE_SCHEMA, Spec

from .index_page import Place

AXIS_TITLE = "Plassering blant alle {ranked} kommuner (1 = best, til venstre)"
OWN_COLOUR, OTHER_COLOUR, RANGE_COLOUR = "#b35900", "#1f5f8b", "#9ecae1"
ROW_HEIGHT = 30


def interval_label(place: Place) -> str:
    """The figures beside each row: «12. (5.–20.)»."""
    return f"{place.rank}. ({place.low}.–{place.high}.)"


def rank_interval_spec(places: Sequence[Place], *, ranked: int, width: int = 520) -> Spec:
    """Per municipality a bar from the 5 % to the 95 % rank over the draws and a marker at
    its rank, rows ordered by rank (best at the top), the axis from 1 (left) to `ranked`."""
    ordered = sorted(places, key=lambda p: (p.rank, p.name))
    names = [p.name for p in ordered]
    values = [
        {
            "name": p.name,
            "rank": p.rank,
            "low": p.low,
            "high": p.high,
            "own": p.own,
            "label": interval_label(p),
        }
        for p in ordered
    ]
    own_names = [p.name for p in ordered if p.own]
    y = {
        "field": "name",
        "type": "nominal",
        "sort": names,
        "axis": {
            "title": None,
            "labelFontSize": 12,
            "labelFontWeight": {
                "condition": {
                    "test": f"indexof({json.dumps(own_names)}, datum.value) >= 0",
                    "value": "bold",
                },
                "value": "normal",
            },
        },
    }
    x = {
        "field": "rank",
        "type": "quantitative",
        "scale": {"domain": [1, max(ranked, 2)], "nice": False, "zero": False},
        "axis": {
            "title": AXIS_TITLE.format(ranked=ranked),
            "format": "d",
            "labelFontSize": 12,
            "values": _ticks(ranked),
        },
    }
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": width,
        "height": ROW_HEIGHT * max(len(ordered), 1),
        "background": "white",
        "padding": {"left": 5, "top": 5, "bottom": 5, "right": 90},
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "rule", "strokeWidth": 8, "color": RANGE_COLOUR},
                "encoding": {"y": y, "x": {**x, "field": "low"}, "x2": {"field": "high"}},
            },
            {
                "mark": {"type": "point", "filled": True, "size": 110, "stroke": "#1a1a1a"},
                "encoding": {
                    "y": y,
                    "x": x,
                    "shape": {
                        "condition": {"test": "datum.own", "value": "diamond"},
                        "value": "circle",
                    },
                    "color": {
                        "condition": {"test": "datum.own", "value": OWN_COLOUR},
                        "value": OTHER_COLOUR,
                    },
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 8, "fontSize": 11},
                "encoding": {"y": y, "x": {**x, "field": "high"}, "text": {"field": "label"}},
            },
        ],
        "config": {"font": "sans-serif", "view": {"stroke": None}},
    }


def _ticks(ranked: int) -> list[int]:
    """1, then round steps up to the number ranked: 1, 50, 100, …, 357."""
    if ranked <= 10:
        return list(range(1, ranked + 1))
    step = 50 if ranked > 150 else 10 if ranked <= 60 else 25
    return sorted({1, *range(step, ranked, step), ranked})
