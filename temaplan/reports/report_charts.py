"""The report's charts as Vega-Lite specs, one function per chart, each with its text
alternative: a Norwegian sentence that says what the chart shows, figures included.

Built from the document alone, so the PDF (SVG), Word and PowerPoint (PNG) show the same
chart (chart_images.py renders them). Pure: no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from temaplan.actions.roadmap_chart import (
    TODAY_LABEL,
    RoadmapBar,
    RoadmapMilestone,
    roadmap_spec,
)
from temaplan.actions.slippage import AT_RISK, SLIPPING
from temaplan.core.vegalite import VEGA_LITE_SCHEMA, Spec
from temaplan.indicators.charts import AMBITION, RESULT, UNIT_TITLES
from temaplan.indicators.status import Unit
from temaplan.plans.matrix import FOCUS_AREA, PREMISE, MatrixPoint, influence_matrix_spec

from .document import Document, IndicatorEntry, KommuneNm, PlanSection, StudyEntry
from .report_tables import day_text, standings

COLOURS = {RESULT: "#1f5f8b", AMBITION: "#b35900"}
OWN_COLOUR, PEER_COLOUR = "#1f5f8b", "#6b6b6b"
REPORT_DATE_LABEL = "Per {day}"
# A number in a target as the plan states it: «minst 41,4 %», «12 eller bedre», «−5».
_NUMBER = re.compile(r"[−-]?\d{1,3}(?:[\u00a0\u202f ]\d{3})*(?:,\d+)?|[−-]?\d+(?:,\d+)?")
_FLAGS = {"forsinket": SLIPPING, "i fare": AT_RISK}


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    spec: Spec
    alt: str  # the text alternative


def target_number(target: str, unit: str) -> Decimal | None:
    """The number in an ambition's text, in the indicator's stored scale, for the chart:
    «minst 41,4 %» → 41.4, «12 eller bedre» → 12, «9,6 mill. kr» → 9600000; None for an
    ambition without a number («høyere enn året før»). The low end of «mellom 10 og 20»."""
    match = _NUMBER.search(target)
    if match is None:
        return None
    text = re.sub(r"[\u00a0\u202f ]", "", match.group()).replace(",", ".").replace("−", "-")
    value = Decimal(text)
    if unit == Unit.NOK and "mill." in target:
        value *= 1_000_000
    return value


def _join(parts: list[str]) -> str:
    return ", ".join(parts) if parts else "ingen"


def indicator_chart(entry: IndicatorEntry, *, width: int = 560) -> Chart | None:
    """Result and ambition over the plan's years; None when there is neither."""
    unit = Unit(entry["unit"])
    results: list[dict[str, Any]] = []
    ambitions: list[dict[str, Any]] = []
    for point in entry["series"]:
        if point["value"] is not None:
            results.append(
                {"year": point["year"], "value": float(point["value"]), "series": RESULT}
            )
        goal = target_number(point["target"], unit) if point["target"] else None
        if goal is not None:
            ambitions.append({"year": point["year"], "value": float(goal), "series": AMBITION})
    if not results and not ambitions:
        return None
    years = [point["year"] for point in entry["series"]]
    x = {
        "field": "year",
        "type": "quantitative",
        "title": "År",
        "scale": {"domain": [years[0] - 0.3, years[-1] + 0.3]},
        "axis": {"format": "d", "values": years, "labelFontSize": 12},
    }
    rank = unit is Unit.RANK
    y = {
        "field": "value",
        "type": "quantitative",
        "title": UNIT_TITLES[unit] + (" (1 er best)" if rank else ""),
        "scale": {"reverse": rank, "zero": False},
        "axis": {"labelFontSize": 12} | ({"tickMinStep": 1, "format": "d"} if rank else {}),
    }
    shown = [name for name, values in ((RESULT, results), (AMBITION, ambitions)) if values]
    colour = {
        "field": "series",
        "type": "nominal",
        "title": None,
        "scale": {"domain": shown, "range": [COLOURS[name] for name in shown]},
        "legend": {"orient": "bottom", "labelFontSize": 12},
    }
    spec: Spec = {
        "$schema": VEGA_LITE_SCHEMA,
        "width": width,
        "height": 240,
        "background": "white",
        "layer": [
            {
                "data": {"values": ambitions},
                "mark": {"type": "line", "strokeDash": [6, 4], "point": {"shape": "diamond"}},
                "encoding": {"x": x, "y": y, "color": colour},
            },
            {
                "data": {"values": results},
                "mark": {"type": "line", "strokeWidth": 3, "point": {"size": 80, "filled": True}},
                "encoding": {"x": x, "y": y, "color": colour},
            },
        ],
        "config": {"font": "sans-serif", "view": {"stroke": None}},
    }
    result_text = _join([f"{p['year']} {p['shown']}" for p in entry["series"] if p["value"]])
    target_text = _join([f"{p['year']} {p['target']}" for p in entry["series"] if p["target"]])
    alt = (
        f"Linjediagram for «{entry['name']}», {years[0]}–{years[-1]}. "
        f"Resultat: {result_text}. Ambisjon: {target_text}."
    )
    return Chart(f"indikator-{entry['key']}", entry["name"], spec, alt)


def rank_chart(kommune_nm: KommuneNm, *, width: int = 420) -> Chart | None:
    """Each municipality's place this edition and the one before, rank 1 on top; the own
    municipality drawn strong, the peers grey. None without any standing."""
    rows = standings(kommune_nm)
    if not rows:
        return None
    own = kommune_nm["own"]
    own_code = own["code"] if own else ""
    edition = kommune_nm["edition"]
    now, before = f"Kommune-NM {edition}", f"Kommune-NM {edition - 1}"
    values: list[dict[str, Any]] = []
    for standing in rows:
        base = {"name": standing["name"], "own": standing["code"] == own_code}
        if standing["previous_rank"] is not None:
            values.append({**base, "edition": before, "rank": standing["previous_rank"]})
        values.append({**base, "edition": now, "rank": standing["rank"], "last": True})
    ranks = [v["rank"] for v in values]
    x = {
        "field": "edition",
        "type": "ordinal",
        "title": None,
        "sort": [before, now],
        "scale": {"domain": [before, now], "padding": 0.3},
        "axis": {"labelAngle": 0, "labelFontSize": 12, "orient": "top"},
    }
    y = {
        "field": "rank",
        "type": "quantitative",
        "title": "Plassering (1 er best)",
        "scale": {"reverse": True, "domain": [0.5, max(ranks) + 0.5], "nice": False},
        "axis": {"tickMinStep": 1, "format": "d", "labelFontSize": 12},
    }
    colour = {
        "condition": {"test": "datum.own", "value": OWN_COLOUR},
        "value": PEER_COLOUR,
    }
    spec: Spec = {
        "$schema": VEGA_LITE_SCHEMA,
        "width": width,
        "height": 300,
        "background": "white",
        "padding": {"right": 110, "top": 5, "left": 5, "bottom": 5},
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "line", "point": {"filled": True, "size": 60}},
                "encoding": {
                    "x": x,
                    "y": y,
                    "detail": {"field": "name"},
                    "color": colour,
                    "strokeWidth": {"condition": {"test": "datum.own", "value": 3}, "value": 1.5},
                },
            },
            {
                "transform": [{"filter": "datum.last"}],
                "mark": {"type": "text", "align": "left", "dx": 8, "fontSize": 12},
                "encoding": {
                    "x": x,
                    "y": y,
                    "text": {"field": "label"},
                    "color": colour,
                    "fontWeight": {
                        "condition": {"test": "datum.own", "value": "bold"},
                        "value": 400,
                    },
                },
            },
        ],
        "transform": [{"calculate": "datum.name + ' ' + datum.rank", "as": "label"}],
        "config": {"font": "sans-serif", "view": {"stroke": None}},
    }
    ordered = sorted(rows, key=lambda standing: standing["rank"])
    parts = [
        f"{s['name']} {s['rank']}" + (f" ({s['previous_rank']})" if s["previous_rank"] else "")
        for s in ordered
    ]
    alt = (
        f"Plassering i {now} av {kommune_nm['ranked']} kommuner, 1 er best, med plasseringen "
        f"i {before} i parentes: {', '.join(parts)}."
    )
    return Chart("kommune-nm", f"Plassering i {now}", spec, alt)


def _d(iso: str) -> date:
    return date.fromisoformat(iso[:10])


def timeline_rows(studies: list[StudyEntry]) -> list[RoadmapBar | RoadmapMilestone]:
    """The studies as the roadmap's rows: the study, its phases, its cases on the study's row."""
    rows: list[RoadmapBar | RoadmapMilestone] = []
    for study in studies:
        phases = [p for p in study["phases"] if p["planned_start"] and p["planned_end"]]
        if phases:
            rows.append(
                RoadmapBar(
                    study["title"],
                    min(_d(str(p["planned_start"])) for p in phases),
                    max(_d(str(p["planned_end"])) for p in phases),
                    "study",
                    flag=_FLAGS.get(study["flag"], ""),
                    row_key=f"s-{study['key']}",
                )
            )
        for number, phase in enumerate(phases):
            rows.append(
                RoadmapBar(
                    phase["name"],
                    _d(str(phase["planned_start"])),
                    _d(str(phase["planned_end"])),
                    "phase",
                    actual_start=_d(phase["actual_start"]) if phase["actual_start"] else None,
                    actual_end=_d(phase["actual_end"]) if phase["actual_end"] else None,
                    status=phase["status"],
                    row_key=f"p-{study['key']}-{number}",
                    note=phase["note"],
                )
            )
        for case in study["cases"]:
            if case["planned_date"]:
                rows.append(
                    RoadmapMilestone(
                        study["title"],
                        _d(case["planned_date"]),
                        "SAK",
                        row_key=f"s-{study['key']}",
                        body=case["body"],
                    )
                )
    return rows


def _relabel_today(spec: Spec, label: str) -> Spec:
    """The roadmap's «I dag» rule as the report's date: a frozen report is read later."""
    for layer in spec["layer"]:
        for value in layer.get("data", {}).get("values", []):
            if value.get("text") == TODAY_LABEL:
                value["text"] = label
    return spec


def timeline_chart(studies: list[StudyEntry], *, on: date, width: int = 560) -> Chart | None:
    """The studies' phases and political cases over time, as the roadmap page draws them,
    with the report's date `on` where the page has today. None without dated phases."""
    rows = timeline_rows(studies)
    if not rows:
        return None
    dates = [
        d
        for row in rows
        for d in (
            (row.date, row.date) if isinstance(row, RoadmapMilestone) else (row.start, row.end)
        )
    ]
    start, end = min(dates).replace(day=1), max(dates)
    spec = _relabel_today(
        roadmap_spec(rows, today=on, start=start, end=end, width=width),
        REPORT_DATE_LABEL.format(day=day_text(on.isoformat())),
    )
    parts = []
    for study in studies:
        phases = "; ".join(
            f"{p['name']} {day_text(p['planned_start'])}–{day_text(p['planned_end'])}"
            for p in study["phases"]
        )
        cases = ", ".join(day_text(c["planned_date"]) for c in study["cases"] if c["planned_date"])
        flag = f" ({study['flag']})" if study["flag"] else ""
        parts.append(
            f"{study['title']}{flag}: {phases or 'ingen faser'}"
            + (f"; politisk sak {cases}" if cases else "")
        )
    alt = (
        f"Tidslinje for {len(studies)} utredninger fra {day_text(start.isoformat())} til "
        f"{day_text(end.isoformat())}. " + ". ".join(parts) + "."
    )
    return Chart("utredninger", "Tidslinje for utredningene", spec, alt)


MATRIX_TITLE = "Innsatsområder og påvirkning"
MATRIX_EXAMPLE = "Plasseringen i matrisen er et eksempel, ikke vedtatt."


def matrix_chart(plan: PlanSection, *, width: int = 460) -> Chart | None:
    """The influence matrix as the plan page draws it (plans.matrix): the focus areas by the
    municipality's influence and their importance, sized by their strategies, the premises
    outside the plan apart. None without focus areas or premises."""
    areas, premises = plan["focus_areas"], plan["premises"]
    if not areas and not premises:
        return None
    points = [
        MatrixPoint(f"{a['number']}. {a['name']}", a["influence"], a["importance"], a["strategies"])
        for a in areas
    ] + [
        MatrixPoint(f"{p['letter']}) {p['name']}", p["influence"], p["importance"], 0, PREMISE)
        for p in premises
    ]
    spec = influence_matrix_spec(points, width=width)
    placed = "; ".join(
        f"{a['number']}. {a['name']}: påvirkning {a['influence']}, betydning {a['importance']}, "
        f"{a['strategies']} strategier"
        for a in areas
    )
    alt = (
        f"Matrise over planens {len(areas)} innsatsområder etter kommunens muligheter for "
        "påvirkning (vannrett, 1 = lav, 5 = høy) og betydning (loddrett, 1 = lav, 5 = høy), "
        f"boblen større jo flere strategier. {FOCUS_AREA}: {placed or 'ingen'}."
    )
    if premises:
        alt += (
            " Premisser utenfor planen: "
            + "; ".join(
                f"{p['letter']}) {p['name']}: påvirkning {p['influence']}, "
                f"betydning {p['importance']}"
                for p in premises
            )
            + "."
        )
    if any(a["placement_is_example"] for a in areas):
        alt += " " + MATRIX_EXAMPLE
    return Chart("matrise", MATRIX_TITLE, spec, alt)


def report_date(document: Document) -> date:
    return _d(document["meta"]["built_at"])


def document_charts(document: Document) -> dict[str, Chart]:
    """Every chart of the report by key, in the report's order."""
    charts = [matrix_chart(document["plan"])]
    charts += [indicator_chart(entry) for entry in document["indicators"]]
    if document["kommune_nm"]:
        charts.append(rank_chart(document["kommune_nm"]))
    charts.append(timeline_chart(document["studies"], on=report_date(document)))
    return {chart.key: chart for chart in charts if chart is not None}
