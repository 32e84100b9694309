"""Saving the checked rows of the action plan's workbook (plan_importing.py) in the caller's
transaction, the way the other imports do (temaplan.core.bulk): every row is compared with what
is stored; an equal row writes nothing; a changed row gets a new version, so an editor who
opened it before the import is told it changed, and a history row where the model keeps one
(budget frames, partner agreements). New rows are created with the plan's municipality. The
models' field rules are checked on every row to be written before anything is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import models

from temaplan.core.bulk import SheetChanges, changed_fields, links_of, links_replaced
from temaplan.core.workbook import CellProblem, ImportRejected, ImportSummary
from temaplan.plans.models import Plan

from . import plan_excel as excel
from .models import Action, ActionPeriod, BudgetAllocation, BudgetFrame, PartnerAgreement

AllocationKey = tuple[int, int | None, int | None, str]  # year, action, agreement, label


@dataclass
class CheckedRow:
    """One checked row: its number, its natural key (see plan_excel.py) and the other fields."""

    number: int
    key: tuple
    fields: dict[str, Any]
    actions: list[Action] = field(default_factory=list)  # an agreement's actions


@dataclass
class Stored:
    """What the plan holds, read (and locked) once for the whole file, by natural key."""

    periods: dict[str, ActionPeriod]
    frames: dict[tuple[int, str], BudgetFrame]
    agreements: dict[tuple[str, date], PartnerAgreement]
    links: dict[int, set[int]]  # agreement pk → action pks
    allocations: dict[AllocationKey, BudgetAllocation]

    @classmethod
    def of(cls, plan: Plan) -> Stored:
        def by_key(model: type[models.Model], key: Callable[[Any], Any]) -> dict:
            rows = model._default_manager.select_for_update().filter(plan=plan).order_by("pk")
            found: dict = {}
            for row in rows:
                found.setdefault(key(row), row)
            return found

        agreements = by_key(PartnerAgreement, lambda a: (a.partner, a.start_date))
        return cls(
            periods=by_key(ActionPeriod, lambda p: p.name),
            frames=by_key(BudgetFrame, lambda f: (f.year, f.kind)),
            agreements=agreements,
            links=links_of(PartnerAgreement.actions, [a.pk for a in agreements.values()]),
            allocations=by_key(
                BudgetAllocation, lambda a: (a.year, a.action_id, a.agreement_id, a.label)
            ),
        )


def _upserted(
    changes: SheetChanges,
    current: Any,
    row: CheckedRow,
    new: tuple[type[models.Model], dict[str, Any]],
    *,
    links_changed: bool = False,
) -> Any:
    """The stored record updated with the row's fields, or else a new record of the model with
    the given key fields; a change of links alone still gives a new version (and history)."""
    if current is None:
        model, keys = new
        record = model(**keys, **row.fields)
        changes.create(record, row.number)
        return record
    fields = changed_fields(current, row.fields)
    if links_changed and not fields:
        fields = {"version": current.version}
    changes.update(current, row.number, fields)
    return current


def rows_saved(
    *, plan: Plan, stored: Stored, checked: dict[str, list[CheckedRow]], user=None
) -> ImportSummary:
    """Write the checked rows, or raise ImportRejected (before writing) for a row that breaks a
    field rule of the model."""
    summary = ImportSummary.of(*excel.SHEETS)
    errors: list[CellProblem] = []
    owned: dict[str, Any] = {"plan": plan, "municipality_id": plan.municipality_id}
    periods = SheetChanges(excel.PERIODS, summary, errors)
    for row in checked[excel.PERIODS]:
        (name,) = row.key
        _upserted(periods, stored.periods.get(name), row, (ActionPeriod, {**owned, "name": name}))
    frames = SheetChanges(excel.BUDGET, summary, errors)
    for row in checked[excel.BUDGET]:
        year, kind = row.key
        keys = {"year": year, "kind": kind}
        _upserted(frames, stored.frames.get(row.key), row, (BudgetFrame, {**owned, **keys}))
    agreements = SheetChanges(excel.AGREEMENTS, summary, errors)
    links: list[tuple[PartnerAgreement, list[Action]]] = []
    saved: dict[tuple[str, date], PartnerAgreement] = {}
    for row in checked[excel.AGREEMENTS]:
        partner, start = row.key
        current = stored.agreements.get(row.key)
        linked = {action.pk for action in row.actions}
        changed = linked != (stored.links.get(current.pk, set()) if current else set())
        keys = {"partner": partner, "start_date": start}
        saved[row.key] = _upserted(
            agreements, current, row, (PartnerAgreement, {**owned, **keys}), links_changed=changed
        )
        if changed:
            links.append((saved[row.key], row.actions))
    allocations = SheetChanges(excel.ALLOCATIONS, summary, errors)
    for row in checked[excel.ALLOCATIONS]:
        year, action, agreement_key, label = row.key
        agreement = None
        if agreement_key:
            agreement = saved.get(agreement_key) or stored.agreements[agreement_key]
        stored_allocation = None
        if agreement is None or agreement.pk is not None:  # a new agreement has no allocations
            lookup = (
                year,
                action.pk if action else None,
                agreement.pk if agreement else None,
                label,
            )
            stored_allocation = stored.allocations.get(lookup)
        keys = {"year": year, "action": action, "agreement": agreement, "label": label}
        _upserted(allocations, stored_allocation, row, (BudgetAllocation, {**owned, **keys}))
    if errors:
        raise ImportRejected(errors)
    periods.save(pks=ActionPeriod.objects.filter(plan=plan), key=("name",), user=user)
    frames.save(pks=BudgetFrame.objects.filter(plan=plan), key=("year", "kind"), user=user)
    of_plan = PartnerAgreement.objects.filter(plan=plan)
    agreements.save(pks=of_plan, key=("partner", "start_date"), user=user)
    links_replaced(PartnerAgreement.actions, links)
    allocations.save(
        pks=BudgetAllocation.objects.filter(plan=plan),
        key=("year", "action_id", "agreement_id", "label"),
        user=user,
    )
    return summary
