"""The indicator chart: results, the ambition path and, where there is one, the projection."""

from __future__ import annotations

from typing import Any

from temaplan.core.vegalite import VEGA_LITE_SCHEMA, Spec

from .forecast import Forecast
from .status import Unit
from .table import Row

UNIT_TITLES = {
    Unit.RANK: "Plassering",
    Unit.PERCENT: "Prosent",
    Unit.RATIO: "Prosent",
    Unit.COUNT: "Antall",
    Unit.DECARES: "Dekar",
    Unit.NOK: "Kroner",
}
RESULT, AMBITION, PROJECTION = "Resultat", "Ambisjon", "Framskrivning"


Point = dict[str, float | str]  # one row of the chart's data


def indicator_chart_spec(
    indicator: Any, row: Row, forecast: Forecast | None, *, width: int = 620
) -> Spec | None:
    """Vega-Lite spec. `row` is the indicator's table row; `forecast` may be None. None when
    there is nothing to draw (no result and no ambition): the page says so instead of showing
    an empty frame."""
    unit = Unit(indicator.unit)
    values: list[Point] = []
    for cell in row.cells:
        if cell.value is not None:
            values.append({"year": cell.year, "value": float(cell.value), "series": RESULT})
    for target in indicator.targets.all():
        if target.value is not None:
            values.append({"year": target.year, "value": float(target.value), "series": AMBITION})
    if not values:
        return None
    band: list[Point] = []
    if forecast is not None and forecast.points:
        year, value = max((c.year, c.value) for c in row.cells if c.value is not None)
        start: Point = {
            "year": year,
            "value": float(value),
            "low": float(value),
            "high": float(value),
            "series": PROJECTION,
        }
        band = [start] + [
            {"year": p.year, "value": p.value, "low": p.low, "high": p.high, "series": PROJECTION}
            for p in forecast.points
        ]
    years = sorted({int(v["year"]) for v in values + band})
    x = {
        "field": "year",
        "type": "quantitative",
        "title": "År",
        "scale": {"domain": [years[0] - 0.3, years[-1] + 0.3]} if years else {},
        "axis": {"format": "d", "values": years, "labelFontSize": 12},
    }
    y = {
        "field": "value",
        "type": "quantitative",
        "title": UNIT_TITLES[unit] + (" (1 er best)" if unit == Unit.RANK else ""),
        "scale": {"reverse": unit == Unit.RANK, "zero": False},
        # A rank is a whole number: no «2,5» on its axis.
        "axis": {"labelFontSize": 12}
        | ({"tickMinStep": 1, "format": "d"} if unit == Unit.RANK else {}),
    }
    # The legend names only what is drawn: no «Framskrivning» without a projection.
    shown = [RESULT, AMBITION, PROJECTION] if band else [RESULT, AMBITION]
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": shown, "range": ["#1f5f8b", "#b35900", "#6b6b6b"][: len(shown)]},
        "legend": {"orient": "bottom", "labelFontSize": 12},
    }
    layers = [
        {
            "data": {"values": band},
            "mark": {"type": "area", "opacity": 0.18, "color": "#6b6b6b", "aria": False},
            "encoding": {"x": x, "y": {**y, "field": "low"}, "y2": {"field": "high"}},
        },
        {
            "data": {"values": band},
            "mark": {"type": "line", "strokeDash": [2, 3], "point": True},
            "encoding": {"x": x, "y": y, "color": colour},
        },
        {
            "data": {"values": [v for v in values if v["series"] == AMBITION]},
            "mark": {
                "type": "line",
                "strokeDash": [6, 4],
                "point": {"shape": "diamond", "size": 70},
            },
            "encoding": {"x": x, "y": y, "color": colour},
        },
        {
            "data": {"values": [v for v in values if v["series"] == RESULT]},
            "mark": {"type": "line", "strokeWidth": 3, "point": {"size": 80, "filled": True}},
            "encoding": {"x": x, "y": y, "color": colour},
        },
    ]
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": width,
        "height": 300,
        "background": "white",
        "layer": layers,
        "config": {"font": "sans-serif", "view": {"stroke": None}},
    }
