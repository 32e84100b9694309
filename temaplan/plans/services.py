"""Writes to a plan and its parts. Views call these; no business rule lives in a view.

Updates go through `temaplan.core.versioning.record_update`, which refuses the second of two
simultaneous saves.
"""

from __future__ import annotations

from typing import Any, Literal, TypeVar

from django.db import models, transaction
from django.db.models import Max

from temaplan.accounts.models import Municipality
from temaplan.core.uniqueness import duplicates_refused

from .models import Plan, PlanPart, Strategy


def plan_create(*, municipality: Municipality, data: dict[str, Any]) -> Plan:
    plan = Plan(municipality=municipality, **data)
    with duplicates_refused(plan):
        plan.full_clean()
        plan.save()
    return plan


def plan_delete(*, plan: Plan) -> None:
    """Delete a plan with all its parts; the change history keeps what it held."""
    plan.delete()


def siblings_of(part: PlanPart) -> models.QuerySet:
    """The rows a part is ordered among: strategies within their focus area, others per plan."""
    # Every concrete part has a plan (PlanPart, being abstract, does not declare it).
    key = "focus_area_id" if isinstance(part, Strategy) else "plan_id"
    return type(part)._default_manager.filter(**{key: getattr(part, key)})


P = TypeVar("P", bound=PlanPart)


def part_create(*, plan: Plan, model: type[P], data: dict[str, Any]) -> P:
    """A new part, placed last; a number or key someone else took a moment ago is refused with
    the form's message (a ValidationError on that field) and nothing is saved."""
    part = model(plan=plan, municipality_id=plan.municipality_id, **data)
    with duplicates_refused(part):
        last = siblings_of(part).aggregate(last=Max("position"))["last"]
        part.position = 0 if last is None else last + 1
        part.full_clean()
        part.save()
    return part


def part_delete(*, part: PlanPart) -> None:
    part.delete()


def part_move(*, part: PlanPart, direction: Literal["up", "down"]) -> None:
    """Swap a part with its neighbour. Positions are renumbered 0..n-1 on the way."""
    with transaction.atomic():
        ordered = list(siblings_of(part).select_for_update().order_by("position", "id"))
        index = next(i for i, row in enumerate(ordered) if row.pk == part.pk)
        target = index - 1 if direction == "up" else index + 1
        if 0 <= target < len(ordered):
            ordered[index], ordered[target] = ordered[target], ordered[index]
        for position, row in enumerate(ordered):
            if row.position != position:
                row.position = position
                row.save(update_fields=["position"])
