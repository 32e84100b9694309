"""Writes to a study's phases and political cases. Views call these; updates go through
`record_update`, which refuses the second of two simultaneous saves. Only an action whose kind
is a study has phases and cases."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from temaplan.core.versioning import record_update

from .models import Action, PoliticalCase, StudyPhase

NOT_A_STUDY_MESSAGE = (
    "«{title}» er ikke en utredning, så det har ingen faser eller politiske saker. Endre typen "
    "til utredning først."
)


class NotAStudy(Exception):
    """Phases and political cases belong to studies only."""


def _require_study(action: Action) -> None:
    if action.kind != Action.Kind.STUDY:
        raise NotAStudy(NOT_A_STUDY_MESSAGE.format(title=action.title))


def _create(model, *, study: Action, data: dict[str, Any]):
    row = model(study=study, municipality_id=study.municipality_id, **data)
    row.full_clean()
    row.save()
    return row


def phase_create(*, study: Action, data: dict[str, Any]) -> StudyPhase:
    """A new phase, placed after the study's other phases."""
    _require_study(study)
    with transaction.atomic():
        last = StudyPhase.objects.filter(study=study).aggregate(last=Max("position"))["last"]
        return _create(StudyPhase, study=study, data={**data, "position": (last or 0) + 1})


def phase_update(
    *, phase: StudyPhase, changes: dict[str, Any], expected_version: int
) -> StudyPhase:
    return record_update(record=phase, changes=changes, expected_version=expected_version)


def phase_delete(*, phase: StudyPhase) -> None:
    """Delete a phase; cases that followed it stay, without a phase."""
    phase.delete()


def case_create(*, study: Action, data: dict[str, Any]) -> PoliticalCase:
    _require_study(study)
    return _create(PoliticalCase, study=study, data=data)


def case_update(
    *, case: PoliticalCase, changes: dict[str, Any], expected_version: int
) -> PoliticalCase:
    return record_update(record=case, changes=changes, expected_version=expected_version)


def case_delete(*, case: PoliticalCase) -> None:
    case.delete()
