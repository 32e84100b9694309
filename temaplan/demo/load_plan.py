"""Loading a plan record (`records.PlanRow`): the plan, its ambitions, focus areas with their
strategies, and premises. Everything the presentation does not give is marked as an example."""

from __future__ import annotations

from temaplan.accounts.models import Municipality
from temaplan.plans.models import Ambition, FocusArea, Plan, Premise, Strategy

from .records import MunicipalityRow, PlanRow
from .upsert import upsert


def municipality_load(row: MunicipalityRow) -> Municipality:
    return upsert(
        Municipality,
        {"number": row.number},
        {"name": row.name, "county_number": row.county_number, "county_name": row.county_name},
    )


def plan_load(municipality: Municipality, row: PlanRow) -> Plan:
    plan = upsert(
        Plan,
        {"municipality": municipality, "name": row.name},
        {
            "first_year": row.first_year,
            "last_year": row.last_year,
            "status": row.status,
            "adopted_on": row.adopted_on,
            "decision_reference": row.decision_reference,
            "document_url": row.document_url,
        },
    )
    owned = {"plan": plan, "municipality": municipality}
    for position, text in enumerate(row.ambitions):
        upsert(Ambition, {**owned, "position": position}, {"text": text})
    for position, area_row in enumerate(row.focus_areas):
        area = upsert(
            FocusArea,
            {**owned, "number": area_row.number},
            {
                "name": area_row.name,
                "description": area_row.description,
                "influence": area_row.influence,
                "importance": area_row.importance,
                "placement_is_example": True,
                "position": position,
            },
        )
        for index, text in enumerate(area_row.strategies):
            upsert(
                Strategy,
                {**owned, "code": f"{area_row.number}.{index + 1}"},
                {"focus_area": area, "text": text, "is_example": True, "position": index},
            )
    for position, premise in enumerate(row.premises):
        upsert(
            Premise,
            {**owned, "position": position},
            {
                "name": premise.name,
                "description": premise.description,
                "influence": premise.influence,
                "importance": premise.importance,
            },
        )
    return plan
