"""Formulas over the store: read published series, harmonise them to today's borders, compute.

Everything here reads; writing observations is indicators' business (see sync.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .formulas import ALL_FORMULAS, FormulaValue, input_sources
from .harmonise import Harmonised, harmonise_counts, harmonise_within
from .klass_data import changes_from_klass, codes_from_klass
from .models import KlassSnapshot, ResolvedSource
from .regions import CodeHistory
from .sources import SOURCES
from .split_weights import population_needed, split_weights
from .store import load_published

NO_REGION_HISTORY = (
    "Temaplan kjenner ikke kommunenes kodehistorikk ennå. Kjør «temaplan ssb sync» først, "
    "så hentes den fra SSBs KLASS."
)
UNKNOWN_FORMULA = "Ukjent formel «{key}». Kjente formler: {known}."
EARLIEST_HISTORY_YEAR = 2011


_HISTORIES: dict[tuple, CodeHistory] = {}


def code_history() -> CodeHistory:
    """The municipality code history from the newest KLASS snapshots in the database, with
    split weights from the stored population (see split_weights.py).

    Built once per process for each pair of snapshots and set of weights (it is immutable),
    so recomputing many formulas does not rebuild it."""
    changes = (
        KlassSnapshot.objects.filter(classification=131, kind="changes")
        .order_by("-fetched_at")
        .first()
    )
    codes = (
        KlassSnapshot.objects.filter(classification=131, kind="codesAt")
        .order_by("-parameters")
        .first()
    )
    if changes is None or codes is None:
        raise LookupError(NO_REGION_HISTORY)
    key = (changes.pk, changes.fetched_at, codes.pk, codes.fetched_at)
    if key not in _HISTORIES:
        _HISTORIES.clear()  # one pair of snapshots per process: the newest
        _HISTORIES[key] = CodeHistory(
            changes_from_klass(changes.body),
            codes_from_klass(codes.body),
            as_of=date.fromisoformat(codes.parameters),
        )
    return with_stored_split_weights(_HISTORIES[key])


_WEIGHTED: dict[tuple, tuple[CodeHistory, CodeHistory]] = {}  # key -> (plain, weighted)


def with_stored_split_weights(history: CodeHistory) -> CodeHistory:
    """The history with weights for its splits from the population in the store (07459 on
    1 January of the split year for the new codes); unchanged when none are stored."""
    needed = population_needed(history)
    location = source_location("population_1_january")
    if location is None:
        return history
    population = load_published(
        *location,
        years={year for _code, year in needed},
        regions={code for code, _year in needed},
    )
    weights = split_weights(history, population)
    if not weights:
        return history
    key = (id(history), tuple(sorted(weights.items())))
    cached = _WEIGHTED.get(key)
    if cached is None or cached[0] is not history:  # the plain history is kept alive with it
        _WEIGHTED.clear()
        cached = _WEIGHTED[key] = (history, history.with_split_weights(weights))
    return cached[1]


def years_needed(years: Iterable[int]) -> list[int]:
    """The formulas look one year back and forward and three back: read those too."""
    wanted = set()
    for year in years:
        wanted.update({year - 3, year - 1, year, year + 1})
    return sorted(y for y in wanted if y >= EARLIEST_HISTORY_YEAR)


def source_location(name: str) -> tuple[str, str] | None:
    """(table, content key) of a source, as the last sync found it in SSB's metadata (the
    series are stored under SSB's code, with the source's selection if it has one, see
    Source.stored_content); before any sync, as configured. A source configured
    with another table since that sync is read from its own table."""
    source = SOURCES[name]
    found = ResolvedSource.objects.filter(name=name).first()
    if found is not None and (not source.table or found.table == source.table):
        return found.table, source.stored_content(found.content)
    if source.table:
        return source.table, source.stored_content(source.content)
    return None


def harmonised_source(name: str, years: list[int], maps: dict) -> Harmonised:
    source = SOURCES[name]
    location = source_location(name)
    if location is None:
        return Harmonised()
    table, content = location
    usable = [y for y in years if y in maps]
    regions = {code for y in usable for code in maps[y]}
    if source.kind == "within":
        pairs = load_published(table, content, years=usable, pairs=True, regions=regions)
        return harmonise_within(pairs, maps, usable)
    row_totals = source.kind == "row_total"
    published = load_published(table, content, years=usable, row_totals=row_totals, regions=regions)
    available = {y for (_code, y) in published}
    return harmonise_counts(published, maps, [y for y in usable if y in available])


def _inverse_map(history: CodeHistory, year: int) -> dict[str, list[tuple[str, float, bool]]]:
    """{target code: [(published code, weight, is_split)]} for a year, built once per history."""
    cache = history.__dict__.setdefault("_inverse_maps", {})
    if year not in cache:
        inverse: dict[str, list[tuple[str, float, bool]]] = {}
        for published, targets in history.harmonisation_map(year).items():
            for target, weight, is_split in targets:
                inverse.setdefault(target, []).append((published, weight, is_split))
        cache[year] = inverse
    return cache[year]


def maps_for(history: CodeHistory, codes: list[str], years: list[int]) -> dict:
    """{year: {published code: [(code asked for, weight, is_split)]}} for just these codes,
    built from each asked-for code's own predecessors, so the work grows with the number of
    municipalities asked for, not with the size of the country."""
    maps: dict[int, dict[str, list[tuple[str, float, bool]]]] = {}
    for year in years:
        inverse = _inverse_map(history, year)
        year_map: dict[str, list[tuple[str, float, bool]]] = {}
        for code in codes:
            for published, weight, is_split in inverse.get(code, ()):
                year_map.setdefault(published, []).append((code, weight, is_split))
        maps[year] = year_map
    return maps


def formula_values(
    key: str,
    *,
    codes: Iterable[str],
    years: Iterable[int],
    history: CodeHistory | None = None,
    options: dict | None = None,
) -> dict[str, list[FormulaValue]]:
    """A formula's yearly values for each municipality code, on today's borders.

    `options` are the indicator's formula settings (see formulas.input_sources); a setting the
    formula does not have raises formulas.FormulaSettingError before anything is read."""
    return formulas_values([key], codes=codes, years=years, history=history, options=options)[key]


def formulas_values(
    keys: Iterable[str],
    *,
    codes: Iterable[str],
    years: Iterable[int],
    history: CodeHistory | None = None,
    options: dict | None = None,
) -> dict[str, dict[str, list[FormulaValue]]]:
    """Several formulas' yearly values for each code ({key: {code: [value per year]}}), each
    stored series read and harmonised once however many of the formulas read it."""
    keys = list(keys)
    for key in keys:
        if key not in ALL_FORMULAS:
            raise KeyError(UNKNOWN_FORMULA.format(key=key, known=", ".join(ALL_FORMULAS)))
    sources = {key: input_sources(key, options) for key in keys}
    years = list(years)
    history = history or code_history()
    needed = years_needed(years)
    codes = list(codes)
    known = [y for y in needed if history.since <= date(y, 1, 1) and y <= history.as_of.year]
    maps = maps_for(history, codes, known)
    harmonised: dict[str, Harmonised] = {}
    for key in keys:
        for name in ALL_FORMULAS[key].inputs:
            source = sources[key][name]
            if source not in harmonised:
                harmonised[source] = harmonised_source(source, needed, maps)
    result: dict[str, dict[str, list[FormulaValue]]] = {}
    for key in keys:
        formula = ALL_FORMULAS[key]
        inputs = {name: harmonised[sources[key][name]] for name in formula.inputs}
        result[key] = {
            code: [
                formula.compute(
                    **{name: values.series(code) for name, values in inputs.items()}, year=year
                )
                for year in years
            ]
            for code in codes
        }
    return result
