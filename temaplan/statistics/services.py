"""Writes of the statistics app that are not series: the KLASS snapshots behind code history."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from .models import KlassSnapshot


def klass_snapshot_store(
    *, classification: int, kind: str, parameters: str, body, now: datetime | None = None
) -> KlassSnapshot:
    """Keep a KLASS response; the same parameters again replace the older copy."""
    snapshot, _created = KlassSnapshot.objects.update_or_create(
        classification=classification,
        kind=kind,
        parameters=parameters,
        defaults={"body": body, "fetched_at": now or timezone.now()},
    )
    return snapshot
