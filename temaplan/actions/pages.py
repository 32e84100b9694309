"""Bridges from the models to the pure computations (roll-up, slippage, budget, charts).

The pure modules take plain dataclasses; these functions build them from rows the views have
already fetched, and add what the templates show next to each row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from temaplan.core.formatting import number_as_stored, percent_as_stored

from .budget import Allocation, Frame, budget_years
from .roadmap_chart import RoadmapBar, RoadmapMilestone
from .rollup import ActionProgress, Rollup, rollup
from .slippage import CaseInfo, PhaseInfo, StudyInfo, flag_label, study_flags

AGREEMENT_WARNING_DAYS = 90


@dataclass
class RollupView:
    """A Rollup with the texts the page shows beside each figure."""

    result: Rollup

    def __getattr__(self, name):
        return getattr(self.result, name)

    @property
    def percent_text(self) -> str:
        return "" if self.result.percent is None else percent_as_stored(self.result.percent)

    @property
    def counted(self) -> list[dict]:
        return [
            {
                "title": item.action.title,
                "progress_text": f"{item.progress} %" + (" (ferdig)" if item.assumed_done else ""),
                "weight_text": number_as_stored(item.weight),
                "share_text": "–" if item.share is None else percent_as_stored(item.share),
            }
            for item in self.result.counted
        ]


def progress_rollup(actions) -> RollupView:
    return RollupView(
        rollup(ActionProgress(a.key, a.title, a.status, a.progress, a.weight) for a in actions)
    )


@dataclass
class Flags:
    study_slipping: bool = False
    reasons: list[str] = field(default_factory=list)
    phases: list = field(default_factory=list)  # StudyPhase rows with .flag_label set
    cases: list = field(default_factory=list)  # PoliticalCase rows with .flag_label set


def study_info(action) -> StudyInfo:
    return StudyInfo(
        key=str(action.pk),
        title=action.title,
        status=action.status,
        phases=[
            PhaseInfo(
                str(p.pk),
                p.name,
                p.planned_start,
                p.planned_end,
                p.actual_start,
                p.actual_end,
                p.status,
            )
            for p in action.phases.all()
        ],
        cases=[
            CaseInfo(
                str(c.pk),
                c.body,
                c.planned_date,
                str(c.after_phase_id) if c.after_phase_id else None,
                c.outcome,
                c.decided_on,
            )
            for c in action.political_cases.all()
        ],
    )


def action_flags(action, *, today: date) -> Flags:
    if action.kind != "study":
        return Flags()
    result = study_flags(study_info(action), today=today)
    phases = list(action.phases.all())
    cases = list(action.political_cases.all())
    for phase in phases:
        phase.flag_label = flag_label(result.phase_flags.get(str(phase.pk), ""))
        phase.note = result.phase_notes.get(str(phase.pk), "")
    for case in cases:
        case.flag_label = flag_label(result.case_flags.get(str(case.pk), ""))
    return Flags(result.study_slipping, result.reasons, phases, cases)


def roadmap_rows(studies, *, today: date) -> list:
    rows: list = []
    for study in studies:
        flags = study_flags(study_info(study), today=today)
        phases = list(study.phases.all())
        if phases:
            rows.append(
                RoadmapBar(
                    study.title,
                    min(p.planned_start for p in phases),
                    max(p.planned_end for p in phases),
                    "study",
                    flag="slipping" if flags.study_slipping else "",
                    status="done" if study.status == "done" else "",
                    row_key=f"s{study.pk}",
                )
            )
        for phase in phases:
            rows.append(
                RoadmapBar(
                    f"{phase.name}",
                    phase.planned_start,
                    phase.planned_end,
                    "phase",
                    flag=flags.phase_flags.get(str(phase.pk), ""),
                    actual_start=phase.actual_start,
                    actual_end=phase.actual_end,
                    status=phase.status,
                    row_key=f"p{phase.pk}",
                    note=flags.phase_notes.get(str(phase.pk), ""),
                )
            )
        for case in study.political_cases.all():
            rows.append(
                RoadmapMilestone(
                    study.title,
                    case.planned_date,
                    "SAK",
                    flag=flags.case_flags.get(str(case.pk), ""),
                    row_key=f"s{study.pk}",
                    body=case.body,
                )
            )
    return rows


def roadmap_window(rows, *, today: date) -> tuple[date, date]:
    """From the first of the month of the earliest date to the latest date or today."""
    dates = [
        d
        for row in rows
        for d in (getattr(row, "start", None) or row.date, getattr(row, "end", None) or row.date)
    ]
    return min(dates, default=today).replace(day=1), max(dates + [today])


def plan_budget(frames, allocations):
    return budget_years(
        [
            Frame(f.year, f.kind, f.amount, f.fte, f.fte_cost, f.decision_reference, id=f.pk)
            for f in frames
        ],
        [
            Allocation(
                a.year,
                a.label or (a.action.title if a.action_id else a.agreement.partner),
                a.amount,
                a.spent,
                "action" if a.action_id else "agreement" if a.agreement_id else "other",
                id=a.pk,
            )
            for a in allocations
        ],
    )


def agreement_warning(agreement, *, today: date) -> str:
    """A warning from 90 days before an agreement ends, so renewal is decided in time."""
    if agreement.end_date < today:
        return f"Avtalen utløp {agreement.end_date:%d.%m.%Y}."
    if agreement.end_date - today <= timedelta(days=AGREEMENT_WARNING_DAYS):
        days = (agreement.end_date - today).days
        return f"Avtalen utløper om {days} dager ({agreement.end_date:%d.%m.%Y}): avklar fornyelse."
    return ""
