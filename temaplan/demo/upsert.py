"""Writing demo rows so that loading again changes nothing that is already as it should be."""

from __future__ import annotations

from typing import Any

from django.db import models


def upsert(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]):
    """Create the row, or update only the fields that differ (no save, no history, if none)."""
    values = {field: value for field, value in values.items() if field not in lookup}
    row = model._default_manager.filter(**lookup).first()
    if row is None:
        row = model(**lookup, **values)
        row.full_clean()
        row.save()
        return row
    changed = [field for field, value in values.items() if getattr(row, field) != value]
    if changed:
        for field in changed:
            setattr(row, field, values[field])
        row.full_clean()
        row.save()
    return row


def m2m_set(manager, wanted: list[models.Model]) -> None:
    """Set a many-to-many relation only when it differs, so a second load writes nothing."""
    if set(manager.all()) != set(wanted):
        manager.set(wanted)
