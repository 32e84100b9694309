"""Temaplans egen indeks for the web page, computed once per state of the series store.

Measured on the shared test data (357 municipalities, the store's nine years) on SQLite:
reading the panel from the store takes about 0.23 s, a year's index with the Monte Carlo
over every municipality (1,000 draws) 0.014 s, and both from the cache 0.002 s. So both are
cached (Django cache) under a key made of what they depend on: the newest stored value,
revision, KLASS snapshot and resolved source (a sync, an import or a new code history
changes it) and the index's definition; a year's result also by the year, the
normalisation, the draws and the seed. The key costs four small queries, whatever the
number of peers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max

from temaplan.statistics.compute import code_history
from temaplan.statistics.models import KlassSnapshot, ResolvedSource, SeriesRevision, SeriesValue

from .index import DEFAULT_SPEC, IndexResult, IndexSpec, Panel, compute_index
from .index_data import (
    POOLED_YEARS,
    IndexDataMissing,
    index_panel,
    missing_parameters,
    municipality_names,
)
from .index_intervals import DEFAULT_DRAWS, DEFAULT_SEED, RankIntervals, rank_intervals

# A year is offered when this share of today's municipalities has every parameter: the index
# ranks the whole country, so a store synced for one municipality and its peers (the SSB page
# fetches only the plan's own indicators) must not rank six municipalities as if they were all.
MIN_COVERAGE = 0.9
CACHE_SECONDS = 60 * 60 * 24

NOTHING_STORED = (
    "Temaplan har ikke hentet tallene indeksen trenger ennå (kommunenes kodehistorikk og "
    "SSB-tabellene for alle kommuner)."
)
NO_COMPLETE_YEAR = (
    "Temaplan har ikke tall for alle indeksens parametere for noe år ennå. For {year} "
    "mangler {missing} for alle kommuner."
)
TOO_FEW = (
    "Temaplan har indeksens tall for bare {count} av dagens {total} kommuner ({year}). "
    "Indeksen rangerer alle kommunene, så tallene må hentes for alle."
)
HOW_TO_SYNC = "temaplan index --sync --year {year}"


@dataclass(frozen=True)
class StoredIndex:
    """The raw panel of every municipality valid today over the years the store has, the
    years with figures for every parameter, and today's names."""

    key: str
    panel: Panel
    years: tuple[int, ...]
    names: dict[str, str]


@dataclass(frozen=True)
class IndexYear:
    """A year's index (normalised over its pooled years) and every municipality's interval."""

    result: IndexResult
    intervals: RankIntervals


def store_key(spec: IndexSpec = DEFAULT_SPEC) -> str:
    """What the index read from the store depends on, as a short text (four queries)."""
    values = SeriesValue.objects.aggregate(last=Max("id"))
    revisions = SeriesRevision.objects.aggregate(last=Max("id"))
    klass = KlassSnapshot.objects.aggregate(last=Max("id"), at=Max("fetched_at"), n=Count("id"))
    sources = ResolvedSource.objects.aggregate(at=Max("resolved_at"), n=Count("id"))
    parts = (values, revisions, klass, sources, repr(spec))
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _stored(key: str, spec: IndexSpec) -> StoredIndex:
    try:
        history = code_history()
    except LookupError:
        raise IndexDataMissing(NOTHING_STORED) from None
    stored_years = sorted(set(SeriesValue.objects.values_list("year", flat=True).distinct()))
    if not stored_years:
        raise IndexDataMissing(NOTHING_STORED)
    panel = index_panel(years=stored_years, spec=spec, history=history)
    # Per year, the municipalities with every parameter.
    covered = (~np.isnan(panel.values)).all(axis=2).sum(axis=0)
    total = len(panel.codes)
    complete = tuple(
        y for y, n in zip(panel.years, covered, strict=True) if n >= MIN_COVERAGE * total
    )
    if not complete:
        count = int(covered.max())
        if count > 0:
            year = max(y for y, n in zip(panel.years, covered, strict=True) if n == count)
            raise IndexDataMissing(TOO_FEW.format(count=count, total=total, year=year))
        newest = panel.years[-1]
        missing = ", ".join(f"«{m}»" for m in missing_parameters(panel, newest, spec))
        raise IndexDataMissing(NO_COMPLETE_YEAR.format(year=newest, missing=missing))
    return StoredIndex(key, panel, complete, municipality_names())


def stored_index(spec: IndexSpec = DEFAULT_SPEC) -> StoredIndex:
    """The panel of the store as it is now, from the cache when the store has not changed.
    IndexDataMissing (with a Norwegian message) when the store lacks what the index needs."""
    key = store_key(spec)
    cache_key = f"index-store:{key}"
    found = cache.get(cache_key)
    if found is None:
        try:
            found = _stored(key, spec)
        except IndexDataMissing as missing:
            found = str(missing)
        cache.set(cache_key, found, CACHE_SECONDS)
    if isinstance(found, str):
        raise IndexDataMissing(found)
    return found


def pooled_years(stored: StoredIndex, year: int) -> list[int]:
    """The years the normalisation of `year` is fitted on: the complete ones among the year and
    the four before it (the command's five years, when all of them have figures)."""
    return [y for y in stored.years if year - POOLED_YEARS < y <= year]


def sub_panel(panel: Panel, years: list[int]) -> Panel:
    at = [panel.year_at(y) for y in years]
    return Panel(panel.codes, tuple(years), panel.parameters, panel.values[:, at, :])


def index_year(
    stored: StoredIndex,
    year: int,
    method: str,
    *,
    spec: IndexSpec = DEFAULT_SPEC,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
) -> IndexYear:
    """The index of `year` (one of `stored.years`) and the national rank intervals, cached by
    the store's key, the year, the normalisation, the draws and the seed."""
    cache_key = f"index-year:{stored.key}:{year}:{method}:{draws}:{seed}"
    found = cache.get(cache_key)
    if found is None:
        panel = sub_panel(stored.panel, pooled_years(stored, year))
        result = compute_index(panel, spec, method)
        found = IndexYear(result, rank_intervals(result, year, draws=draws, seed=seed))
        cache.set(cache_key, found, CACHE_SECONDS)
    assert isinstance(found, IndexYear)
    return found
