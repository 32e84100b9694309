"""The benchmarking page's charts: rank over editions and the theme profile. No Django import.

Plain data in, a Vega-Lite spec out (rendered by temaplan.core.charts.render_svg), each with
its text alternative. Rank 1 is best, so the rank axis is reversed: the best at the top. The
plan's own municipality is drawn thicker and named first; the municipalities are told apart by
the point's shape as well as its colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from temaplan.core.vegalite import VEGA_LITE_SCHEMA, Spec

# Okabe–Ito: told apart by people with colour vision deficiency; the plan's own first.
COLOURS = ["#1f5f8b", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#6b6b6b", "#000000"]
SHAPES = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge", "stroke"]
RANK_TITLE = "Plassering (1 er best, øverst)"

SERIES_ALT = "Plassering i Kommune-NM per utgave, 1 er best. {lines}."
PROFILE_ALT = "Plassering på hvert tema i Kommune-NM {edition}, 1 er best. {lines}."
NO_RANK = "ingen plassering"


@dataclass(frozen=True)
class Series:
    """One municipality's overall rank per edition (edition year → rank)."""

    name: str
    ranks: Mapping[int, int]
    own: bool = False


@dataclass(frozen=True)
class Profile:
    """One municipality's rank per theme of an edition (theme key → rank)."""

    name: str
    ranks: Mapping[str, int]
    own: bool = False


def _cycled(items: list[str], count: int) -> list[str]:
    return (items * (count // len(items) + 1))[:count]


def _colour(shown: list[str]) -> dict[str, object]:
    return {
        "field": "kommune",
        "type": "nominal",
        "title": None,
        "sort": shown,
        "scale": {"domain": shown, "range": _cycled(COLOURS, len(shown))},
        "legend": {"orient": "bottom", "labelFontSize": 12, "columns": 3},
    }


def _shape(shown: list[str]) -> dict[str, object]:
    return {
        "field": "kommune",
        "type": "nominal",
        "title": None,
        "sort": shown,
        "scale": {"domain": shown, "range": _cycled(SHAPES, len(shown))},
        "legend": None,
    }


def _rank_axis(highest: int) -> dict[str, object]:
    return {
        "field": "plass",
        "type": "quantitative",
        "title": RANK_TITLE,
        "scale": {"reverse": True, "domain": [1, max(highest, 2)], "nice": False},
        "axis": {"format": "d", "tickMinStep": 1, "labelFontSize": 12},
    }


def _lines_and_points(
    values: list[dict[str, object]], x: dict[str, object], shown: list[str], width: int
) -> Spec:
    highest = max((int(str(v["plass"])) for v in values), default=1)
    y = _rank_axis(highest)
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": width,
        "height": 300,
        "background": "white",
        "data": {"values": values},
        "layer": [
            {
                "mark": {"type": "line"},
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": _colour(shown),
                    "strokeWidth": {
                        "field": "egen",
                        "type": "nominal",
                        "scale": {"domain": [True, False], "range": [3.5, 1.5]},
                        "legend": None,
                    },
                },
            },
            {
                "mark": {"type": "point", "filled": True, "size": 70},
                "encoding": {"x": x, "y": y, "color": _colour(shown), "shape": _shape(shown)},
            },
        ],
        "config": {"font": "sans-serif", "view": {"stroke": None}},
    }


def rank_series_spec(lines: Sequence[Series], editions: Sequence[int], *, width: int = 560) -> Spec:
    """Each municipality's overall rank per edition, one line each; rank 1 at the top."""
    values: list[dict[str, object]] = [
        {"utgave": str(year), "plass": line.ranks[year], "kommune": line.name, "egen": line.own}
        for line in lines
        for year in editions
        if year in line.ranks
    ]
    x: dict[str, object] = {
        "field": "utgave",
        "type": "ordinal",
        "sort": [str(year) for year in editions],
        "axis": {"title": "Utgave", "labelAngle": 0, "labelFontSize": 12},
    }
    return _lines_and_points(values, x, [line.name for line in lines], width)


def theme_profile_spec(
    lines: Sequence[Profile], themes: Sequence[tuple[str, str]], *, width: int = 560
) -> Spec:
    """Each municipality's rank on every theme of one edition: its profile, rank 1 at the top."""
    values: list[dict[str, object]] = [
        {"tema": name, "plass": line.ranks[key], "kommune": line.name, "egen": line.own}
        for line in lines
        for key, name in themes
        if key in line.ranks
    ]
    x: dict[str, object] = {
        "field": "tema",
        "type": "ordinal",
        "sort": [name for _key, name in themes],
        "axis": {"title": "Tema", "labelAngle": 0, "labelFontSize": 12},
    }
    return _lines_and_points(values, x, [line.name for line in lines], width)


def rank_series_text(lines: Sequence[Series], editions: Sequence[int]) -> str:
    """«… Asker: 12 (2018), 13 (2020), 11 (2021); Lier: …»."""
    told = []
    for line in lines:
        ranks = [f"{line.ranks[year]} ({year})" for year in editions if year in line.ranks]
        told.append(f"{line.name}: {', '.join(ranks) if ranks else NO_RANK}")
    return SERIES_ALT.format(lines="; ".join(told))


def theme_profile_text(
    lines: Sequence[Profile], themes: Sequence[tuple[str, str]], edition: int
) -> str:
    """«… Asker: Næringsliv 6, Arbeidsmarked 56, …; Bærum: …»."""
    told = []
    for line in lines:
        ranks = [f"{name} {line.ranks[key]}" for key, name in themes if key in line.ranks]
        told.append(f"{line.name}: {', '.join(ranks) if ranks else NO_RANK}")
    return PROFILE_ALT.format(edition=edition, lines="; ".join(told))
