"""Writes to the action plan. Views, the Excel import and the demo call these."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from temaplan.core.uniqueness import duplicates_refused
from temaplan.core.versioning import EDIT_CONFLICT_MESSAGE, EditConflict, record_update

from .models import Action, ActionPeriod, ActionStatusChange

__all__ = [
    "EDIT_CONFLICT_MESSAGE",
    "EditConflict",
    "action_create",
    "action_update",
    "action_update_status",
]


def action_create(*, period: ActionPeriod, data: dict[str, Any], user=None) -> Action:
    """A new action; a key someone else took a moment ago is refused with the form's message
    (a ValidationError on `key`) and nothing is saved."""
    strategies = data.pop("strategies", None)
    action = Action(municipality_id=period.municipality_id, period=period, **data)
    with duplicates_refused(action):
        action.full_clean()
        action.save()
        if strategies is not None:
            action.strategies.set(strategies)
        _log_status(action, user=user, comment="Opprettet")
    return action


def action_update(
    *, action: Action, changes: dict[str, Any], expected_version: int, user=None
) -> Action:
    """Change an action unless someone else saved it since expected_version. A changed status
    or progress is written to the action's dated status history."""
    strategies = changes.pop("strategies", None)
    with transaction.atomic():
        before = (action.status, action.progress)
        updated = record_update(record=action, changes=changes, expected_version=expected_version)
        if strategies is not None:
            updated.strategies.set(strategies)
        if (updated.status, updated.progress) != before:
            _log_status(updated, user=user, comment=changes.get("comment", ""))
    return updated


def action_update_status(
    *,
    action: Action,
    status: str,
    progress: int | None,
    comment: str = "",
    expected_version: int,
    user=None,
    now: datetime | None = None,
) -> Action:
    """The in-place status change: status, progress and a dated comment in the history.
    Saving what is already there, with no comment, changes nothing and adds no history line
    (unless someone else saved in between, which is the usual conflict)."""
    unchanged = (status, progress) == (action.status, action.progress) and not comment.strip()
    if unchanged and action.version == expected_version:
        return action
    with transaction.atomic():
        updated = record_update(
            record=action,
            changes={"status": status, "progress": progress},
            expected_version=expected_version,
        )
        _log_status(updated, user=user, comment=comment, now=now)
    return updated


def _log_status(action: Action, *, user=None, comment: str = "", now=None) -> None:
    ActionStatusChange.objects.create(
        municipality_id=action.municipality_id,
        action=action,
        status=action.status,
        progress=action.progress,
        comment=comment,
        changed_at=now or timezone.now(),
        changed_by=user if getattr(user, "is_authenticated", False) else None,
    )
