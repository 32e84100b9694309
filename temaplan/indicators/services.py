"""Writes to indicators, targets and observations. Views, the Excel import and the CLI call these.

Recording an observation that already exists with another value keeps the old value as a
revision, so the page can say «revidert» and show both. Recording the same value again is a
no-op, which makes imports idempotent.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE, EditConflict, record_update
from temaplan.plans.models import Plan
from temaplan.plans.services import part_create

from .models import Indicator, Observation, ObservationRevision, Target, YearComment
from .status import Unit
from .validation import value_problem


def indicator_create(*, plan: Plan, data: dict[str, Any]) -> Indicator:
    focus_areas = data.pop("focus_areas", None)
    with transaction.atomic():
        indicator = part_create(plan=plan, model=Indicator, data=data)
        if focus_areas is not None:
            indicator.focus_areas.set(focus_areas)
    return indicator


def indicator_update(
    *, indicator: Indicator, changes: dict[str, Any], expected_version: int
) -> Indicator:
    focus_areas = changes.pop("focus_areas", None)
    with transaction.atomic():
        updated = record_update(
            record=indicator, changes=changes, expected_version=expected_version
        )
        if focus_areas is not None:
            updated.focus_areas.set(focus_areas)
    return updated


def observation_record(
    *,
    indicator: Indicator,
    year: int,
    value: Decimal,
    provisional: bool = False,
    source_note: str = "",
    vintage: str = "",
    user=None,
    now: datetime | None = None,
) -> tuple[Observation, str]:
    """Store a value for a year. Returns the observation and what happened:
    "created", "revised" (the old value kept as a revision), "updated" (same value, new
    notes) or "unchanged"."""
    now = now or timezone.now()
    if problem := value_problem(Decimal(value), Unit(indicator.unit)):
        raise ValidationError({"value": problem})
    fields = {
        "value": Decimal(value),
        "provisional": provisional,
        "source_note": source_note,
        "vintage": vintage,
    }
    with transaction.atomic():
        current = (
            Observation.objects.select_for_update().filter(indicator=indicator, year=year).first()
        )
        if current is None:
            observation = Observation.objects.create(
                municipality_id=indicator.municipality_id,
                indicator=indicator,
                year=year,
                recorded_at=now,
                recorded_by=user,
                **fields,
            )
            return observation, "created"
        if all(getattr(current, name) == wanted for name, wanted in fields.items()):
            return current, "unchanged"
        revised = current.value != fields["value"] or current.provisional != provisional
        if revised:
            ObservationRevision.objects.create(
                municipality_id=current.municipality_id,
                observation=current,
                value=current.value,
                provisional=current.provisional,
                source_note=current.source_note,
                vintage=current.vintage,
                recorded_at=current.recorded_at,
                recorded_by=current.recorded_by,
                replaced_at=now,
            )
        for name, wanted in fields.items():
            setattr(current, name, wanted)
        current.recorded_at, current.recorded_by = now, user
        current.version += 1
        current.save()
        return current, "revised" if revised else "updated"


def observation_delete(*, indicator: Indicator, year: int) -> bool:
    deleted, _ = Observation.objects.filter(indicator=indicator, year=year).delete()
    return bool(deleted)


def target_set(
    *,
    indicator: Indicator,
    year: int,
    comparator: str,
    value: Decimal | None,
    high: Decimal | None = None,
) -> tuple[Target, str]:
    """Create or change the ambition for a year: "created", "updated" or "unchanged"."""
    wanted = {"comparator": comparator, "value": value, "high": high}
    with transaction.atomic():
        current = Target.objects.select_for_update().filter(indicator=indicator, year=year).first()
        if current is None:
            target = Target(
                municipality_id=indicator.municipality_id, indicator=indicator, year=year, **wanted
            )
            target.full_clean()
            target.save()
            return target, "created"
        if all(getattr(current, name) == wanted_value for name, wanted_value in wanted.items()):
            return current, "unchanged"
        for name, wanted_value in wanted.items():
            setattr(current, name, wanted_value)
        current.version += 1
        current.full_clean()
        current.save()
        return current, "updated"


def target_delete(*, indicator: Indicator, year: int) -> bool:
    deleted, _ = Target.objects.filter(indicator=indicator, year=year).delete()
    return bool(deleted)


def comment_set(*, indicator: Indicator, year: int, text: str) -> YearComment | None:
    """Set or (with empty text) remove the comment on a year."""
    text = text.strip()
    current = YearComment.objects.filter(indicator=indicator, year=year).first()
    if not text:
        if current:
            current.delete()
        return None
    if current is None:
        return YearComment.objects.create(
            municipality_id=indicator.municipality_id, indicator=indicator, year=year, text=text
        )
    if current.text != text:
        current.text = text
        current.version += 1
        current.save()
    return current


def year_token(observation, target, comment) -> str:
    """One token for the versions of a year's result, ambition and comment."""
    return ".".join(str(row.version if row else 0) for row in (observation, target, comment))


def indicator_year_save(
    *, indicator: Indicator, year: int, data: dict[str, Any], expected_token: str, user=None
) -> None:
    """Save the result, ambition and comment of one year together, unless someone else changed
    any of them since the editor opened the year (then nothing is saved)."""
    with transaction.atomic():
        observation = (
            Observation.objects.select_for_update().filter(indicator=indicator, year=year).first()
        )
        target = Target.objects.select_for_update().filter(indicator=indicator, year=year).first()
        comment = YearComment.objects.filter(indicator=indicator, year=year).first()
        if year_token(observation, target, comment) != expected_token:
            raise EditConflict(EDIT_CONFLICT_MESSAGE)
        if data.get("value") is None:
            observation_delete(indicator=indicator, year=year)
        else:
            observation_record(
                indicator=indicator,
                year=year,
                value=data["value"],
                provisional=data.get("provisional", False),
                source_note=data.get("source_note", ""),
                vintage=(f"registrert av {user.get_username()}" if user else "")[:100],
                user=user,
            )
        if data.get("comparator"):
            target_set(
                indicator=indicator,
                year=year,
                comparator=data["comparator"],
                value=data.get("target_value"),
                high=data.get("target_high"),
            )
        else:
            target_delete(indicator=indicator, year=year)
        comment_set(indicator=indicator, year=year, text=data.get("comment", ""))


# Display precision per unit: computed values are rounded as a person would publish them, so
# a recomputation that agrees with a published figure does not show up as a revision.
COMPUTED_DECIMALS = {"rank": 0, "percent": 1, "ratio": 1, "count": 0, "decares": 0, "nok": 0}


def indicator_observations_recompute(
    *, indicator: Indicator, values: list, vintage: str, source_note: str, now=None
) -> list[tuple[int, str, Decimal | None, Decimal]]:
    """Record an SSB-backed indicator's computed yearly values (statistics.formulas values).

    Returns (year, what happened, old value, new value) for every year that changed, so a
    sync can list revisions instead of overwriting silently.
    """
    decimals = COMPUTED_DECIMALS[indicator.unit]
    existing = {o.year: o.value for o in Observation.objects.filter(indicator=indicator)}
    changes = []
    for formula_value in values:
        if formula_value.value is None:
            continue
        value = round(Decimal(str(formula_value.value)), decimals)
        note = source_note + (f" ({', '.join(formula_value.flags)})" if formula_value.flags else "")
        _observation, what = observation_record(
            indicator=indicator,
            year=formula_value.year,
            value=value,
            source_note=note[:300],
            vintage=vintage[:100],
            now=now,
        )
        if what in ("created", "revised"):
            changes.append((formula_value.year, what, existing.get(formula_value.year), value))
    return changes
