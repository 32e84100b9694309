"""Loading Asker's action list (`asker_actions`): the period, its actions, the studies' phases
and political cases, partner agreements, budget frames and allocations, dialogue meetings.

Rows refer to each other by the keys of the data (action key, phase position, partner name);
the loader resolves them in this order, so each kind is loaded after what it refers to.
"""

from __future__ import annotations

from temaplan.actions.models import (
    Action,
    ActionPeriod,
    BudgetAllocation,
    BudgetFrame,
    DialogueMeeting,
    PartnerAgreement,
    PoliticalCase,
    StudyPhase,
)
from temaplan.plans.models import Plan

from . import asker_actions as data
from .records import ActionRow
from .upsert import m2m_set, upsert

CASE_BODY = "Kommunestyret"


def _anchoring(row: ActionRow) -> dict:
    """The prioritised actions are anchored politically; the others are not."""
    if row.priority is None:
        return {"anchored_body": "", "anchored_on": None, "anchored_case": ""}
    anchored = data.ANCHORED
    return {
        "anchored_body": anchored.body,
        "anchored_on": anchored.on,
        "anchored_case": anchored.case,
    }


def _actions_load(plan: Plan, period: ActionPeriod) -> dict[str, Action]:
    areas = {area.number: area for area in plan.focus_areas.all()}
    strategies = {strategy.code: strategy for strategy in plan.strategies.all()}
    actions: dict[str, Action] = {}
    for row in data.ACTIONS:
        action = upsert(
            Action,
            {"period": period, "municipality": plan.municipality, "key": row.key},
            {
                "title": row.title,
                "kind": row.kind,
                "responsible_unit": row.responsible_unit,
                "responsible_person": row.responsible_person,
                "partners": row.partners,
                "start_date": row.start_date,
                "due_date": row.due_date,
                "status": row.status,
                "progress": row.progress,
                "weight": row.weight,
                "description": row.description,
                "focus_area": areas[row.focus_area],
                "priority": row.priority,
                **_anchoring(row),
                "is_example": True,
            },
        )
        m2m_set(action.strategies, [strategies[code] for code in row.strategies])
        actions[row.key] = action
    return actions


def _studies_load(plan: Plan, actions: dict[str, Action]) -> None:
    """The phases of each study, then the political cases after them."""
    municipality = plan.municipality
    phases: dict[tuple[str, int], StudyPhase] = {}
    for key, rows in data.STUDY_PHASES.items():
        for position, row in enumerate(rows):
            phases[key, position] = upsert(
                StudyPhase,
                {"study": actions[key], "municipality": municipality, "position": position},
                {
                    "name": row.name,
                    "planned_start": row.planned_start,
                    "planned_end": row.planned_end,
                    "actual_start": row.actual_start,
                    "actual_end": row.actual_end,
                    "status": row.status,
                    "deliverable": row.deliverable,
                },
            )
    for case in data.POLITICAL_CASES:
        upsert(
            PoliticalCase,
            {
                "study": actions[case.study],
                "municipality": municipality,
                "after_phase": phases[case.study, case.after_phase],
            },
            {
                "body": CASE_BODY,
                "planned_date": case.planned_date,
                "case_number": "",
                "outcome": case.outcome,
                "decided_on": case.decided_on,
                "decision_text": case.decision_text,
            },
        )


def _agreements_load(plan: Plan, actions: dict[str, Action]) -> dict[str, PartnerAgreement]:
    owned = {"plan": plan, "municipality": plan.municipality}
    agreements: dict[str, PartnerAgreement] = {}
    for row in data.PARTNER_AGREEMENTS:
        agreement = upsert(
            PartnerAgreement,
            {**owned, "partner": row.partner},
            {
                "purpose": row.purpose,
                "start_date": row.start_date,
                "end_date": row.end_date,
                "yearly_amount": row.yearly_amount,
                "co_funding": row.co_funding,
                "deliverables": row.deliverables,
                "is_example": True,
            },
        )
        m2m_set(agreement.actions, [actions[key] for key in row.actions])
        agreements[row.partner] = agreement
    return agreements


def _budget_load(
    plan: Plan, actions: dict[str, Action], agreements: dict[str, PartnerAgreement]
) -> None:
    owned = {"plan": plan, "municipality": plan.municipality}
    for frame in data.BUDGET_FRAMES:
        upsert(
            BudgetFrame,
            {**owned, "year": frame.year, "kind": frame.kind},
            {
                "amount": frame.amount,
                "fte": frame.fte,
                "fte_cost": frame.fte_cost,
                "decision_reference": frame.decision_reference,
            },
        )
    for row in data.BUDGET_ALLOCATIONS:
        upsert(
            BudgetAllocation,
            {
                **owned,
                "year": row.year,
                "action": actions[row.action] if row.action else None,
                "agreement": agreements[row.agreement] if row.agreement else None,
                "label": row.label,
            },
            {"amount": row.amount, "spent": row.spent},
        )


def _meetings_load(plan: Plan, actions: dict[str, Action]) -> None:
    owned = {"plan": plan, "municipality": plan.municipality}
    areas = {area.number: area for area in plan.focus_areas.all()}
    for row in data.DIALOGUE_MEETINGS:
        meeting = upsert(
            DialogueMeeting,
            {**owned, "date": row.date, "organisation": row.organisation},
            {"participants": row.participants, "topics": row.topics},
        )
        m2m_set(meeting.focus_areas, [areas[number] for number in row.focus_areas])
        m2m_set(meeting.follow_up_actions, [actions[key] for key in row.actions])


def asker_actions_load(plan: Plan) -> None:
    """Asker's action list 2022/23 with studies, cases, agreements, budget and meetings."""
    period = upsert(
        ActionPeriod,
        {"plan": plan, "municipality": plan.municipality, "name": data.PERIOD.name},
        {"first_date": data.PERIOD.first_date, "last_date": data.PERIOD.last_date},
    )
    actions = _actions_load(plan, period)
    _studies_load(plan, actions)
    agreements = _agreements_load(plan, actions)
    _budget_load(plan, actions, agreements)
    _meetings_load(plan, actions)
