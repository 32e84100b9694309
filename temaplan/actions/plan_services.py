"""Writes to the parts of the action plan that hang on the plan: action periods, budget
frames and budget allocations. Views call these; updates go through `record_update`, which
refuses the second of two simultaneous saves."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import transaction

from temaplan.core.uniqueness import duplicates_refused
from temaplan.core.versioning import Versioned, record_update
from temaplan.plans.models import Plan

from .models import ActionPeriod, BudgetAllocation, BudgetFrame

PERIOD_NOT_EMPTY_MESSAGE = (
    "Perioden «{name}» har {count} tiltak og kan ikke slettes: tiltakene ville blitt slettet "
    "med den. Bare en periode uten tiltak kan slettes."
)

R = TypeVar("R", bound=Versioned)


class PeriodNotEmpty(Exception):
    """A period with actions is not deleted: the actions would go with it."""


def _create(model: type[R], *, plan: Plan, data: dict[str, Any]) -> R:
    row = model(plan=plan, municipality_id=plan.municipality_id, **data)
    with duplicates_refused(row):
        row.full_clean()
        row.save()
    return row


def _update(row: R, changes: dict[str, Any], expected_version: int) -> R:
    return record_update(record=row, changes=changes, expected_version=expected_version)


def period_create(*, plan: Plan, data: dict[str, Any]) -> ActionPeriod:
    return _create(ActionPeriod, plan=plan, data=data)


def period_update(
    *, period: ActionPeriod, changes: dict[str, Any], expected_version: int
) -> ActionPeriod:
    return _update(period, changes, expected_version)


def period_refusal(period: ActionPeriod) -> str:
    """Why the period cannot be deleted, or "" when it can."""
    count = period.actions.count()
    return PERIOD_NOT_EMPTY_MESSAGE.format(name=period.name, count=count) if count else ""


def period_delete(*, period: ActionPeriod) -> None:
    """Delete an empty period; one with actions is refused (PeriodNotEmpty)."""
    with transaction.atomic():
        locked = ActionPeriod.objects.select_for_update().get(pk=period.pk)
        refusal = period_refusal(locked)
        if refusal:
            raise PeriodNotEmpty(refusal)
        locked.delete()


def frame_create(*, plan: Plan, data: dict[str, Any]) -> BudgetFrame:
    return _create(BudgetFrame, plan=plan, data=data)


def frame_update(
    *, frame: BudgetFrame, changes: dict[str, Any], expected_version: int
) -> BudgetFrame:
    return _update(frame, changes, expected_version)


def frame_delete(*, frame: BudgetFrame) -> None:
    """Delete a frame; the year's allocations stay (and are warned as without a frame)."""
    frame.delete()


def allocation_create(*, plan: Plan, data: dict[str, Any]) -> BudgetAllocation:
    return _create(BudgetAllocation, plan=plan, data=data)


def allocation_update(
    *, allocation: BudgetAllocation, changes: dict[str, Any], expected_version: int
) -> BudgetAllocation:
    return _update(allocation, changes, expected_version)


def allocation_delete(*, allocation: BudgetAllocation) -> None:
    allocation.delete()
