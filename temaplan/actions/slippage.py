"""Slippage flags for studies: which political cases and phases are behind, and what that puts
at risk.

The rules, for a given `today`:

- A political case *slips* when its planned date has passed (today is after it) and it has not
  been decided: its outcome is pending or postponed, or it has no decision date. A postponed case
  counts as not decided ("utsatt" is not a decision on the matter); once the editor moves its
  planned date to the new meeting, it stops slipping until that date too has passed. On the
  planned date itself the case does not slip yet (the meeting is that day).
- A phase is *late* when it is late now: it has not ended and today is after its planned end.
  A phase that has ended is never late, however late it ended: what happened is told in words
  instead (`finished_text`: «ferdig en måned etter planen», «ferdig i tide»). A phase with
  status done but no actual end is taken as ended (we cannot tell when).
- A late phase moves the flag onto what depends on it, as *at risk*: every case after that phase,
  and every phase that starts later (planned start strictly after the late phase's planned
  start; phases starting the same day run in parallel). What is already finished is not at risk:
  decided cases and ended phases keep no flag. A flag of its own (slipping, late) wins over at
  risk.
- The study is flagged when any of its cases slips or any of its phases is late.
- A study that is closed (status done or cancelled, as in the action list) has no flags at all:
  nothing of it is late now. Its ended phases still tell how they ended.

Pure: no Django here. Views build the `…Info` dataclasses from `Action`, `StudyPhase` and
`PoliticalCase` rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SLIPPING, LATE, AT_RISK, NO_FLAG = "slipping", "late", "at_risk", ""
FLAG_LABELS = {SLIPPING: "forsinket", LATE: "forsinket", AT_RISK: "i fare", NO_FLAG: ""}
PENDING, ADOPTED, REJECTED, POSTPONED = "pending", "adopted", "rejected", "postponed"
DECIDED_OUTCOMES = (ADOPTED, REJECTED)
PHASE_DONE = "done"
CLOSED_STUDY = ("done", "cancelled")  # the action's status: finished or given up
ON_TIME = "ferdig i tide"
DAYS_PER_MONTH = 30.4375  # a year of 365.25 days over 12


def flag_label(flag: str) -> str:
    """The Norwegian label shown beside (never instead of) a flag's colour."""
    return FLAG_LABELS[flag]


def day(value: date) -> str:
    """`date(2022, 1, 11)` → `11.01.2022`."""
    return f"{value:%d.%m.%Y}"


@dataclass(frozen=True)
class PhaseInfo:
    key: str
    name: str
    planned_start: date
    planned_end: date
    actual_start: date | None = None
    actual_end: date | None = None
    status: str = "planned"  # planned, in_progress, done


@dataclass(frozen=True)
class CaseInfo:
    key: str
    body: str
    planned_date: date
    after_phase: str | None = None  # the key of the phase the case follows
    outcome: str = PENDING  # pending, adopted, rejected, postponed
    decided_on: date | None = None

    @property
    def is_decided(self) -> bool:
        return self.outcome in DECIDED_OUTCOMES and self.decided_on is not None


@dataclass(frozen=True)
class StudyInfo:
    key: str
    title: str
    phases: list[PhaseInfo] = field(default_factory=list)
    cases: list[CaseInfo] = field(default_factory=list)
    status: str = ""  # the action's status; done or cancelled closes the study


@dataclass(frozen=True)
class StudyFlags:
    study_slipping: bool
    reasons: list[str]  # Norwegian sentences, dates as 11.01.2022; own flags first, then risks
    case_flags: dict[str, str]  # case key → "slipping", "at_risk" or ""
    phase_flags: dict[str, str]  # phase key → "late", "at_risk" or ""
    phase_notes: dict[str, str] = field(default_factory=dict)  # phase key → how it ended

    @property
    def study_flag(self) -> str:
        """The study's own flag for the roadmap: "slipping" or ""."""
        return SLIPPING if self.study_slipping else NO_FLAG


def case_slips(case: CaseInfo, today: date) -> bool:
    return today > case.planned_date and not case.is_decided


def phase_ended(phase: PhaseInfo) -> bool:
    return phase.actual_end is not None or phase.status == PHASE_DONE


def phase_is_late(phase: PhaseInfo, today: date) -> bool:
    """Late now: not ended, and its planned end has passed."""
    return not phase_ended(phase) and today > phase.planned_end


def _count(number: int, one: str, many: str) -> str:
    return one if number == 1 else f"{number} {many}"


def finished_text(planned_end: date, actual_end: date) -> str:
    """What happened to a phase that has ended: «ferdig i tide» on or before its planned end,
    else how much after it, in days under four weeks, then in months (rounded), then years."""
    days = (actual_end - planned_end).days
    if days <= 0:
        return ON_TIME
    if days < 28:
        after = _count(days, "en dag", "dager")
    else:
        months = max(1, round(days / DAYS_PER_MONTH))
        if months < 24:
            after = _count(months, "en måned", "måneder")
        else:
            after = f"{round(months / 12)} år"
    return f"ferdig {after} etter planen"


def phase_note(phase: PhaseInfo) -> str:
    """How an ended phase ended, or "" (not ended, or done without an actual end)."""
    if phase.actual_end is None:
        return ""
    return finished_text(phase.planned_end, phase.actual_end)


def _case_reason(case: CaseInfo) -> str:
    if case.outcome == POSTPONED:
        when = f" {day(case.decided_on)}" if case.decided_on else ""
        return f"Saken til {case.body} planlagt {day(case.planned_date)} ble utsatt{when}."
    return f"Saken til {case.body} var planlagt {day(case.planned_date)} og er ikke behandlet."


def _phase_reason(phase: PhaseInfo) -> str:
    return f"{phase.name} skulle vært ferdig {day(phase.planned_end)} og er ikke ferdig."


def study_flags(study: StudyInfo, *, today: date) -> StudyFlags:
    """Flags for the study's cases and phases, and the reasons, in date order."""
    phases = sorted(study.phases, key=lambda p: (p.planned_start, p.planned_end))
    cases = sorted(study.cases, key=lambda c: c.planned_date)
    notes = {p.key: note for p in phases if (note := phase_note(p))}
    if study.status in CLOSED_STUDY:
        return StudyFlags(
            study_slipping=False,
            reasons=[],
            case_flags={c.key: NO_FLAG for c in cases},
            phase_flags={p.key: NO_FLAG for p in phases},
            phase_notes=notes,
        )
    phase_flags = {p.key: LATE if phase_is_late(p, today) else NO_FLAG for p in phases}
    case_flags = {c.key: SLIPPING if case_slips(c, today) else NO_FLAG for c in cases}

    reasons = []
    for case in cases:
        if case_flags[case.key] == SLIPPING:
            reasons.append(_case_reason(case))
    for phase in phases:
        if phase_flags[phase.key] == LATE:
            reasons.append(_phase_reason(phase))

    risks = []
    for late in (p for p in phases if phase_flags[p.key] == LATE):
        for case in cases:
            if case.after_phase == late.key and not case.is_decided and not case_flags[case.key]:
                case_flags[case.key] = AT_RISK
                risks.append(
                    f"Saken til {case.body} {day(case.planned_date)} er i fare fordi "
                    f"{late.name} er forsinket."
                )
        for later in phases:
            if (
                later.planned_start > late.planned_start
                and not phase_ended(later)
                and not phase_flags[later.key]
            ):
                phase_flags[later.key] = AT_RISK
                risks.append(
                    f"{later.name} (planlagt start {day(later.planned_start)}) er i fare "
                    f"fordi {late.name} er forsinket."
                )

    slipping = any(f == SLIPPING for f in case_flags.values()) or any(
        f == LATE for f in phase_flags.values()
    )
    return StudyFlags(
        study_slipping=slipping,
        reasons=reasons + risks,
        case_flags=case_flags,
        phase_flags=phase_flags,
        phase_notes=notes,
    )
