"""The report document (document.py) built from the live data: every section, every figure
formatted the Norwegian way beside its exact value. The renderers and the frozen page read
only what this gives; nothing downstream reads live data again.

What each section holds, and the choices made where the live data leaves a choice:

- plan: the plan's political ambitions, its focus areas as the influence matrix places them
  (influence, importance, how many strategies) and the premises outside the plan, in the
  plan's order, as the plan page shows them (plans.queries.plan_contents).
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
from types import SimpleNamespace

from django.db.models import F, Prefetch
from django.utils import timezone

from temaplan.actions.models import (
    Action,
    ActionPeriod,
    PoliticalCase,
    StudyPhase,
)
from temaplan.benchmark.codes import stored_history
from temaplan.benchmark.feed import own_standing
from temaplan.benchmark.index import UNRANKED
from temaplan.benchmark.index_data import POOLED_YEARS, index_compute
from temaplan.benchmark.index_intervals import rank_intervals
from temaplan.benchmark.models import Edition, Peer
from temaplan.benchmark.models import StorySentence as StoryRow
from temaplan.benchmark.standing import Standing as LiveStanding
from temaplan.benchmark.standing import edition_standings
from temaplan.indicators.models import Indicator
from temaplan.indicators.queries import plan_indicators
from temaplan.indicators.status import Status, Unit, format_value
from temaplan.indicators.table import Cell, build_table, table_years
from temaplan.plans.models import Plan

from .document import (
    SCHEMA_VERSION,
    Document,
    IndicatorEntry,
    KommuneNm,
    Meta,
    OwnIndex,
    SeriesPoint,
    Standing,
)
from .document import StorySentence as StoryEntry
from .snapshot_actions import (
    action_plan_section,
    budget_section,
    meetings_section,
    partners_section,
    report_period,
    studies_section,
)
from .snapshot_plan import plan_section
from .snapshot_values import exact

TITLE = "Resultatrapport {year}"
OWN_INDEX_LABEL = "Temaplans egen indeks"
# How the indicator's status reads in the report, beside (never instead of) its colour.
STATUS_LABELS = {
    Status.GREEN: "Nådd",
    Status.AMBER: "Nesten",
    Status.RED: "Ikke nådd",
    Status.NO_DATA: "Ingen data",
    Status.NOT_DUE: "Ikke målt ennå",
}

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
        result = index_compute(years=range(year - POOLED_YEARS + 1, year + 1))
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
        plan=plan_section(plan),
        indicators=indicators_section(indicators, year=year, today=today),
        kommune_nm=kommune_nm,
        action_plan=action_plan_section(plan, actions, period, today=today),
        studies=studies_section(actions, today=today),
        budget=budget_section(plan),
        partners=partners_section(plan, today=today),
        meetings=meetings_section(plan, year=year),
        evaluation=[],
    )
