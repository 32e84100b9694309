"""The report document (document.py) built from the live data: every section, every figure
formatted the Norwegian way beside its exact value. The renderers and the frozen page read
only what this gives; nothing downstream reads live data again.

What each section holds, and the choices made where the live data leaves a choice:

- indicators: every indicator of the plan, as the indicator table shows it (indicators.table),
  for the report's year: result, ambition (as the plan states it, else what the status is
  measured against: the long-term goal), status with its reason, provisional, revised from,
  comment. `series` has every year of the plan's indicator table (every year with a result or
  an ambition, the report's year included), so the chart is the table's.
- kommune_nm: the newest stored edition whose data year is at most the report's year, with the
  municipality's standing, the plan's peers (matched as feed.own_standing matches the
  municipality), the story written for that edition, and Temaplans egen indeks for the year
  (None when the series store has no data for it).
- action_plan: the action period running at the end of the report's year, or, when none runs
  then, the newest period begun by then, or else the first one (Asker's 2020 report shows the
  2022/23 list, as the plan presentation of May 2022 did). «Late» is delayed, or past its due
  date and neither done nor cancelled.
- studies: the period's studies with their phases, political cases and slippage.
- budget: every year of the plan's budget (decided frame, proposal, allocated, spent), as the
  budget page shows it.
- partners: every partner agreement of the plan, with the expiry warning as of `today`.
- meetings: the dialogue meetings held in the report's year.
- evaluation: empty here; the workflow (services.py) puts the evaluation's sentences in.

The number of queries is fixed: it does not grow with the number of indicators or actions.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from django.db.models import F, Prefetch
from django.utils import timezone

from temaplan.actions.budget import kroner
from temaplan.actions.models import (
    Action,
    ActionPeriod,
    PoliticalCase,
    StudyPhase,
)
from temaplan.actions.pages import agreement_warning, plan_budget, study_info
from temaplan.actions.rollup import ActionProgress, rollup
from temaplan.actions.slippage import flag_label, study_flags
from temaplan.benchmark.codes import stored_history
from temaplan.benchmark.feed import own_standing
from temaplan.benchmark.index import UNRANKED
from temaplan.benchmark.index_data import index_compute
from temaplan.benchmark.index_intervals import rank_intervals
from temaplan.benchmark.models import Edition, Peer
from temaplan.benchmark.models import StorySentence as StoryRow
from temaplan.benchmark.standing import Standing as LiveStanding
from temaplan.benchmark.standing import edition_standings
from temaplan.core.dates import long_date
from temaplan.core.formatting import percent_as_stored
from temaplan.indicators.models import Indicator
from temaplan.indicators.queries import plan_indicators
from temaplan.indicators.status import Status, Unit, format_value
from temaplan.indicators.table import Cell, build_table, table_years
from temaplan.plans.models import Plan

from .document import (
    SCHEMA_VERSION,
    ActionEntry,
    ActionPlan,
    BudgetYearEntry,
    CaseEntry,
    Document,
    FocusAreaProgress,
    IndicatorEntry,
    KommuneNm,
    MeetingEntry,
    Meta,
    OwnIndex,
    PartnerEntry,
    PhaseEntry,
    SeriesPoint,
    Standing,
    StudyEntry,
)
from .document import StorySentence as StoryEntry

TITLE = "Resultatrapport {year}"
OWN_INDEX_LABEL = "Temaplans egen indeks"
INDEX_POOLED_YEARS = 5  # as `temaplan benchmark_index`: the year and the four before it
# How the indicator's status reads in the report, beside (never instead of) its colour.
STATUS_LABELS = {
    Status.GREEN: "Nådd",
    Status.AMBER: "Nesten",
    Status.RED: "Ikke nådd",
    Status.NO_DATA: "Ingen data",
    Status.NOT_DUE: "Ikke målt ennå",
}
ROLLUP_METHOD = (
    "Samlet framdrift er et vektet snitt av tiltakenes rapporterte framdrift: "
    "Σ(vekt × framdrift) / Σ(vekt). Avlyste tiltak og tiltak uten rapportert framdrift "
    "holdes utenfor; et ferdig tiltak uten rapportert framdrift teller som 100\u00a0%."
)
CLOSED = (Action.Status.DONE, Action.Status.CANCELLED)


def exact(value: Decimal | int | None) -> str | None:
    """The exact decimal value as a string: 41.7000 → «41.7», −101 → «-101», 9.6e6 → «9600000»."""
    if value is None:
        return None
    text = format(Decimal(value).normalize(), "f")
    return "0" if text in ("-0", "") else text


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


# --- Indicators -------------------------------------------------------------------------------


def _target_text(cell: Cell) -> str:
    return cell.target_text or cell.measured_against


def _indicator_entry(indicator: Indicator, cells: dict[int, Cell], year: int) -> IndicatorEntry:
    unit = Unit(indicator.unit)
    cell, previous = cells[year], cells.get(year - 1)
    observation = next((o for o in indicator.observations.all() if o.year == year), None)
    return IndicatorEntry(
        key=indicator.key,
        name=indicator.name,
        unit=indicator.unit,
        direction=indicator.direction,
        source=str(indicator.get_source_display()),
        computed_as=indicator.formula_description,
        value=exact(cell.value),
        shown=format_value(cell.value, unit),
        target=_target_text(cell),
        status=cell.evaluation.status.value,
        status_label=STATUS_LABELS[cell.evaluation.status],
        reason=cell.evaluation.reason,
        provisional=cell.provisional,
        revised_from=list(cell.revised_from),
        source_note=observation.source_note if observation else "",
        vintage=observation.vintage if observation else "",
        previous_value=exact(previous.value) if previous else None,
        previous_shown=format_value(previous.value if previous else None, unit),
        comment=cell.comment,
        footnote=indicator.footnote,
        series=[
            SeriesPoint(
                year=c.year,
                value=exact(c.value),
                shown=format_value(c.value, unit),
                target=_target_text(c),
                status=c.evaluation.status.value,
            )
            for c in cells.values()
        ],
    )


def indicators_section(
    indicators: list[Indicator], *, year: int, today: date
) -> list[IndicatorEntry]:
    years = sorted(set(table_years(indicators)) | {year})
    table = build_table(indicators, current_year=today.year, years=years)
    return [
        _indicator_entry(row.indicator, {c.year: c for c in row.cells}, year) for row in table.rows
    ]


def indicator_vintages(indicators: list[Indicator]) -> set[str]:
    return {o.vintage for i in indicators for o in i.observations.all() if o.vintage}


# --- Kommune-NM -------------------------------------------------------------------------------


def _standing(standing: LiveStanding) -> Standing:
    return Standing(
        code=standing.code,
        name=standing.name,
        rank=standing.rank,
        previous_rank=standing.previous_rank,
        county=standing.county.text if standing.county else "",
        previous_county=standing.previous_county.text if standing.previous_county else "",
        theme_ranks=dict(standing.theme_ranks),
    )


def own_index(*, code: str, year: int) -> OwnIndex | None:
    """Temaplans egen indeks for the municipality and year, or None when the store lacks what
    it needs (no code history, no series: the demo has none)."""
    try:
        result = index_compute(years=range(year - INDEX_POOLED_YEARS + 1, year + 1))
    except (LookupError, ValueError):  # IndexDataMissing is a LookupError
        return None
    if code not in result.panel.codes or year not in result.panel.years:
        return None
    if result.rank(code, year) == UNRANKED:
        return None
    low, rank, high = rank_intervals(result, year).of(code)
    return OwnIndex(
        label=OWN_INDEX_LABEL, year=year, rank=rank, low=low, high=high, ranked=result.ranked(year)
    )


def kommune_nm_section(plan: Plan, *, year: int) -> KommuneNm | None:
    municipality = plan.municipality
    edition = (
        Edition.objects.filter(municipality=municipality, data_year__lte=year)
        .order_by("-year")
        .first()
    )
    if edition is None:
        return None
    standings = edition_standings(edition, history=stored_history())
    own = own_standing(standings, municipality)
    peers = []
    for peer in Peer.objects.filter(plan=plan).order_by("position", "id"):
        found = own_standing(standings, SimpleNamespace(number=peer.code, name=peer.name))  # type: ignore[arg-type]
        if found is not None:
            peers.append(_standing(found))
    story = StoryRow.objects.filter(plan=plan, edition=edition).order_by("position", "id")
    return KommuneNm(
        edition=edition.year,
        data_year=edition.data_year,
        ranked=edition.municipalities_ranked,
        source=edition.source,
        themes=[{"key": t.key, "name": t.name} for t in edition.themes.order_by("position", "id")],
        own=_standing(own) if own else None,
        peers=peers,
        story=[
            StoryEntry(key=s.key, text=s.text, figures=s.figures, edited=s.edited) for s in story
        ],
        index=own_index(code=municipality.number, year=year),
    )


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
        due_date=_iso(action.due_date),
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
                        planned_start=_iso(p.planned_start),
                        planned_end=_iso(p.planned_end),
                        actual_start=_iso(p.actual_start),
                        actual_end=_iso(p.actual_end),
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
                        planned_date=_iso(c.planned_date),
                        decided_on=_iso(c.decided_on),
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


# --- The whole document -----------------------------------------------------------------------


def period_actions(period: ActionPeriod | None) -> list[Action]:
    if period is None:
        return []
    return list(
        Action.objects.filter(period=period)
        .select_related("focus_area")
        .prefetch_related(
            Prefetch("phases", queryset=StudyPhase.objects.order_by("position", "planned_start")),
            Prefetch("political_cases", queryset=PoliticalCase.objects.order_by("planned_date")),
        )
        .order_by(F("priority").asc(nulls_last=True), "key")
    )


def snapshot_build(
    *, plan: Plan, year: int, today: date | None = None, now: datetime | None = None
) -> Document:
    """The report document for the plan's `year` from the live data. `today` decides what is
    due, late and about to expire (default: today); `now` is the build time it records."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    indicators = plan_indicators(plan)
    period = report_period(list(plan.action_periods.all()), year=year)
    actions = period_actions(period)
    kommune_nm = kommune_nm_section(plan, year=year)
    vintages = indicator_vintages(indicators)
    if kommune_nm is not None:
        vintages.add(f"Kommune-NM {kommune_nm['edition']}")
    municipality = plan.municipality
    return Document(
        meta=Meta(
            schema_version=SCHEMA_VERSION,
            title=TITLE.format(year=year),
            year=year,
            municipality_number=municipality.number,
            municipality_name=municipality.name,
            plan_name=plan.name,
            plan_period=plan.period,
            built_at=now.astimezone(UTC).isoformat(),
            vintages=sorted(vintages),
        ),
        indicators=indicators_section(indicators, year=year, today=today),
        kommune_nm=kommune_nm,
        action_plan=action_plan_section(plan, actions, period, today=today),
        studies=studies_section(actions, today=today),
        budget=budget_section(plan),
        partners=partners_section(plan, today=today),
        meetings=meetings_section(plan, year=year),
        evaluation=[],
    )
