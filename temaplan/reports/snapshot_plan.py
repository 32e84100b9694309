"""The report document's plan section from the live plan: the political ambitions, the focus
areas as the influence matrix places them (influence, importance, how many strategies) and the
premises outside the plan, in the plan's order, read as the plan page reads them
(plans.queries.plan_contents: a fixed number of queries, whatever the plan's size)."""

from __future__ import annotations

from temaplan.plans.models import Plan
from temaplan.plans.queries import plan_contents

from .document import PlanFocusArea, PlanPremise, PlanSection

# The matrix's scale, 1 (lav) to 5 (høy), in words beside the number.
SCALE_WORDS = {1: "lav", 2: "nokså lav", 3: "middels", 4: "nokså høy", 5: "høy"}
PREMISE_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def scale_label(value: int) -> str:
    """«4 (nokså høy)»; the number alone outside the scale."""
    word = SCALE_WORDS.get(value)
    return f"{value} ({word})" if word else str(value)


def plan_section(plan: Plan) -> PlanSection:
    """The ambitions, the focus areas and the premises, in a fixed number of queries."""
    contents = plan_contents(plan)
    return PlanSection(
        ambitions=[ambition.text for ambition in contents.ambitions],
        focus_areas=[
            PlanFocusArea(
                number=str(area.number),
                name=area.name,
                influence=area.influence,
                influence_label=scale_label(area.influence),
                importance=area.importance,
                importance_label=scale_label(area.importance),
                strategies=len(area.strategies.all()),
                placement_is_example=area.placement_is_example,
            )
            for area in contents.focus_areas
        ],
        premises=[
            PlanPremise(
                letter=PREMISE_LETTERS[index % len(PREMISE_LETTERS)],
                name=premise.name,
                influence=premise.influence,
                influence_label=scale_label(premise.influence),
                importance=premise.importance,
                importance_label=scale_label(premise.importance),
            )
            for index, premise in enumerate(contents.premises)
        ],
    )
