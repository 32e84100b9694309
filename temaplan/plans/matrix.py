"""The influence matrix: focus areas placed by the municipality's ability to influence them (x)
and their importance (y), bubble size by number of strategies; premises outside the plan apart.

Pure: takes plain points, returns a Vega-Lite spec. No Django here.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from temaplan.core.vegalite import VEGA_LITE_SCHEMA, Spec

FOCUS_AREA = "Innsatsområde"
PREMISE = "Premiss utenfor planen"
# The focus areas' bubbles: their area in px² runs from the first to the second size.
BUBBLE_AREA = (250, 1400)
GAP = 4  # px between two bubbles that share a cell
CELLS = 5  # the scale runs 1..5, drawn from 0.5 to 5.5
LEGEND_STEPS = (1, 2, 5, 10, 20, 50, 100)


@dataclass(frozen=True)
class MatrixPoint:
    label: str
    influence: int
    importance: int
    strategies: int
    kind: str = FOCUS_AREA


def spread_overlaps(
    points: list[MatrixPoint], *, width: int = 460
) -> list[tuple[MatrixPoint, float, float]]:
    """Each point with the (x, y) it is drawn at. A point alone sits on its placement; points
    that share a placement are set on a small ring around it (two one above the other, three in
    a triangle, …), neighbours far enough apart that even the largest bubbles do not touch."""
    step = (2 * math.sqrt(BUBBLE_AREA[1] / math.pi) + GAP) * CELLS / width  # in scale units
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index, point in enumerate(points):
        cells[(point.influence, point.importance)].append(index)
    placed = []
    for index, point in enumerate(points):
        cell = cells[(point.influence, point.importance)]
        if len(cell) == 1:
            placed.append((point, float(point.influence), float(point.importance)))
            continue
        radius = step / (2 * math.sin(math.pi / len(cell)))
        angle = math.pi / 2 - 2 * math.pi * cell.index(index) / len(cell)  # top first, clockwise
        x = point.influence + radius * math.cos(angle)
        y = point.importance + radius * math.sin(angle)
        placed.append((point, round(x, 3), round(y, 3)))
    return placed


def legend_counts(most: int) -> list[int]:
    """The strategy counts the size legend shows: whole numbers (a count is never «0,5»), at
    most five, from 0 in a step of 1, 2 or 5 times a power of ten: 2 → 0 1 2, 7 → 0 2 4 6."""
    step = next((s for s in LEGEND_STEPS if most / s <= 4), LEGEND_STEPS[-1])
    return list(range(0, most + 1, step))


def influence_matrix_spec(points: list[MatrixPoint], *, width: int = 460) -> Spec:
    """Bubbles carry a short mark (the area's number, the premise's letter); the key beside the
    matrix gives the full names, so labels never collide however the areas are placed."""
    values = [
        {
            "mark": point.label.split(" ", 1)[0].rstrip(".)"),
            "label": point.label,
            "influence": point.influence,
            "importance": point.importance,
            "x": x,
            "y": y,
            "strategies": point.strategies,
            "kind": point.kind,
            "order": index,
        }
        for index, (point, x, y) in enumerate(spread_overlaps(points, width=width))
    ]
    scale = {"domain": [0.5, 5.5], "nice": False}
    axis = {"values": [1, 2, 3, 4, 5], "grid": True, "labelFontSize": 12, "titleFontSize": 13}
    x = {
        "field": "x",
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
                        "scale": {"range": list(BUBBLE_AREA), "zero": True},
                        "legend": {
                            "title": "Antall strategier",
                            "orient": "bottom",
                            "values": legend_counts(max((p.strategies for p in points), default=0)),
                            "format": "d",
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
