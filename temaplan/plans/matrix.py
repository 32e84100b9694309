"""The influence matrix: focus areas placed by the municipality's ability to influence them (x)
and their importance (y), bubble size by number of strategies; premises outside the plan apart.

Pure: takes plain points, returns a Vega-Lite spec. No Django here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from temaplan.core.vegalite import VEGA_LITE_SCHEMA, Spec

FOCUS_AREA = "Innsatsområde"
PREMISE = "Premiss utenfor planen"
# Points sharing a cell are spread vertically by this much so their labels stay readable.
SPREAD = 0.22


@dataclass(frozen=True)
class MatrixPoint:
    label: str
    influence: int
    importance: int
    strategies: int
    kind: str = FOCUS_AREA


def spread_overlaps(points: list[MatrixPoint]) -> list[tuple[MatrixPoint, float]]:
    """Each point with the y it is drawn at: points in the same cell are fanned out around it."""
    cells: dict[tuple[int, int], list[MatrixPoint]] = defaultdict(list)
    for point in points:
        cells[(point.influence, point.importance)].append(point)
    placed = []
    for point in points:
        cell = cells[(point.influence, point.importance)]
        offset = (cell.index(point) - (len(cell) - 1) / 2) * SPREAD
        placed.append((point, point.importance - offset))
    return placed


def influence_matrix_spec(points: list[MatrixPoint], *, width: int = 460) -> Spec:
    """Bubbles carry a short mark (the area's number, the premise's letter); the key beside the
    matrix gives the full names, so labels never collide however the areas are placed."""
    values = [
        {
            "mark": point.label.split(" ", 1)[0].rstrip(".)"),
            "label": point.label,
            "influence": point.influence,
            "importance": point.importance,
            "y": round(y, 3),
            "strategies": point.strategies,
            "kind": point.kind,
            "order": index,
        }
        for index, (point, y) in enumerate(spread_overlaps(points))
    ]
    scale = {"domain": [0.5, 5.5], "nice": False}
    axis = {"values": [1, 2, 3, 4, 5], "grid": True, "labelFontSize": 12, "titleFontSize": 13}
    x = {
        "field": "influence",
        "type": "quantitative",
        "scale": scale,
        "axis": {**axis, "title": "Kommunens muligheter for påvirkning (1 = lav, 5 = høy)"},
    }
    y = {
        "field": "y",
        "type": "quantitative",
        "scale": scale,
        "axis": {**axis, "title": "Betydning (1 = lav, 5 = høy)"},
    }
    is_area = {"field": "kind", "equal": FOCUS_AREA}
    is_premise = {"field": "kind", "equal": PREMISE}
    colour = {
        "field": "kind",
        "type": "nominal",
        "scale": {"domain": [FOCUS_AREA, PREMISE], "range": ["#1f5f8b", "#5a5a5a"]},
        "legend": {"title": None, "orient": "bottom", "labelFontSize": 12},
    }
    matrix = {
        "width": width,
        "height": width,
        "layer": [
            {
                "transform": [{"filter": is_area}],
                "mark": {"type": "circle", "opacity": 0.9},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": colour,
                    "size": {
                        "field": "strategies",
                        "type": "quantitative",
                        "scale": {"range": [250, 1400], "zero": True},
                        "legend": {
                            "title": "Antall strategier",
                            "orient": "bottom",
                            "tickCount": 4,
                        },
                    },
                },
            },
            {
                "transform": [{"filter": is_premise}],
                "mark": {"type": "square", "size": 500, "opacity": 0.9},
                "encoding": {"x": x, "y": y, "color": colour},
            },
            {
                "mark": {"type": "text", "color": "white", "fontWeight": "bold", "fontSize": 12},
                "encoding": {"x": x, "y": y, "text": {"field": "mark"}},
            },
        ],
    }
    key = {
        "width": 230,
        "height": {"step": 22},
        "mark": {"type": "text", "align": "left", "fontSize": 12, "limit": 230, "color": "#1a1a1a"},
        "encoding": {
            "x": {"value": 0},
            "y": {"field": "order", "type": "ordinal", "axis": None},
            "text": {"field": "label"},
        },
        "view": {"stroke": None},
        "title": {"text": "Forklaring", "anchor": "start", "fontSize": 13},
    }
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "background": "white",
        "data": {"values": values},
        "hconcat": [matrix, key],
        "spacing": 24,
        "config": {"font": "sans-serif", "view": {"stroke": "#999"}},
    }
