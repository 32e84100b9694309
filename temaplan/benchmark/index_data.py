"""Temaplans egen indeks from the series store: the panel of every municipality valid today,
built through the statistics engine's formulas (temaplan.statistics.compute), and the fetch
of the series it needs from SSB. The index itself is pure (index.py); data flows statistics →
benchmark, never back.

Values are on today's borders: counts are summed across mergers first and the ratios
computed afterwards (compute.formulas_values); a municipality split since (1507 Ålesund →
1508 Ålesund + 1580 Haram in 2024) gets estimated shares of the old one's counts before the
split (see docs/formulas.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from temaplan.statistics.compute import code_history, formulas_values
from temaplan.statistics.formulas import input_sources
from temaplan.statistics.klass import KlassClient
from temaplan.statistics.models import KlassSnapshot
from temaplan.statistics.pxweb import PxWebClient
from temaplan.statistics.regions import CodeHistory
from temaplan.statistics.sync import (
    MUNICIPALITIES,
    Fetched,
    Progress,
    SyncSummary,
    fetched_store,
    no_progress,
    region_history_fetch,
    series_fetch,
)

from .index import DEFAULT_METHOD, DEFAULT_SPEC, IndexResult, IndexSpec, Panel, compute_index

NO_DATA_FOR_YEAR = (
    "Temaplans egen indeks har ikke tall for {year}: {missing} mangler for alle kommuner. "
    "Kjør «temaplan index --sync» for å hente tallene fra SSB."
)


# The panel a year is normalised over: the year and the four before it, those with figures.
POOLED_YEARS = 5


class IndexDataMissing(LookupError):
    """The store lacks what the index needs; the message says what, in Norwegian."""


def index_sources(spec: IndexSpec = DEFAULT_SPEC) -> list[str]:
    """The stored series (statistics/sources.py) the index's formulas read."""
    names: set[str] = set()
    for key in spec.keys:
        names.update(input_sources(key).values())
    return sorted(names)


def municipality_names() -> dict[str, str]:
    """Today's municipality names by code, from the newest stored KLASS code list."""
    codes = (
        KlassSnapshot.objects.filter(classification=MUNICIPALITIES, kind="codesAt")
        .order_by("-parameters")
        .first()
    )
    if codes is None:
        return {}
    body = codes.body
    listed = body.get("codes", []) if isinstance(body, dict) else body
    return {str(item.get("code")): str(item.get("name") or "") for item in listed or []}


def index_codes(history: CodeHistory) -> list[str]:
    """Every municipality valid on the history's last day (today's 357)."""
    return sorted(history.valid_codes_at(history.as_of))


def index_panel(
    *, years: Iterable[int], spec: IndexSpec = DEFAULT_SPEC, history: CodeHistory | None = None
) -> Panel:
    """The raw parameter values of every municipality valid today, for these years."""
    history = history or code_history()
    years = sorted(set(years))
    codes = index_codes(history)
    computed = formulas_values(spec.keys, codes=codes, years=years, history=history)
    values = {
        key: {code: {v.year: v.value for v in series} for code, series in by_code.items()}
        for key, by_code in computed.items()
    }
    return Panel.from_values(values, codes=codes, years=years, parameters=spec.keys)


def missing_parameters(panel: Panel, year: int, spec: IndexSpec = DEFAULT_SPEC) -> list[str]:
    """The names of the parameters no municipality has a value for in `year`."""
    y = panel.year_at(year)
    return [
        parameter.name
        for p, parameter in enumerate(spec.parameters)
        if not (panel.values[:, y, p] == panel.values[:, y, p]).any()  # all NaN
    ]


def index_compute(
    *,
    years: Iterable[int],
    method: str = DEFAULT_METHOD,
    spec: IndexSpec = DEFAULT_SPEC,
    history: CodeHistory | None = None,
    skip_incomplete: bool = False,
) -> IndexResult:
    """The index for these years, normalised over their pooled panel. A year for which some
    parameter has no value at all is refused (IndexDataMissing), not ranked on the rest;
    with `skip_incomplete`, such a year is left out of the panel instead, except the last
    (the year asked for), which must be complete."""
    panel = index_panel(years=years, spec=spec, history=history)
    if skip_incomplete:
        kept = [y for y in panel.years[:-1] if not missing_parameters(panel, y, spec)]
        kept.append(panel.years[-1])
        if len(kept) < len(panel.years):
            at = [panel.year_at(y) for y in kept]
            panel = Panel(panel.codes, tuple(kept), panel.parameters, panel.values[:, at, :])
    for year in panel.years:
        missing = missing_parameters(panel, year, spec)
        if missing:
            raise IndexDataMissing(
                NO_DATA_FOR_YEAR.format(year=year, missing=", ".join(f"«{m}»" for m in missing))
            )
    return compute_index(panel, spec, method)


def index_series_fetch(
    *,
    today: date,
    pxweb: PxWebClient | None = None,
    klass: KlassClient | None = None,
    spec: IndexSpec = DEFAULT_SPEC,
    progress: Progress = no_progress,
) -> Fetched:
    """Fetch what the index reads for every municipality valid today from SSB and KLASS,
    writing nothing (raises SyncFailed when SSB fails)."""
    pxweb, klass = pxweb or PxWebClient(), klass or KlassClient()
    progress(0.0, "Henter kommunenes kodehistorikk fra KLASS")
    regions = region_history_fetch(klass=klass, today=today)
    return series_fetch(
        sources=index_sources(spec),
        numbers=sorted(regions.current_codes()),
        regions=regions,
        pxweb=pxweb,
        progress=progress,
    )


def index_series_store(fetched: Fetched, *, progress: Progress = no_progress) -> SyncSummary:
    """Store what was fetched, in one transaction."""
    progress(0.85, "Lagrer tallene")
    with transaction.atomic():
        fetched_store(fetched, now=timezone.now())
    progress(1.0, "Ferdig")
    return fetched.summary


def index_series_sync(
    *,
    today: date,
    pxweb: PxWebClient | None = None,
    klass: KlassClient | None = None,
    spec: IndexSpec = DEFAULT_SPEC,
    progress: Progress = no_progress,
) -> SyncSummary:
    """Fetch and store the index's series for every municipality valid today: nothing is
    written when a fetch fails."""
    fetched = index_series_fetch(
        today=today, pxweb=pxweb, klass=klass, spec=spec, progress=progress
    )
    return index_series_store(fetched, progress=progress)
