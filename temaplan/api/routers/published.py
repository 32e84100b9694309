"""Kommune-NM editions and the published report snapshots (never a draft)."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router
from ninja.pagination import paginate

from temaplan.api.paging import Paging
from temaplan.benchmark.models import Edition
from temaplan.reports.models import Report

from ..auth import municipality_id_of
from ..schemas import EditionOut, Id, SnapshotDetailOut, SnapshotOut, Year
from .common import answers

router = Router(tags=["Kommune-NM og rapporter"])


@router.get("/kommune-nm/editions", response=answers(list[EditionOut]))
@paginate(Paging)
def edition_list(request: HttpRequest, year: Year | None = None):
    editions = Edition.objects.filter(municipality_id=municipality_id_of(request))
    if year is not None:
        editions = editions.filter(year=year)
    return editions.order_by("-year", "id")


def _snapshots(request: HttpRequest):
    return Report.objects.filter(
        municipality_id=municipality_id_of(request), state=Report.State.PUBLISHED
    )


@router.get("/snapshots", response=answers(list[SnapshotOut]))
@paginate(Paging)
def snapshot_list(request: HttpRequest, plan: Id | None = None, year: Year | None = None):
    """The published result reports (snapshots); drafts and frozen drafts are not here."""
    reports = _snapshots(request).defer("document")
    if plan is not None:
        reports = reports.filter(plan_id=plan)
    if year is not None:
        reports = reports.filter(year=year)
    return reports.order_by("plan_id", "-year", "-number", "id")


@router.get("/snapshots/{snapshot_id}", response=answers(SnapshotDetailOut))
def snapshot_detail(request: HttpRequest, snapshot_id: Id):
    """One published snapshot with its frozen document."""
    return get_object_or_404(_snapshots(request), pk=snapshot_id)
