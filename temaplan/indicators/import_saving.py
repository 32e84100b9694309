"""Saving the checked rows of an indicator workbook (importing.py), in bulk, in the caller's
transaction: what `services.indicator_create`, `target_set` and `observation_record` do for one
row, done for every row at once.

Every row is compared with what is stored: equal rows write nothing; changed rows get a new
version (and a history row where the model keeps one); a result whose value or provisional flag
changes keeps its old value as a revision. The models' field rules are checked on every row to
be written before anything is: a rule the workbook checks did not foresee refuses the file with
a message for the row.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Max
from django.utils import timezone

from temaplan.core.bulk import (
    SheetChanges,
    changed_fields,
    links_of,
    links_replaced,
    records_inserted,
    records_updated,
)
from temaplan.core.workbook import CellProblem, ImportRejected, ImportSummary
from temaplan.plans.models import FocusArea, Plan

from . import excel
from .models import Indicator, Observation, ObservationRevision, Target
from .status import Unit

REVISED = "revised"


@dataclass
class DefinitionRow:
    number: int
    key: str
    fields: dict[str, Any]  # Indicator fields
    focus_area_numbers: list[int]
    unit: Unit | None  # None when the cell was bad


@dataclass
class TargetRow:
    number: int
    key: str
    year: int
    comparator: str
    value: Decimal | None
    high: Decimal | None


@dataclass
class ValueRow:
    number: int
    key: str
    year: int
    value: Decimal
    provisional: bool
    source_note: str
    vintage: str


@dataclass
class Stored:
    """The plan's indicators (locked), ambitions and results, read once for the whole file."""

    indicators: dict[str, Indicator]
    targets: dict[tuple[int, int], Target]
    observations: dict[tuple[int, int], Observation]
    focus_areas: dict[int, set[int]]  # indicator pk → focus-area pks

    @classmethod
    def of(cls, plan: Plan) -> Stored:
        indicators = {
            indicator.key: indicator
            for indicator in Indicator.objects.select_for_update().filter(plan=plan)
        }
        return cls(
            indicators,
            {(t.indicator_id, t.year): t for t in Target.objects.filter(indicator__plan=plan)},
            {(o.indicator_id, o.year): o for o in Observation.objects.filter(indicator__plan=plan)},
            links_of(Indicator.focus_areas, [i.pk for i in indicators.values()]),
        )


def _definitions(plan, stored, focus_areas, rows, changes: SheetChanges) -> list[tuple]:
    """Indicators to insert and update; returns the focus areas to set, by indicator."""
    last = Indicator.objects.filter(plan=plan).aggregate(last=Max("position"))["last"]
    position = -1 if last is None else last
    areas_to_set: list[tuple[Indicator, list[FocusArea]]] = []
    for row in rows:
        areas = [focus_areas[number] for number in row.focus_area_numbers]
        indicator = stored.indicators.get(row.key)
        if indicator is None:
            position += 1
            indicator = Indicator(
                plan=plan,
                municipality_id=plan.municipality_id,
                key=row.key,
                position=position,
                **row.fields,
            )
            stored.indicators[row.key] = indicator
            changes.create(indicator, row.number)
            if areas:
                areas_to_set.append((indicator, areas))
            continue
        fields = changed_fields(indicator, row.fields)
        areas_changed = stored.focus_areas.get(indicator.pk, set()) != {a.pk for a in areas}
        if areas_changed and not fields:
            fields = {"version": indicator.version}  # still a new version and history row
        changes.update(indicator, row.number, fields)
        if areas_changed:
            areas_to_set.append((indicator, areas))
    return areas_to_set


def _targets(plan, stored, rows, changes: SheetChanges) -> None:
    for row in rows:
        indicator = stored.indicators[row.key]
        wanted = {"comparator": row.comparator, "value": row.value, "high": row.high}
        current = stored.targets.get((indicator.pk, row.year)) if indicator.pk else None
        if current is None:
            target = Target(
                municipality_id=plan.municipality_id, indicator=indicator, year=row.year, **wanted
            )
            changes.create(target, row.number)
        else:
            changes.update(current, row.number, changed_fields(current, wanted))


def _values(plan, stored, rows, changes: SheetChanges, user, now) -> list[ObservationRevision]:
    """Results to insert and update; returns the revisions that keep the replaced values."""
    revisions = []
    for row in rows:
        indicator = stored.indicators[row.key]
        wanted = {
            "value": row.value,
            "provisional": row.provisional,
            "source_note": row.source_note,
            "vintage": row.vintage,
        }
        current = stored.observations.get((indicator.pk, row.year)) if indicator.pk else None
        if current is None:
            observation = Observation(
                municipality_id=plan.municipality_id,
                indicator=indicator,
                year=row.year,
                recorded_at=now,
                recorded_by=user,
                **wanted,
            )
            changes.create(observation, row.number, clean=False)
            continue
        fields = changed_fields(current, wanted)
        if fields and ("value" in fields or "provisional" in fields):
            revisions.append(
                ObservationRevision(
                    municipality_id=current.municipality_id,
                    observation=current,
                    value=current.value,
                    provisional=current.provisional,
                    source_note=current.source_note,
                    vintage=current.vintage,
                    recorded_at=current.recorded_at,
                    recorded_by_id=current.recorded_by_id,
                    replaced_at=now,
                )
            )
        if fields:
            fields |= {"recorded_at": now, "recorded_by": user}
        changes.update(current, row.number, fields, clean=False)
    return revisions


def rows_saved(
    *,
    plan: Plan,
    stored: Stored,
    focus_areas: dict[int, FocusArea],
    definitions: list[DefinitionRow],
    targets: list[TargetRow],
    values: list[ValueRow],
    user=None,
) -> ImportSummary:
    """Write the checked rows, or raise ImportRejected (before writing) for a row that breaks a
    field rule of the model."""
    summary = ImportSummary.of(*excel.SHEETS)
    errors: list[CellProblem] = []
    now = timezone.now()
    user = user if getattr(user, "is_authenticated", False) else None
    indicators = SheetChanges(excel.INDICATORS, summary, errors)
    areas = _definitions(plan, stored, focus_areas, definitions, indicators)
    if errors:  # later sheets refer to these indicators
        raise ImportRejected(errors)
    ambitions = SheetChanges(excel.TARGETS, summary, errors)
    _targets(plan, stored, targets, ambitions)
    results = SheetChanges(excel.VALUES, summary, errors)
    revisions = _values(plan, stored, values, results, user, now)
    if errors:
        raise ImportRejected(errors)
    indicators.save(pks=Indicator.objects.filter(plan=plan), user=user)
    links_replaced(Indicator.focus_areas, areas)
    targets_of_plan = Target.objects.filter(indicator__plan=plan)
    ambitions.save(pks=targets_of_plan, key=("indicator_id", "year"), user=user)
    records_inserted(results.created)
    records_updated(results.updated, results.fields)
    records_inserted(revisions)
    return summary
