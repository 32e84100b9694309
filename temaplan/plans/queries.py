"""Reading a whole plan for its page in a fixed number of queries, whatever its size."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from .matrix import FOCUS_AREA, PREMISE, MatrixPoint
from .models import Ambition, FocusArea, Plan, Premise, Strategy


@dataclass
class PlanContents:
    plan: Plan
    ambitions: list[Ambition]
    focus_areas: list[FocusArea]
    premises: list[Premise]

    @property
    def strategy_count(self) -> int:
        return sum(len(area.strategies.all()) for area in self.focus_areas)

    @property
    def has_example_placements(self) -> bool:
        return any(area.placement_is_example for area in self.focus_areas)

    def matrix_points(self) -> list[MatrixPoint]:
        areas = [
            MatrixPoint(
                f"{area.number}. {area.name}",
                area.influence,
                area.importance,
                len(area.strategies.all()),
                FOCUS_AREA,
            )
            for area in self.focus_areas
        ]
        letters = "abcdefghijklmnopqrstuvwxyz"
        premises = [
            MatrixPoint(
                f"{letters[i % 26]}) {premise.name}",
                premise.influence,
                premise.importance,
                0,
                PREMISE,
            )
            for i, premise in enumerate(self.premises)
        ]
        return areas + premises


def plan_contents(plan: Plan) -> PlanContents:
    strategies = Strategy.objects.order_by("position", "id")
    return PlanContents(
        plan=plan,
        ambitions=list(Ambition.objects.filter(plan=plan).order_by("position", "id")),
        focus_areas=list(
            FocusArea.objects.filter(plan=plan)
            .order_by("position", "number")
            .prefetch_related(Prefetch("strategies", queryset=strategies))
        ),
        premises=list(Premise.objects.filter(plan=plan).order_by("position", "id")),
    )
