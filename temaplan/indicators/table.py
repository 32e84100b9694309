"""The indicator table: rows are indicators, columns are years, each cell holds the result,
the ambition and the status between them. Built from rows already fetched (see queries.py),
so it costs no queries of its own whatever the plan's size.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .status import (
    Comparator,
    Direction,
    Evaluation,
    Status,
    TargetRule,
    Unit,
    describe_target,
    evaluate,
    format_value,
)

# Data for year Y are expected during Y+1: before that a year is "not due yet".
PUBLICATION_LAG_YEARS = 1


@dataclass
class Cell:
    year: int
    value: Decimal | None
    value_text: str
    provisional: bool
    revised_from: list[str]  # earlier values, newest first, formatted
    target_text: str  # the ambition stated for this year, as the plan states it
    target_is_goal: bool  # the result is measured against the long-term goal
    evaluation: Evaluation
    measured_against: str = ""  # what the status compares with, and where it comes from
    comment: str = ""

    @property
    def has_result(self) -> bool:
        return self.value is not None


@dataclass
class Row:
    indicator: Any  # an Indicator row; not named, so this module stays free of Django
    cells: list[Cell]
    footnote_number: int | None = None

    @property
    def unit(self) -> Unit:
        return Unit(self.indicator.unit)


@dataclass
class IndicatorTable:
    years: list[int]
    rows: list[Row]
    footnotes: list[tuple[int, str]] = field(default_factory=list)

    @property
    def status_counts(self) -> dict[Status, int]:
        counts = {status: 0 for status in Status}
        for row in self.rows:
            for cell in row.cells:
                counts[cell.evaluation.status] += 1
        return counts


def table_years(indicators: Iterable[Any]) -> list[int]:
    """Every year with a result or an ambition, oldest first."""
    years: set[int] = set()
    for indicator in indicators:
        years.update(o.year for o in indicator.observations.all())
        years.update(t.year for t in indicator.targets.all())
    return sorted(years)


def build_row(indicator: Any, years: list[int], *, current_year: int) -> Row:
    unit, direction = Unit(indicator.unit), Direction(indicator.direction)
    observations = {o.year: o for o in indicator.observations.all()}
    targets = {t.year: t for t in indicator.targets.all()}
    comments = {c.year: c.text for c in indicator.comments.all()}
    goal = indicator.goal_rule
    cells = []
    for year in years:
        observation = observations.get(year)
        previous = observations.get(year - 1)
        # A source that publishes under a later year's name (Kommune-NM edition N = data year
        # N−1) has its ambitions stated per edition: measure the data year against its edition.
        report_year = year + indicator.report_year_offset
        target = targets.get(report_year)
        rule: TargetRule | None = target.rule if target else goal
        evaluation = evaluate(
            target=rule,
            value=observation.value if observation else None,
            previous=previous.value if previous else None,
            unit=unit,
            direction=direction,
            tolerance=indicator.tolerance,
            provisional=bool(observation and observation.provisional),
            due=year + PUBLICATION_LAG_YEARS <= current_year or observation is not None,
            year=year,
        )
        revisions = observation.revisions.all() if observation else []
        stated = targets.get(year)
        cells.append(
            Cell(
                year=year,
                value=observation.value if observation else None,
                value_text=format_value(observation.value, unit) if observation else "",
                provisional=bool(observation and observation.provisional),
                revised_from=[format_value(r.value, unit) for r in revisions],
                target_text=describe_target(stated.rule, unit, direction) if stated else "",
                target_is_goal=target is None and goal is not None,
                evaluation=evaluation,
                measured_against=_measured_against(
                    rule, target, report_year, year, unit, direction
                ),
                comment=comments.get(year, ""),
            )
        )
    return Row(indicator=indicator, cells=cells)


def _measured_against(
    rule: TargetRule | None,
    target: Any,
    report_year: int,
    year: int,
    unit: Unit,
    direction: Direction,
) -> str:
    if rule is None:
        return ""
    text = describe_target(rule, unit, direction)
    if target is None:
        return f"{text} (langsiktig mål)"
    if report_year != year:
        return f"{text} (ambisjon for utgave {report_year})"
    return text


def build_table(
    indicators: list[Any], *, current_year: int, years: list[int] | None = None
) -> IndicatorTable:
    years = years if years is not None else table_years(indicators)
    rows: list[Row] = []
    footnotes: list[tuple[int, str]] = []
    for indicator in indicators:
        row = build_row(indicator, years, current_year=current_year)
        if indicator.footnote:
            footnotes.append((len(footnotes) + 1, indicator.footnote))
            row.footnote_number = len(footnotes)
        rows.append(row)
    return IndicatorTable(years=years, rows=rows, footnotes=footnotes)


__all__ = ["Cell", "Comparator", "IndicatorTable", "Row", "build_table", "build_row"]
