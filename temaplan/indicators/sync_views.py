"""Pages for fetching statistics from SSB: start a sync and watch its progress."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from temaplan.accounts import access
from temaplan.core.htmx import HtmxHttpRequest
from temaplan.statistics.models import SeriesValue, SyncRun
from temaplan.statistics.services import ACTIVE, sync_run_start

from .models import Indicator
from .sync_task import ssb_sync_task


@require_GET
def sync_page(request: HtmxHttpRequest, number: str) -> HttpResponse:
    municipality = access.get_municipality_for_user(request, number)
    indicators = Indicator.objects.filter(municipality=municipality).exclude(formula="")
    return render(
        request,
        "indicators/sync_page.html",
        {
            "municipality": municipality,
            "runs": SyncRun.objects.filter(municipality=municipality)[:10],
            "indicators": indicators.select_related("plan"),
            "stored_values": SeriesValue.objects.count(),
            "can_edit": access.can_edit(request, municipality.id),
        },
    )


@require_POST
def sync_start(request: HtmxHttpRequest, number: str) -> HttpResponse:
    municipality = access.get_municipality_for_user(request, number, edit=True)
    run, created = sync_run_start(municipality=municipality, user=request.user)
    if created:
        transaction.on_commit(lambda: ssb_sync_task.enqueue(run.pk))
    return redirect("ssb:sync_run", number=number, run_id=run.pk)


@require_GET
def sync_run(request: HtmxHttpRequest, number: str, run_id: int) -> HttpResponse:
    municipality = access.get_municipality_for_user(request, number)
    run = SyncRun.objects.filter(municipality=municipality, pk=run_id).first()
    if run is None:
        raise Http404("Fant ikke hentingen.")
    template = "indicators/sync_run.html"
    if request.htmx:
        template += "#progress"
    return render(
        request,
        template,
        {"municipality": municipality, "run": run, "active": run.state in ACTIVE},
    )
