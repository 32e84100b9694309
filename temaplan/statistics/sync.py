"""`ssb sync`: fetch what the configured indicators need from SSB, store it, recompute.

Everything is fetched first; only when every answer is in does one transaction store the
region history, the series and the recomputed observations. A sync that fails half-way
(SSB down, a bad answer) therefore changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from temaplan.indicators.models import Indicator
from temaplan.indicators.services import indicator_observations_recompute
from temaplan.indicators.status import Unit, format_value

from .compute import formula_values, with_stored_split_weights
from .formulas import FORMULAS, FormulaSettingError, input_sources
from .http import SsbError
from .importing import RowTotalsRule, cells_from_dataset
from .klass import KlassClient
from .klass_data import changes_from_klass, codes_from_klass
from .models import ResolvedSource
from .pxweb import PxWebClient
from .regions import CodeHistory
from .services import klass_snapshot_store
from .sources import SOURCES, Source
from .store import Revision, series_store

HISTORY_START = date(2011, 1, 1)
FIRST_YEAR = 2015
UNKNOWN_MUNICIPALITY = "«{code}» er ikke et gyldig kommunenummer i dag."
NOTHING_TO_SYNC = (
    "Ingen av kommunens indikatorer beregnes fra SSB. Velg en formel på en indikator først."
)
TABLE_NOT_FOUND = "Fant ingen SSB-tabell for «{search}»; {label} er ikke hentet."
BAD_FORMULA_SETTING = "Indikatoren «{name}» ({municipality}): {error}"

Progress = Callable[[float, str], None]


class SyncFailed(Exception):
    """The sync stopped before storing anything; the message says why, in Norwegian."""


@dataclass
class SyncSummary:
    municipalities: list[str]
    created: int = 0
    unchanged: int = 0
    revised: list[Revision] = field(default_factory=list)
    observations: list[tuple[str, int, str, object, object]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    vintages: dict[str, str] = field(default_factory=dict)

    def report(self) -> str:
        lines = [
            f"Hentet for {len(self.municipalities)} kommuner: {self.created} nye verdier, "
            f"{self.unchanged} uendret, {len(self.revised)} revidert av SSB.",
        ]
        lines += [f"  Tabell {t}: dataversjon {v}" for t, v in sorted(self.vintages.items())]
        if self.revised:
            lines.append("Revisjoner (tidligere verdi → ny verdi):")
            lines += [f"  {revision}" for revision in self.revised[:200]]
        if self.observations:
            lines.append("Indikatorresultater endret:")
            for name, year, what, old, new in self.observations:
                change = f"{old} → {new}" if what == "revised" else f"ny: {new}"
                lines.append(f"  {name} {year}: {change}")
        lines += [f"Merk: {text}" for text in self.skipped]
        return "\n".join(lines)


def _indicators(numbers: list[str] | None):
    queryset = Indicator.objects.exclude(formula="").select_related("plan", "municipality")
    if numbers is not None:
        queryset = queryset.filter(municipality__number__in=numbers)
    return list(queryset)


def _content_from_search(meta, source: Source) -> str:
    """In a table found by search, the content code whose label names what we look for."""
    variable = meta.variable(meta.content_variable)
    words = source.content_label_words
    for code, label in zip(variable.codes, variable.labels, strict=True):
        if all(word in label.casefold() for word in words):
            return code
    return variable.codes[0]


def _region_variables(source: Source, meta) -> set[str]:
    """The table's region variables: named in the source, or SSB's geo role."""
    named = {v.id for v in meta.variables if v.id in source.region_dimensions}
    return named or {v.id for v in meta.variables if v.role == "geo"}


def _selection(source: Source, meta, codes: set[str], years: list[str], content: str) -> dict:
    selection: dict[str, list[str] | str] = {}
    regions = _region_variables(source, meta)
    # A row sum needs the whole row: every work region, pseudo-regions included.
    every_work_region = source.region_dimensions[1:] if source.kind == "row_total" else ()
    for variable in meta.variables:
        if variable.id in every_work_region:
            selection[variable.id] = ["*"]
        elif variable.id in regions:
            selection[variable.id] = sorted(codes & set(variable.codes))
        elif variable.id == meta.content_variable:
            selection[variable.id] = [content]
        elif variable.id == meta.time_variable:
            selection[variable.id] = [y for y in years if y in variable.codes]
        elif variable.id in meta.mandatory:
            selection[variable.id] = ["*"]
    return selection


def ssb_sync(
    *,
    municipality_numbers: list[str] | None = None,
    all_municipalities: bool = False,
    pxweb: PxWebClient | None = None,
    klass: KlassClient | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> SyncSummary:
    report = progress or (lambda fraction, message: None)
    today = today or timezone.localdate()
    pxweb, klass = pxweb or PxWebClient(), klass or KlassClient()
    try:
        report(0.02, "Henter kommunenes kodehistorikk fra KLASS")
        changes_body = klass.changes(131, HISTORY_START, today)
        codes_body = klass.codes_at(131, today)
        history = CodeHistory(
            changes_from_klass(changes_body), codes_from_klass(codes_body), as_of=today
        )
        current = history.valid_codes_at(today)
        if all_municipalities:
            numbers = sorted(current)
        elif municipality_numbers:
            numbers = sorted(set(municipality_numbers))
        else:
            numbers = sorted({i.municipality.number for i in _indicators(None)})
        for code in numbers:
            if code not in current:
                raise SyncFailed(UNKNOWN_MUNICIPALITY.format(code=code))
        indicators = _indicators(None if all_municipalities else numbers)
        names = _sources_needed(indicators, all_municipalities)
        years = [str(y) for y in range(FIRST_YEAR, today.year + 1)]
        summary = SyncSummary(municipalities=numbers)
        fetched = []  # (table, content, vintage, cells)
        resolved = []  # (source name, table, content, table label) found by search
        maps = {int(y): history.harmonisation_map(int(y)) for y in years if int(y) < today.year}
        published = {
            code
            for y_map in maps.values()
            for code, targets in y_map.items()
            if any(target in numbers for target, _w, _s in targets)
        } | set(numbers)

        def keep_pair(home: str, work: str, year: int) -> bool:
            targets = maps.get(year, {})
            homes = {t for t, _w, _s in targets.get(home, [])} & set(numbers)
            return bool(homes & {t for t, _w, _s in targets.get(work, [])}) or home == work

        for index, name in enumerate(names):
            source = SOURCES[name]
            report(0.1 + 0.7 * index / len(names), f"Henter {source.label}")
            table = source.table
            if not table:
                found = pxweb.search_tables(source.search)
                if not found:
                    summary.skipped.append(
                        TABLE_NOT_FOUND.format(search=source.search, label=source.label)
                    )
                    continue
                table = found[0].id
            meta = pxweb.metadata(table)
            content = source.content
            if source.search:
                content = _content_from_search(meta, source)
                resolved.append((name, table, content, found[0].label))
            selection = _selection(source, meta, published, years, content)
            for response in pxweb.fetch(table, selection):
                if source.kind == "row_total":  # the sums only; the pairs are another source
                    cells = cells_from_dataset(
                        table, response.dataset, None, RowTotalsRule(valid_codes=None), pairs=False
                    )
                else:
                    cells = cells_from_dataset(table, response.dataset, keep_pair)
                vintage = response.dataset.updated or ""
                summary.vintages[table] = vintage
                fetched.append((table, content, vintage, cells.get(content, [])))
    except SsbError as error:
        raise SyncFailed(str(error)) from error

    report(0.85, "Lagrer og beregner indikatorene")
    now = timezone.now()
    with transaction.atomic():
        klass_snapshot_store(
            classification=131,
            kind="changes",
            parameters=f"{HISTORY_START.isoformat()}/{today.isoformat()}",
            body=changes_body,
            now=now,
        )
        klass_snapshot_store(
            classification=131,
            kind="codesAt",
            parameters=today.isoformat(),
            body=codes_body,
            now=now,
        )
        _store_fetched(fetched, summary, now)
        for name, table, content, label in resolved:
            ResolvedSource.objects.update_or_create(
                name=name,
                defaults={
                    "table": table,
                    "content": content,
                    "table_label": label[:300],
                    "resolved_at": now,
                },
            )
        # Splits are weighted by the population just stored (see split_weights.py).
        _recompute(indicators, with_stored_split_weights(history), summary, today, now)
    report(1.0, "Ferdig")
    return summary


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


def _store_fetched(fetched, summary: SyncSummary, now) -> None:
    for table, content, vintage, cells in fetched:
        result = series_store(table=table, content=content, cells=cells, vintage=vintage, now=now)
        summary.created += result.created
        summary.unchanged += result.unchanged
        summary.revised += result.revised


def _recompute(indicators, history: CodeHistory, summary: SyncSummary, today, now) -> None:
    for indicator in indicators:
        plan = indicator.plan
        years = list(range(max(plan.first_year - 10, 2011), today.year))
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
