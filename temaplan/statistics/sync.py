"""Fetching series from SSB and storing them: the statistics half of a sync.

The caller says which sources and which regions (municipality numbers of today) it wants;
this module knows nothing of plans or indicators. Everything is fetched first, with no write
(`region_history_fetch`, `series_fetch`); `fetched_store` then writes the region history, the
series and the tables found by search, and is meant to run inside the caller's one
transaction, so a sync that fails half-way (SSB down, a bad answer) changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .compute import with_stored_split_weights
from .http import SsbError
from .importing import RowTotalsRule, cells_from_dataset
from .klass import KlassClient
from .klass_data import changes_from_klass, codes_from_klass
from .models import ResolvedSource
from .pxweb import PxWebClient
from .regions import CodeHistory
from .services import klass_snapshot_store
from .source_tables import ResolvedTable, SourceNotInTable, resolve_in_table
from .sources import SOURCES, Source
from .ssb_problems import ssb_problem
from .store import Revision, series_store

HISTORY_START = date(2011, 1, 1)
FIRST_YEAR = 2015
MUNICIPALITIES = 131  # KLASS classification of Norway's municipalities
UNKNOWN_MUNICIPALITY = "«{code}» er ikke et gyldig kommunenummer i dag."
TABLE_NOT_FOUND = "Fant ingen SSB-tabell for «{search}»; {label} er ikke hentet."
FOUND_AS = "  Tabell {table}: {label} hentet som «{content_label}»"

Progress = Callable[[float, str], None]


def no_progress(fraction: float, message: str) -> None:
    """The progress callback of a caller that shows none."""


class SyncFailed(Exception):
    """The sync stopped before storing anything; the message says why, in Norwegian.

    When SSB was the trouble, the message is the one plain sentence of `ssb_problem` and
    `detail` holds the technical account (which request, which exception) on one line."""

    def __init__(self, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail

    @classmethod
    def from_ssb(cls, error: SsbError) -> SyncFailed:
        problem = ssb_problem(error)
        return cls(problem.sentence, detail=problem.detail)


@dataclass
class SyncSummary:
    """What a sync fetched and stored of the series."""

    municipalities: list[str]
    created: int = 0
    unchanged: int = 0
    revised: list[Revision] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    vintages: dict[str, str] = field(default_factory=dict)
    found_as: list[str] = field(default_factory=list)  # contents not under the configured code

    def series_report_lines(self) -> list[str]:
        lines = [
            f"Hentet for {len(self.municipalities)} kommuner: {self.created} nye verdier, "
            f"{self.unchanged} uendret, {len(self.revised)} revidert av SSB.",
        ]
        lines += [f"  Tabell {t}: dataversjon {v}" for t, v in sorted(self.vintages.items())]
        lines += self.found_as
        if self.revised:
            lines.append("Revisjoner (tidligere verdi → ny verdi):")
            lines += [f"  {revision}" for revision in self.revised[:200]]
        return lines

    def notes(self) -> list[str]:
        return [f"Merk: {text}" for text in self.skipped]

    def report(self) -> str:
        return "\n".join(self.series_report_lines() + self.notes())


@dataclass
class RegionHistory:
    """KLASS's municipality history as fetched, not yet stored."""

    today: date
    history: CodeHistory
    changes_body: list[dict[str, Any]]  # KLASS's answers as decoded, stored as they came
    codes_body: list[dict[str, Any]]

    def current_codes(self) -> frozenset[str]:
        return self.history.valid_codes_at(self.today)

    def check(self, numbers: list[str]) -> None:
        """Refuse a municipality number that is not valid today."""
        current = self.current_codes()
        for code in numbers:
            if code not in current:
                raise SyncFailed(UNKNOWN_MUNICIPALITY.format(code=code))


@dataclass(frozen=True)
class FetchedSeries:
    table: str
    content: str
    vintage: str
    cells: list


@dataclass(frozen=True)
class FoundTable:
    """Where a source was found (its table by number or by search, its content code and
    dimensions from the table's metadata): stored, so the formulas read what was fetched."""

    source: str
    table_label: str
    resolved: ResolvedTable


@dataclass
class Fetched:
    regions: RegionHistory
    summary: SyncSummary
    series: list[FetchedSeries] = field(default_factory=list)
    found: list[FoundTable] = field(default_factory=list)


def region_history_fetch(*, klass: KlassClient, today: date) -> RegionHistory:
    try:
        changes_body = klass.changes(MUNICIPALITIES, HISTORY_START, today)
        codes_body = klass.codes_at(MUNICIPALITIES, today)
    except SsbError as error:
        raise SyncFailed.from_ssb(error) from error
    history = CodeHistory(
        changes_from_klass(changes_body), codes_from_klass(codes_body), as_of=today
    )
    return RegionHistory(today, history, changes_body, codes_body)


def series_fetch(
    *,
    sources: list[str],
    numbers: list[str],
    regions: RegionHistory,
    pxweb: PxWebClient,
    progress: Progress = no_progress,
    summary: SyncSummary | None = None,
) -> Fetched:
    """Fetch the named sources for these municipalities (today's numbers), and for every
    code that was part of them in earlier years. Writes nothing. What was fetched, and later
    stored, is counted in `summary` (a new one unless the caller brings its own)."""
    regions.check(numbers)
    today, history = regions.today, regions.history
    years = [str(y) for y in range(FIRST_YEAR, today.year + 1)]
    summary = summary or SyncSummary(municipalities=numbers)
    fetched = Fetched(regions=regions, summary=summary)
    maps = {int(y): history.harmonisation_map(int(y)) for y in years if int(y) < today.year}
    published = {
        code
        for y_map in maps.values()
        for code, targets in y_map.items()
        if any(target in numbers for target, _w, _s in targets)
    } | set(numbers)

    wanted = set(numbers)
    # Per year, each published code's targets among those asked for (a commuting matrix for
    # the whole country asks this millions of times, so the sets are made once).
    targets_of = {
        year: {code: {t for t, _w, _s in targets} for code, targets in y_map.items()}
        for year, y_map in maps.items()
    }
    wanted_of = {
        year: {code: targets & wanted for code, targets in of.items() if targets & wanted}
        for year, of in targets_of.items()
    }
    nothing: set[str] = set()

    def keep_pair(home: str, work: str, year: int) -> bool:
        if home == work:
            return True
        homes = wanted_of.get(year, {}).get(home)
        return homes is not None and not homes.isdisjoint(targets_of[year].get(work, nothing))

    try:
        for index, name in enumerate(sources):
            source = SOURCES[name]
            progress(0.1 + 0.7 * index / len(sources), f"Henter {source.label}")
            _fetch_source(pxweb, source, published, years, keep_pair, fetched)
    except SsbError as error:
        raise SyncFailed.from_ssb(error) from error
    return fetched


def _fetch_source(pxweb, source: Source, published, years, keep_pair, fetched: Fetched) -> None:
    table, table_label = source.table, ""
    if not table:
        hits = pxweb.search_tables(source.search)
        if not hits:
            fetched.summary.skipped.append(
                TABLE_NOT_FOUND.format(search=source.search, label=source.label)
            )
            return
        table, table_label = hits[0].id, hits[0].label
    meta = pxweb.metadata(table)
    try:
        resolved = resolve_in_table(source, meta)
    except SourceNotInTable as error:  # before any data is fetched: nothing will change
        raise SyncFailed(str(error), detail=error.detail) from error
    fetched.found.append(FoundTable(source.name, table_label or meta.label, resolved))
    if resolved.content != source.content:
        fetched.summary.found_as.append(
            FOUND_AS.format(
                table=table,
                label=f"«{source.label or source.name}»",
                content_label=resolved.content_label,
            )
        )
    content = source.stored_content(resolved.content)  # the selection's own key, if any
    for response in pxweb.fetch(table, _selection(source, meta, resolved, published, years)):
        if source.kind == "row_total":  # the sums only; the pairs are another source
            cells = cells_from_dataset(
                table,
                response.dataset,
                None,
                RowTotalsRule(valid_codes=None),
                pairs=False,
                regions=resolved.regions,
                time=resolved.time,
            )
        else:
            cells = cells_from_dataset(
                table, response.dataset, keep_pair, regions=resolved.regions, time=resolved.time
            )
        vintage = response.dataset.updated or ""
        fetched.summary.vintages[table] = vintage
        cells_of_content = cells.get(resolved.content, [])
        fetched.series.append(FetchedSeries(table, content, vintage, cells_of_content))


def _selection(
    source: Source, meta, resolved: ResolvedTable, codes: set[str], years: list[str]
) -> dict:
    selection: dict[str, list[str] | str] = {}
    # A row sum needs the whole row: every work region, pseudo-regions included.
    every_work_region = resolved.regions[1:] if source.kind == "row_total" else ()
    fixed = dict(resolved.selection)  # other dimensions at some of their values (ages)
    for variable in meta.variables:
        if variable.id in fixed:
            selection[variable.id] = list(fixed[variable.id])
        elif variable.id in every_work_region:
            selection[variable.id] = ["*"]
        elif variable.id in resolved.regions:
            selection[variable.id] = sorted(codes & set(variable.codes))
        elif variable.id == resolved.content_variable:
            selection[variable.id] = [resolved.content]
        elif variable.id == resolved.time:
            selection[variable.id] = [y for y in years if y in variable.codes]
        elif variable.id in meta.mandatory:
            selection[variable.id] = ["*"]
    return selection


def fetched_store(fetched: Fetched, *, now: datetime) -> CodeHistory:
    """Store what was fetched (call inside a transaction). Returns the code history with
    splits weighted by the population just stored (see split_weights.py)."""
    regions, summary = fetched.regions, fetched.summary
    klass_snapshot_store(
        classification=MUNICIPALITIES,
        kind="changes",
        parameters=f"{HISTORY_START.isoformat()}/{regions.today.isoformat()}",
        body=regions.changes_body,
        now=now,
    )
    klass_snapshot_store(
        classification=MUNICIPALITIES,
        kind="codesAt",
        parameters=regions.today.isoformat(),
        body=regions.codes_body,
        now=now,
    )
    for series in fetched.series:
        result = series_store(
            table=series.table,
            content=series.content,
            cells=series.cells,
            vintage=series.vintage,
            now=now,
        )
        summary.created += result.created
        summary.unchanged += result.unchanged
        summary.revised += result.revised
    for found in fetched.found:
        resolved = found.resolved
        ResolvedSource.objects.update_or_create(
            name=found.source,
            defaults={
                "table": resolved.table,
                "content": resolved.content,
                "content_label": resolved.content_label[:300],
                "region_dimensions": ",".join(resolved.regions)[:200],
                "time_dimension": resolved.time[:64],
                "table_label": found.table_label[:300],
                "resolved_at": now,
            },
        )
    return with_stored_split_weights(regions.history)
