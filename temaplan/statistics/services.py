"""Writes of the statistics app that are not series: the KLASS snapshots behind code history,
and the sync runs started from the web."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from .models import KlassSnapshot, SyncRun

ACTIVE = (SyncRun.State.QUEUED, SyncRun.State.RUNNING)
# A sync takes seconds to minutes. One still queued or running after this long was lost (the
# web process that ran it was restarted, or no worker is running) and must not block new ones.
ABANDONED_AFTER = timedelta(minutes=30)
ABANDONED_MESSAGE = (
    "Avbrutt: hentingen ble ikke ferdig innen 30 minutter (serveren ble kanskje startet på "
    "nytt, eller ingen bakgrunnsarbeider kjører). Start en ny henting."
)


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


def sync_run_start(*, municipality, user, now: datetime | None = None) -> tuple[SyncRun, bool]:
    """The municipality's sync run to show: the one already under way, or a new one queued.

    Returns (run, created). A run queued or running for longer than ABANDONED_AFTER is marked
    failed with ABANDONED_MESSAGE first, so a lost run never blocks the next. The caller
    enqueues the task for a created run once the transaction commits.
    """
    now = now or timezone.now()
    with transaction.atomic():
        active = SyncRun.objects.select_for_update().filter(
            municipality=municipality, state__in=ACTIVE
        )
        active.filter(created_at__lt=now - ABANDONED_AFTER).update(
            state=SyncRun.State.FAILED, message=ABANDONED_MESSAGE, finished_at=now
        )
        running = active.filter(created_at__gte=now - ABANDONED_AFTER).first()
        if running:
            return running, False
        run = SyncRun.objects.create(
            municipality=municipality,
            municipality_numbers=municipality.number,
            started_by=user,
        )
    return run, True
