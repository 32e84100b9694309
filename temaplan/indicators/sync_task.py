"""Background work: an SSB sync started from the web, recording its progress as it goes."""

from __future__ import annotations

import logging

from django.utils import timezone
from django_tasks import task

from temaplan.statistics.models import SyncRun

from .sync import SyncFailed, indicators_sync

logger = logging.getLogger(__name__)

UNEXPECTED = (
    "Hentingen stoppet på grunn av en feil i Temaplan; ingenting er endret. Prøv igjen senere; "
    "hjelper ikke det, si fra til den som drifter Temaplan."
)


@task()
def ssb_sync_task(run_id: int) -> None:
    run = SyncRun.objects.get(pk=run_id)
    SyncRun.objects.filter(pk=run_id).update(state=SyncRun.State.RUNNING, progress=1)

    def progress(fraction: float, message: str) -> None:
        SyncRun.objects.filter(pk=run_id).update(progress=int(fraction * 100), message=message)

    numbers = [n for n in run.municipality_numbers.split(",") if n]
    detail = ""
    try:
        summary = indicators_sync(municipality_numbers=numbers or None, progress=progress)
    except SyncFailed as error:
        state, message, text, detail = SyncRun.State.FAILED, str(error), "", error.detail
    except Exception as error:  # an unexpected fault must still end the run the user is watching
        logger.exception("SSB-henting %s feilet", run_id)
        state, message, text = SyncRun.State.FAILED, UNEXPECTED, ""
        detail = f"{type(error).__name__}: {error}"
    else:
        state, message, text = SyncRun.State.DONE, "Ferdig", summary.report()
    SyncRun.objects.filter(pk=run_id).update(
        state=state,
        message=message[:300],
        detail=detail,
        summary=text,
        finished_at=timezone.now(),
        progress=100 if state == SyncRun.State.DONE else run.progress,
    )
