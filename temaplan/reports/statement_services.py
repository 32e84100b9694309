"""Saving what a municipality fills in of its accessibility statement (one row per municipality,
made on the first save). Two editors never overwrite each other: the version the editor
started from is compared with the stored one, and an editor who opened the empty form after
someone else saved the first one is told so too."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from temaplan.accounts.models import Municipality
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE, EditConflict

from .models import AccessibilityStatement

IN_THE_FUTURE = "Datoen kan ikke være etter i dag ({today})."
EVALUATION_WITHOUT_DATE = "Oppgi datoen for den manuelle vurderingen."
EVALUATION_WITHOUT_WHO = "Oppgi hvem som gjorde den manuelle vurderingen."
NO_EVALUATION_BUT_DETAILS = (
    "Kryss av for at en manuell vurdering er gjort, eller la dato og «Vurdert av» stå tomme."
)
FIELDS = (
    "contact_unit",
    "contact_email",
    "contact_phone",
    "contact_form_url",
    "deviations",
    "evaluated",
    "evaluated_on",
    "evaluated_by",
    "reviewed_on",
)


def statement_of(municipality: Municipality) -> AccessibilityStatement | None:
    return AccessibilityStatement.objects.filter(municipality=municipality).first()


def statement_problems(fields: Mapping[str, Any], *, today: date) -> dict[str, list[str]]:
    """What is wrong between the fields, by field: dates after today, an evaluation without
    its date or its evaluator, or those given for an evaluation not done."""
    errors: dict[str, list[str]] = {}
    for name in ("evaluated_on", "reviewed_on"):
        day = fields.get(name)
        if isinstance(day, date) and day > today:
            errors.setdefault(name, []).append(IN_THE_FUTURE.format(today=f"{today:%d.%m.%Y}"))
    if fields.get("evaluated"):
        if not fields.get("evaluated_on") and "evaluated_on" not in errors:
            errors["evaluated_on"] = [EVALUATION_WITHOUT_DATE]
        if not fields.get("evaluated_by"):
            errors["evaluated_by"] = [EVALUATION_WITHOUT_WHO]
    elif fields.get("evaluated_on") or fields.get("evaluated_by"):
        errors["evaluated"] = [NO_EVALUATION_BUT_DETAILS]
    return errors


def statement_save(
    *,
    municipality: Municipality,
    changes: Mapping[str, Any],
    expected_version: int,
    today: date | None = None,
) -> AccessibilityStatement:
    """The municipality's statement with `changes`, made on the first save (expected version
    0). Refused (ValidationError, by field) when the fields do not fit together, and
    (EditConflict) when someone else saved since the editor opened it."""
    today = today or timezone.localdate()
    with transaction.atomic():
        current = (
            AccessibilityStatement.objects.select_for_update()
            .filter(municipality=municipality)
            .first()
        )
        if current is None:
            current = AccessibilityStatement(municipality=municipality, version=0)
        if current.version != expected_version:
            raise EditConflict(EDIT_CONFLICT_MESSAGE, current=current)
        for name in FIELDS:
            if name in changes:
                setattr(current, name, changes[name])
        errors = statement_problems({n: getattr(current, n) for n in FIELDS}, today=today)
        if errors:
            raise ValidationError(errors)
        current.version += 1
        current.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                current.save()
        except IntegrityError:
            # Two first saves at the same moment: the other one made the row.
            raise EditConflict(EDIT_CONFLICT_MESSAGE, current=statement_of(municipality)) from None
    return current
