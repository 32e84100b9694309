"""The budget per year as a chart: decided frame, proposed frame, allocated and spent.

Pure: `budget.BudgetYear` in, a Vega-Lite spec out; rendered by
`temaplan.core.charts.render_svg`. No Django here. A proposal is never shown by colour alone:
its bar is lighter, has a dashed outline and its series is named «ikke vedtatt».
"""

from __future__ import annotations

from decimal import Decimal

from temaplan.core.formatting import number
from temaplan.core.vegalite import VEGA_LITE_SCHEMA, Spec

from .budget import BudgetYear

BUDGET_SERIES = {
    "Vedtatt ramme": "#1f5f8b",
    "Forslag (ikke vedtatt)": "#9ecae1",
    "Tildelt": "#b35900",
    "Brukt": "#5c7f2a",
}


def _millions(value: Decimal) -> float:
    return round(float(value / Decimal(1_000_000)), 3)


def budget_spec(years: list[BudgetYear], *, width: int = 560) -> Spec:
    """Per year, side by side: the decided frame, the proposed frame (lighter, dashed outline,
    labelled as not decided), allocated and spent; in millions, with the value on each bar."""
    decided, proposal, allocated, spent = BUDGET_SERIES
    values = []
    for year in years:
        figures = [
            (decided, year.decided.amount if year.decided else None),
            (proposal, year.proposed.amount if year.proposed else None),
            (allocated, year.allocated if year.allocations else None),
            (spent, year.spent if year.allocations else None),
        ]
        for series, amount in figures:
            if amount is None:
                continue
            millions = _millions(amount)
            values.append(
                {
                    "year": str(year.year),
                    "series": series,
                    "value": millions,
                    "text": number(millions, 1),
                    "proposal": series == proposal,
                }
            )
    x = {
        "field": "year",
        "type": "ordinal",
        "axis": {"title": "År", "labelAngle": 0, "labelFontSize": 12},
    }
    offset = {"field": "series", "type": "nominal", "sort": list(BUDGET_SERIES)}
    y = {
        "field": "value",
        "type": "quantitative",
        "axis": {"title": "mill. kr", "format": ",.1~f", "labelFontSize": 12},
    }
    colour = {
        "field": "series",
        "type": "nominal",
        "scale": {"domain": list(BUDGET_SERIES), "range": list(BUDGET_SERIES.values())},
        "legend": {"title": None, "orient": "bottom", "labelFontSize": 12},
    }
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": width,
        "height": 280,
        "background": "white",
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "bar", "stroke": "#1a1a1a"},
                "encoding": {
                    "x": x,
                    "xOffset": offset,
                    "y": y,
                    "color": colour,
                    "strokeWidth": {
                        "condition": {"test": "datum.proposal", "value": 1.2},
                        "value": 0,
                    },
                    "strokeDash": {
                        "condition": {"test": "datum.proposal", "value": [4, 2]},
                        "value": [1, 0],
                    },
                },
            },
            {
                "mark": {"type": "text", "baseline": "bottom", "dy": -3, "fontSize": 10},
                "encoding": {"x": x, "xOffset": offset, "y": y, "text": {"field": "text"}},
            },
        ],
        "config": {"font": "sans-serif", "view": {"stroke": None}},
    }
