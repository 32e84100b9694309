"""The roadmap of studies: a Gantt chart of studies, their phases and political cases, and the
same content as a table beside it.

Pure: plain dataclasses in, a Vega-Lite spec out; rendered by `temaplan.core.charts.render_svg`.
No Django here. Colour is never the only signal: a late or slipping bar also has a dashed
outline and the word «forsinket» at its end, a bar at risk the words «i fare», and the chart
has a table beside it (`roadmap_table`). A phase that ended late is not flagged: what happened
(«ferdig en måned etter planen») is written after its bar and in the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from temaplan.core.vegalite import VEGA_LITE_SCHEMA, Spec

from .slippage import AT_RISK, FLAG_LABELS, LATE, ON_TIME, SLIPPING

STUDY, PHASE = "study", "phase"
KIND_LABELS = {STUDY: "Utredning", PHASE: "Fase", "case": "Politisk sak"}
PLANNED, DONE_STATE, AT_RISK_STATE, LATE_STATE, ACTUAL = (
    "Planlagt / pågår",
    "Ferdig",
    "I fare",
    "Forsinket",
    "Faktisk",
)
STATE_COLOURS = {
    PLANNED: "#1f5f8b",
    DONE_STATE: "#5c7f2a",
    AT_RISK_STATE: "#b35900",
    LATE_STATE: "#b2182b",
    ACTUAL: "#1a1a1a",
}
CASE_COLOUR = {
    "condition": {"test": "datum.flagged", "value": STATE_COLOURS[LATE_STATE]},
    "value": "#1a1a1a",
}
TODAY_LABEL = "I dag"


@dataclass(frozen=True)
class RoadmapBar:
    """A study or a phase: a bar from planned start to planned end, on its own row."""

    row_label: str
    start: date
    end: date
    kind: str  # "study" or "phase"
    flag: str = ""  # "", "slipping", "late" or "at_risk" (see slippage.py)
    actual_start: date | None = None  # drawn as a thin bar; to today while not ended
    actual_end: date | None = None
    status: str = ""  # "done" draws the bar as finished
    row_key: str = ""  # identifies the row (defaults to row_label); labels may then repeat
    note: str = ""  # how an ended phase ended: «ferdig i tide», «ferdig 12 dager etter planen»


@dataclass(frozen=True)
class RoadmapMilestone:
    """A political case: a diamond at its planned date on the row with the same key."""

    row_label: str
    date: date
    label: str = "SAK"
    flag: str = ""  # "" or "slipping"
    row_key: str = ""  # the row to sit on (defaults to row_label); a new row if none has it
    body: str = ""  # who decides: «Formannskapet»; the table names it, the chart has no room


def _iso(value: date) -> str:
    return value.isoformat()


def _datetime(value: date) -> Spec:
    return {"year": value.year, "month": value.month, "date": value.day}


def _day(value: date | None) -> str:
    return f"{value:%d.%m.%Y}" if value else ""


def _state(flag: str, status: str = "") -> str:
    if flag in (SLIPPING, LATE):
        return LATE_STATE
    if flag == AT_RISK:
        return AT_RISK_STATE
    return DONE_STATE if status == "done" else PLANNED


def _rows(rows: list[RoadmapBar | RoadmapMilestone]) -> dict[str, str]:
    """Row key → row id: a sortable prefix (position and s/p/m for study/phase/milestone row)
    followed by the label; the axis shows what comes after the prefix."""
    ids: dict[str, str] = {}
    for row in rows:
        key = row.row_key or row.row_label
        if key not in ids:
            kind = "m" if isinstance(row, RoadmapMilestone) else row.kind[0]
            ids[key] = f"{len(ids):03d}{kind}{row.row_label}"
    return ids


def roadmap_spec(
    rows: list[RoadmapBar | RoadmapMilestone],
    *,
    today: date,
    start: date,
    end: date,
    width: int = 640,
) -> Spec:
    """The Gantt chart of the period `start`–`end`: one row per study and phase, in the order
    given; cases as diamonds marked «SAK»; a dashed rule marked «I dag» if today is inside."""
    ids = _rows(rows)
    bars, actual, markers, notes, cases = [], [], [], [], []
    for row in rows:
        row_id = ids[row.row_key or row.row_label]
        if isinstance(row, RoadmapMilestone):
            text = row.label + (f" ({FLAG_LABELS[row.flag]})" if row.flag else "")
            cases.append(
                {"row": row_id, "date": _iso(row.date), "text": text, "flagged": bool(row.flag)}
            )
            continue
        state = _state(row.flag, row.status)
        bars.append(
            {
                "row": row_id,
                "start": _iso(max(row.start, start)),
                "end": _iso(min(row.end, end)),
                "state": state,
                "kind": row.kind,
                "flagged": bool(row.flag),
            }
        )
        last = row.end
        if row.actual_start is not None:
            actual_end = row.actual_end or today
            if actual_end >= row.actual_start:
                last = max(last, actual_end)
                actual.append(
                    {
                        "row": row_id,
                        "start": _iso(max(row.actual_start, start)),
                        "end": _iso(min(actual_end, end)),
                        "state": ACTUAL,
                    }
                )
        if row.flag:
            # After whichever bar ends last, so the word never sits on a bar.
            markers.append(
                {
                    "row": row_id,
                    "date": _iso(min(max(last, start), end)),
                    "text": FLAG_LABELS[row.flag],
                    "state": state,
                }
            )
        elif row.note and row.note != ON_TIME:
            notes.append(
                {"row": row_id, "date": _iso(min(max(last, start), end)), "text": row.note}
            )

    domain = [_datetime(start), _datetime(end + timedelta(days=1))]
    x = {
        "field": "start",
        "type": "temporal",
        "timeUnit": "yearmonthdate",
        "scale": {"domain": domain},
        "axis": {
            "title": None,
            "format": "%b %Y",
            "labelFontSize": 12,
            "tickCount": {"interval": "month", "step": 6},
            "grid": True,
        },
    }
    at = {**x, "field": "date"}
    y = {
        "field": "row",
        "type": "ordinal",
        "sort": "ascending",
        "scale": {"domain": sorted(ids.values())},
        "axis": {
            "title": None,
            "labelExpr": "substring(datum.label, 4)",
            "labelFontSize": 12,
            "labelLimit": 260,
            "labelFontWeight": {
                "condition": {"test": "substring(datum.value, 3, 4) == 's'", "value": "bold"},
                "value": "normal",
            },
            "ticks": False,
            "domain": False,
        },
    }
    colour = {
        "field": "state",
        "type": "nominal",
        "scale": {"domain": list(STATE_COLOURS), "range": list(STATE_COLOURS.values())},
        "legend": {"title": None, "orient": "bottom", "labelFontSize": 12, "columns": 6},
    }
    layers: list[Spec] = [
        {
            "data": {"values": bars},
            "mark": {"type": "bar", "height": {"band": 0.62}, "clip": True},
            "encoding": {
                "x": x,
                "x2": {"field": "end", "timeUnit": "yearmonthdate"},
                "y": y,
                "color": colour,
                "opacity": {
                    "condition": {"test": f"datum.kind == '{STUDY}'", "value": 0.45},
                    "value": 0.9,
                },
            },
        },
        {
            "data": {"values": [bar for bar in bars if bar["flagged"]]},
            "mark": {
                "type": "bar",
                "height": {"band": 0.62},
                "fillOpacity": 0,
                "stroke": "#1a1a1a",
                "strokeWidth": 1.5,
                "strokeDash": [4, 2],
                "clip": True,
            },
            "encoding": {"x": x, "x2": {"field": "end", "timeUnit": "yearmonthdate"}, "y": y},
        },
        {
            "data": {"values": actual},
            "mark": {"type": "bar", "height": {"band": 0.2}, "clip": True},
            "encoding": {
                "x": x,
                "x2": {"field": "end", "timeUnit": "yearmonthdate"},
                "y": y,
                "color": colour,
            },
        },
        {
            "data": {"values": markers},
            "mark": {
                "type": "text",
                "align": "left",
                "baseline": "middle",
                "dx": 4,
                "fontSize": 11,
                "fontWeight": "bold",
            },
            "encoding": {"x": at, "y": y, "text": {"field": "text"}, "color": colour},
        },
        {
            "data": {"values": cases},
            "mark": {
                "type": "point",
                "shape": "diamond",
                "size": 150,
                "filled": True,
                "opacity": 1,
                "stroke": "white",
                "strokeWidth": 1,
            },
            "encoding": {"x": at, "y": y, "color": CASE_COLOUR},
        },
        {
            "data": {"values": cases},
            "mark": {
                "type": "text",
                "align": "left",
                "baseline": "middle",
                "dx": 8,
                "fontSize": 10,
                "fontWeight": "bold",
            },
            "encoding": {"x": at, "y": y, "text": {"field": "text"}, "color": CASE_COLOUR},
        },
        {
            "data": {"values": notes},
            "mark": {
                "type": "text",
                "align": "left",
                "baseline": "middle",
                "dx": 4,
                "fontSize": 11,
                "color": "#1a1a1a",
            },
            "encoding": {"x": at, "y": y, "text": {"field": "text"}},
        },
    ]
    if start <= today <= end:
        rule_data = {"values": [{"date": _iso(today), "text": TODAY_LABEL}]}
        layers += [
            {
                "data": rule_data,
                "mark": {"type": "rule", "strokeDash": [6, 3], "strokeWidth": 1.5},
                "encoding": {"x": at, "color": {"value": "#1a1a1a"}},
            },
            {
                "data": rule_data,
                "mark": {
                    "type": "text",
                    "baseline": "bottom",
                    "dy": -4,
                    "fontSize": 11,
                    "fontWeight": "bold",
                    "color": "#1a1a1a",
                },
                "encoding": {"x": at, "y": {"value": 0}, "text": {"field": "text"}},
            },
        ]
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": width,
        "height": {"step": 28},
        "background": "white",
        "padding": {"top": 18, "left": 5, "right": 70, "bottom": 5},
        "layer": layers,
        "config": {"font": "sans-serif", "view": {"stroke": None}},
    }


def roadmap_table(rows: list[RoadmapBar | RoadmapMilestone]) -> list[Spec]:
    """The chart as table rows, in the chart's order, every value ready to print:
    `row`, `kind` (Utredning / Fase / Politisk sak), `planned` and `actual` (dd.mm.yyyy, a
    range for bars), `flag` (the code), `flag_label` (forsinket / i fare / empty) and `note`
    (how an ended phase ended, or empty)."""
    table = []
    for row in rows:
        if isinstance(row, RoadmapMilestone):
            table.append(
                {
                    "row": row.row_label,
                    "kind": f"{KIND_LABELS['case']} ({row.label})"
                    + (f" i {row.body}" if row.body else ""),
                    "planned": _day(row.date),
                    "actual": "",
                    "flag": row.flag,
                    "flag_label": FLAG_LABELS[row.flag],
                    "note": "",
                }
            )
            continue
        # An open range («01.03.2022–») while the phase has started and not ended.
        actual = f"{_day(row.actual_start)}–{_day(row.actual_end)}" if row.actual_start else ""
        table.append(
            {
                "row": row.row_label,
                "kind": KIND_LABELS[row.kind],
                "planned": f"{_day(row.start)}–{_day(row.end)}",
                "actual": actual,
                "flag": row.flag,
                "flag_label": FLAG_LABELS[row.flag],
                "note": row.note,
            }
        )
    return table
