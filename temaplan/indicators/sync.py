"""`ssb sync` for indicators: decide what the indicators' formulas need from SSB, have the
statistics app fetch it, then store it and recompute the observations in one transaction.

Everything is fetched first (statistics.sync writes nothing while fetching); only when every
answer is in does one transaction store the region history and the series and recompute the
observations. A sync that fails half-way (SSB down, a bad answer) therefore changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from temaplan.statistics.compute import formula_values
from temaplan.statistics.formulas import FORMULAS, FormulaSettingError, input_sources
from temaplan.statistics.klass import KlassClient
from temaplan.statistics.pxweb import PxWebClient
from temaplan.statistics.regions import CodeHistory
from temaplan.statistics.sources import SOURCES
from temaplan.statistics.sync import (
    Progress,
    SyncFailed,
    SyncSummary,
    fetched_store,
    no_progress,
    region_history_fetch,
    series_fetch,
)

from .models import Indicator
from .services import indicator_observations_recompute
from .status import Unit, format_value
from .validation import YEAR_SPAN_BEFORE_PLAN

__all__ = ["IndicatorSyncSummary", "SyncFailed", "indicators_sync"]

FIRST_COMPUTED_YEAR = 2011  # the region code history starts in 2011
NOTHING_TO_SYNC = (
    "Ingen av kommunens indikatorer beregnes fra SSB. Velg en formel på en indikator først."
)
BAD_FORMULA_SETTING = "Indikatoren «{name}» ({municipality}): {error}"


@dataclass
class IndicatorSyncSummary(SyncSummary):
    """The series fetched, and the observations that changed: (name, year, what, old, new)."""

    observations: list[tuple[str, int, str, object, object]] = field(default_factory=list)

    def report(self) -> str:
        lines = self.series_report_lines()
        if self.observations:
            lines.append("Indikatorresultater endret:")
            for name, year, what, old, new in self.observations:
                change = f"{old} → {new}" if what == "revised" else f"ny: {new}"
                lines.append(f"  {name} {year}: {change}")
        return "\n".join(lines + self.notes())


def indicators_sync(
    *,
    municipality_numbers: list[str] | None = None,
    all_municipalities: bool = False,
    pxweb: PxWebClient | None = None,
    klass: KlassClient | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> IndicatorSyncSummary:
    """Sync the SSB-backed indicators of these municipalities (by default every municipality
    that has one; with all_municipalities, the whole country)."""
    report = progress or no_progress
    today = today or timezone.localdate()
    pxweb, klass = pxweb or PxWebClient(), klass or KlassClient()
    report(0.02, "Henter kommunenes kodehistorikk fra KLASS")
    regions = region_history_fetch(klass=klass, today=today)
    if all_municipalities:
        numbers = sorted(regions.current_codes())
    elif municipality_numbers:
        numbers = sorted(set(municipality_numbers))
    else:
        numbers = sorted({i.municipality.number for i in _indicators(None)})
    regions.check(numbers)
    indicators = _indicators(None if all_municipalities else numbers)
    sources = _sources_needed(indicators, all_municipalities)
    summary = IndicatorSyncSummary(municipalities=numbers)
    fetched = series_fetch(
        sources=sources,
        numbers=numbers,
        regions=regions,
        pxweb=pxweb,
        progress=report,
        summary=summary,
    )

    report(0.85, "Lagrer og beregner indikatorene")
    now = timezone.now()
    with transaction.atomic():
        history = fetched_store(fetched, now=now)
        _recompute(indicators, history, summary, today, now)
    report(1.0, "Ferdig")
    return summary


def _indicators(numbers: list[str] | None) -> list[Indicator]:
    queryset = Indicator.objects.exclude(formula="").select_related("plan", "municipality")
    if numbers is not None:
        queryset = queryset.filter(municipality__number__in=numbers)
    return list(queryset)


def _sources_needed(indicators: list[Indicator], all_municipalities: bool) -> list[str]:
    """The sources the indicators' formulas read under their settings (every formula's
    defaults for a sync of the whole country without indicators). A setting a formula does
    not have stops the sync before anything is fetched."""
    names: set[str] = set()
    for indicator in indicators:
        try:
            names.update(input_sources(indicator.formula, indicator.formula_options).values())
        except FormulaSettingError as error:
            raise SyncFailed(
                BAD_FORMULA_SETTING.format(
                    name=indicator.name, municipality=indicator.municipality.number, error=error
                )
            ) from error
    if not indicators and all_municipalities:
        for key in FORMULAS:
            names.update(input_sources(key).values())
    if not names:
        raise SyncFailed(NOTHING_TO_SYNC)
    return sorted(names & set(SOURCES))


def _recompute(
    indicators: list[Indicator],
    history: CodeHistory,
    summary: IndicatorSyncSummary,
    today: date,
    now: datetime,
) -> None:
    for indicator in indicators:
        plan = indicator.plan
        first = max(plan.first_year - YEAR_SPAN_BEFORE_PLAN, FIRST_COMPUTED_YEAR)
        years = list(range(first, today.year))
        code = indicator.municipality.number
        values = formula_values(
            indicator.formula,
            codes=[code],
            years=years,
            history=history,
            options=indicator.formula_options,
        )[code]
        changes = indicator_observations_recompute(
            indicator=indicator,
            values=values,
            vintage=f"SSB {', '.join(sorted(set(summary.vintages.values())))}"[:100],
            source_note=f"Beregnet av Temaplan fra SSB ({FORMULAS[indicator.formula].name})",
            now=now,
        )
        unit = Unit(indicator.unit)
        summary.observations += [
            (
                indicator.name,
                year,
                what,
                format_value(old, unit) if old is not None else "",
                format_value(new, unit),
            )
            for year, what, old, new in changes
        ]
