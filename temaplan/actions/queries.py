"""Reading actions for the pages, in a fixed number of queries whatever their number."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Prefetch, Q, QuerySet

from temaplan.plans.models import Plan

from .models import Action, ActionStatusChange, PoliticalCase, StudyPhase

CLOSED = (Action.Status.DONE, Action.Status.CANCELLED)


def plan_actions(plan: Plan) -> QuerySet[Action]:
    return (
        Action.objects.filter(period__plan=plan)
        .select_related("period", "focus_area")
        .order_by("period__first_date", F("priority").asc(nulls_last=True), "key")
    )


def filter_actions(queryset: QuerySet[Action], filters: dict, *, today: date) -> QuerySet[Action]:
    """Apply the list filters (cleaned ActionFilterForm data)."""
    if filters.get("periode"):
        queryset = queryset.filter(period=filters["periode"])
    if filters.get("innsatsomrade"):
        queryset = queryset.filter(focus_area=filters["innsatsomrade"])
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("type"):
        queryset = queryset.filter(kind=filters["type"])
    if filters.get("ansvarlig"):
        text = filters["ansvarlig"]
        queryset = queryset.filter(
            Q(responsible_unit__icontains=text) | Q(responsible_person__icontains=text)
        )
    if filters.get("topp"):
        queryset = queryset.filter(priority__isnull=False)
    if filters.get("forfalt"):
        queryset = queryset.filter(due_date__lt=today).exclude(status__in=CLOSED)
    return queryset


def action_with_history(queryset: QuerySet[Action]) -> QuerySet[Action]:
    return queryset.select_related("period__plan__municipality", "focus_area").prefetch_related(
        "strategies",
        Prefetch(
            "status_changes",
            queryset=ActionStatusChange.objects.select_related("changed_by").order_by(
                "-changed_at", "-id"
            ),
        ),
        Prefetch("phases", queryset=StudyPhase.objects.order_by("position", "planned_start")),
        Prefetch("political_cases", queryset=PoliticalCase.objects.order_by("planned_date")),
        "partner_agreements",
    )
