"""Reading indicators with everything the table and the pages need in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from temaplan.plans.models import Plan

from .models import Indicator, Observation, ObservationRevision, Target, YearComment


def indicators_with_data(queryset: QuerySet[Indicator]) -> QuerySet[Indicator]:
    return queryset.order_by("position", "id").prefetch_related(
        Prefetch("targets", queryset=Target.objects.order_by("year")),
        Prefetch(
            "observations",
            queryset=Observation.objects.order_by("year").prefetch_related(
                Prefetch("revisions", queryset=ObservationRevision.objects.order_by("-replaced_at"))
            ),
        ),
        Prefetch("comments", queryset=YearComment.objects.order_by("year")),
        "focus_areas",
    )


def plan_indicators(plan: Plan) -> list[Indicator]:
    return list(indicators_with_data(Indicator.objects.filter(plan=plan)))
