"""Versioned rows: two editors never silently overwrite each other.

Every update compares the version the editor started from with the stored one inside a
locked transaction, so the second of two simultaneous saves is refused, never applied.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models, transaction

from .uniqueness import duplicates_refused

EDIT_CONFLICT_MESSAGE = (
    "Noen andre har endret dette mens du redigerte. Endringen din er ikke lagret: "
    "se den nye versjonen og gjør endringen på nytt."
)
DELETED_MEANWHILE_MESSAGE = "Dette er slettet av noen andre mens du redigerte."


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class EditConflict(Exception):
    """The row changed (or vanished) after the editor opened it. `current` is the row as the
    other person saved it, when there is one, so the editor can see what they did."""

    def __init__(self, message: str, *, current: models.Model | None = None) -> None:
        super().__init__(message)
        self.current = current


V = TypeVar("V", bound=Versioned)


def record_update(*, record: V, changes: dict[str, Any], expected_version: int) -> V:
    """Apply changes to a versioned row if nobody else saved it since expected_version."""
    model = type(record)
    with transaction.atomic():
        current = model._default_manager.select_for_update().filter(pk=record.pk).first()
        if current is None:
            raise EditConflict(DELETED_MEANWHILE_MESSAGE)
        if current.version != expected_version:
            raise EditConflict(EDIT_CONFLICT_MESSAGE, current=current)
        for field, value in changes.items():
            setattr(current, field, value)
        current.version += 1
        with duplicates_refused(current):
            current.full_clean()
            current.save()
    return current
