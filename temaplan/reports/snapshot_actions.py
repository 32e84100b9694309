"""The report snapshot's action plan, studies, budget, partner agreements and the year's
dialogue meetings, from the live data (snapshot.py builds the rest and the whole).

Separate from snapshot.py only for length: the same conventions hold (exact decimals as
strings, the Norwegian text beside them, ISO dates)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from temaplan.actions.budget import kroner
from temaplan.actions.models import (
    Action,
    ActionPeriod,
)
from temaplan.actions.pages import agreement_warning, plan_budget, study_info
from temaplan.actions.rollup import ActionProgress, rollup
from temaplan.actions.slippage import flag_label, study_flags
from temaplan.core.dates import long_date
from temaplan.core.formatting import percent_as_stored
from temaplan.plans.models import Plan

from .document import (
    ActionEntry,
    ActionPlan,
    BudgetYearEntry,
    CaseEntry,
    FocusAreaProgress,
    MeetingEntry,
    PartnerEntry,
    PhaseEntry,
    StudyEntry,
)
from .snapshot_values import exact, iso

ROLLUP_METHOD = (
    "Samlet framdrift er et vektet snitt av tiltakenes rapporterte framdrift: "
    "Σ(vekt × framdrift) / Σ(vekt). Avlyste tiltak og tiltak uten rapportert framdrift "
    "holdes utenfor; et ferdig tiltak uten rapportert framdrift teller som 100\u00a0%."
)
CLOSED = (Action.Status.DONE, Action.Status.CANCELLED)


# --- The action plan --------------------------------------------------------------------------


def report_period(periods: list[ActionPeriod], *, year: int) -> ActionPeriod | None:
    """The period running at the end of the year; else the newest begun by then; else the
    first (see the module docstring)."""
    end = date(year, 12, 31)
    periods = sorted(periods, key=lambda p: p.first_date)
    running = [p for p in periods if p.first_date <= end <= p.last_date]
    if running:
        return running[-1]
    begun = [p for p in periods if p.first_date <= end]
    if begun:
        return begun[-1]
    return periods[0] if periods else None


def _anchored(action: Action) -> str:
    if not action.anchored_body:
        return ""
    text = action.anchored_body
    if action.anchored_on:
        text += f" {long_date(action.anchored_on)}"
    if action.anchored_case:
        text += f" (sak {action.anchored_case})"
    return text


def _is_late(action: Action, today: date) -> bool:
    if action.status == Action.Status.DELAYED:
        return True
    return bool(action.due_date and action.due_date < today and action.status not in CLOSED)


def _progress(actions: list[Action]) -> Any:
    return rollup(ActionProgress(a.key, a.title, a.status, a.progress, a.weight) for a in actions)


def _action_entry(action: Action) -> ActionEntry:
    area = action.focus_area
    return ActionEntry(
        key=action.key,
        title=action.title,
        kind=action.kind,
        kind_label=str(action.get_kind_display()),
        focus_area=f"{area.number} {area.name}" if area else "",
        status=action.status,
        status_label=str(action.get_status_display()),
        progress=action.progress,
        due_date=iso(action.due_date),
        priority=action.priority,
        anchored=_anchored(action),
    )


def action_plan_section(
    plan: Plan, actions: list[Action], period: ActionPeriod | None, *, today: date
) -> ActionPlan:
    total = _progress(actions)
    areas = []
    for area in plan.focus_areas.order_by("position", "number"):
        mine = [a for a in actions if a.focus_area_id == area.pk]
        result = _progress(mine)
        areas.append(
            FocusAreaProgress(
                number=str(area.number),
                name=area.name,
                actions=len(mine),
                done=sum(1 for a in mine if a.status == Action.Status.DONE),
                late=sum(1 for a in mine if _is_late(a, today)),
                cancelled=sum(1 for a in mine if a.status == Action.Status.CANCELLED),
                percent=exact(result.percent),
                shown=percent_as_stored(result.percent) if result.percent is not None else "–",
            )
        )
    top = sorted((a for a in actions if a.priority is not None), key=lambda a: (a.priority, a.key))
    return ActionPlan(
        period=period.name if period else "",
        percent=exact(total.percent),
        shown=percent_as_stored(total.percent) if total.percent is not None else "–",
        method=f"{ROLLUP_METHOD} {total.explanation}",
        actions=[_action_entry(a) for a in actions],
        focus_areas=areas,
        top_list=[a.key for a in top],
    )


def studies_section(actions: list[Action], *, today: date) -> list[StudyEntry]:
    studies = []
    for study in (a for a in actions if a.kind == Action.Kind.STUDY):
        flags = study_flags(study_info(study), today=today)
        phases = list(study.phases.all())
        names = {p.pk: p.name for p in phases}
        studies.append(
            StudyEntry(
                key=study.key,
                title=study.title,
                flag=" ".join(flags.reasons),
                phases=[
                    PhaseEntry(
                        name=p.name,
                        planned_start=iso(p.planned_start),
                        planned_end=iso(p.planned_end),
                        actual_start=iso(p.actual_start),
                        actual_end=iso(p.actual_end),
                        status=str(p.get_status_display()),
                        note=flags.phase_notes.get(str(p.pk))
                        or flag_label(flags.phase_flags.get(str(p.pk), "")),
                    )
                    for p in phases
                ],
                cases=[
                    CaseEntry(
                        after_phase=names.get(c.after_phase_id, "") if c.after_phase_id else "",
                        body=c.body,
                        planned_date=iso(c.planned_date),
                        decided_on=iso(c.decided_on),
                        case_number=c.case_number,
                        outcome=str(c.get_outcome_display()),
                    )
                    for c in study.political_cases.all()
                ],
            )
        )
    return studies


# --- Budget, partners, meetings ---------------------------------------------------------------


def _kroner(value: Decimal | None) -> str:
    return kroner(value) if value is not None else "–"


def budget_section(plan: Plan) -> list[BudgetYearEntry]:
    frames = list(plan.budget_frames.all())
    allocations = list(plan.budget_allocations.select_related("action", "agreement"))
    entries = []
    for year in plan_budget(frames, allocations):
        decided, proposed = year.decided, year.proposed
        fte = decided.fte if decided else proposed.fte if proposed else None
        entries.append(
            BudgetYearEntry(
                year=year.year,
                decided=exact(decided.amount) if decided else None,
                decided_shown=_kroner(decided.amount if decided else None),
                decision=decided.reference if decided else "",
                proposed=exact(proposed.amount) if proposed else None,
                proposed_shown=_kroner(proposed.amount if proposed else None),
                fte=exact(fte),
                allocated=exact(year.allocated) or "0",
                allocated_shown=kroner(year.allocated),
                spent=exact(year.spent) or "0",
                spent_shown=kroner(year.spent),
                warning=year.warning or "",
            )
        )
    return entries


def partners_section(plan: Plan, *, today: date) -> list[PartnerEntry]:
    return [
        PartnerEntry(
            partner=a.partner,
            purpose=a.purpose,
            start_date=a.start_date.isoformat(),
            end_date=a.end_date.isoformat(),
            yearly_amount=exact(a.yearly_amount) or "0",
            yearly_shown=kroner(a.yearly_amount),
            contact=a.contact,
            expiry_warning=agreement_warning(a, today=today),
        )
        for a in plan.partner_agreements.order_by("end_date", "partner", "id")
    ]


def meetings_section(plan: Plan, *, year: int) -> list[MeetingEntry]:
    return [
        MeetingEntry(
            date=m.date.isoformat(),
            organisation=m.organisation,
            participants=m.participants,
            topics=m.topics,
        )
        for m in plan.dialogue_meetings.filter(date__year=year).order_by("date", "id")
    ]
