"""The figures of the page of Temaplans egen indeks for one plan and year. Pure: no Django.

From an `IndexResult` (index.py) and the national rank intervals it assembles what the page
shows, in Norwegian: the municipality's rank with its 5–95 % interval, its theme ranks, the
change since the year before split into its own and the others' part, what each parameter
must do to gain one place (in the parameter's unit), and the county and peer views, each
with the intervals of that set. The page (index_views.py) only renders it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from temaplan.core.formatting import MINUS, NBSP, number

from .index import UNRANKED, IndexResult
from .index_intervals import RankIntervals, rank_intervals
from .index_moves import gain_one_place, rank_change

UP, DOWN, SAME = "opp {n} {places}", "ned {n} {places}", "uendret"

# The unit of each parameter (index.DEFAULT_SPEC): how its value and its change are written,
# and whether it is a share that cannot go below 0 or above 100.
PERCENT, PER_100 = "%", "per 100"
UNITS: dict[str, tuple[str, bool]] = {
    "population_growth_3y": (PERCENT, False),
    "working_age_share": (PERCENT, True),
    "young_share_of_working_age": (PERCENT, True),
    "employment_rate_of_residents": (PERCENT, True),
    "share_working_in_home_municipality": (PERCENT, True),
    "job_growth": (PERCENT, False),
    "jobs_per_employed_resident": (PER_100, False),
}
CHANGE_UNIT = {PERCENT: "prosentpoeng", PER_100: "arbeidsplasser per 100 sysselsatte bosatte"}
NO_VALUE = "Kommunen har ingen verdi for dette året."
NO_SPREAD = "Parameteren varierer ikke mellom kommunene og flytter ingen."
OUT_OF_RANGE = "Ikke mulig: en andel kan ikke være under 0 eller over 100 %."


def places(change: int) -> str:
    """A change of rank in words: −2 → «opp 2 plasser» (ranks count down)."""
    if change == 0:
        return SAME
    n = abs(change)
    text = UP if change < 0 else DOWN
    return text.format(n=n, places="plass" if n == 1 else "plasser")


def signed(value: float, decimals: int) -> str:
    """+0,25 or −1,50 (a real minus sign)."""
    text = number(value, decimals)
    return text if text.startswith(MINUS) or text.strip("0,") == "" else "+" + text


def change_decimals(value: float) -> int:
    """Enough decimals that a small change is not shown as 0."""
    return 2 if abs(value) >= 0.01 else 4


def unit_value(key: str, value: float | None) -> str:
    """A raw value in its unit: «61,2 %», «78,4»."""
    if value is None:
        return "–"
    unit, _bounded = UNITS.get(key, ("", False))
    text = number(value, 1)
    return f"{text}{NBSP}%" if unit == PERCENT else text


@dataclass(frozen=True)
class Place:
    """A municipality in one view (the country, the county, the peers)."""

    code: str
    name: str
    rank: int  # within the view
    low: int  # 5 % quantile of the rank over the draws, within the view
    high: int  # 95 % quantile
    national: int  # the rank among all municipalities
    own: bool  # the plan's municipality

    @property
    def interval(self) -> str:
        return f"{self.low}.–{self.high}."


@dataclass(frozen=True)
class ThemePlace:
    name: str
    rank: int  # UNRANKED when the theme has no figures for the municipality
    ranked: int  # how many municipalities have a rank in the theme


@dataclass(frozen=True)
class GainRow:
    parameter: str  # its name
    table: str  # the SSB tables it reads
    value: str  # now, in its unit
    target: str  # the value at which it draws level with the next one ahead
    change: str  # the change, signed, in its unit («+0,30 prosentpoeng»)
    note: str  # why there is no figure, or why the figure cannot happen


@dataclass(frozen=True)
class ChangeSplit:
    year_from: int
    rank_from: int
    rank_to: int
    change: str  # «opp 2 plasser»
    own: str
    others: str


@dataclass(frozen=True)
class IndexView:
    year: int
    years: tuple[int, ...]  # the pooled panel the normalisation is fitted on
    ranked: int
    draws: int
    code: str
    name: str
    own: Place | None  # None when the municipality is not ranked this year
    themes: tuple[ThemePlace, ...]
    change: ChangeSplit | None
    gains: tuple[GainRow, ...]
    passes: str | None  # the name of the municipality the gains would pass
    county: str  # its name (today's county)
    county_places: tuple[Place, ...]
    peer_places: tuple[Place, ...]  # the peers and the municipality, within that set
    national_places: tuple[Place, ...]  # the same, with their national ranks (the chart)
    unranked_peers: tuple[str, ...]  # names of peers without a rank this year
    unknown_peers: tuple[str, ...]  # peers whose number is not a municipality today

    @property
    def first(self) -> bool:
        return self.own is not None and self.own.rank == 1


def _places(
    intervals: RankIntervals,
    result: IndexResult,
    year: int,
    names: Mapping[str, str],
    own: str,
) -> tuple[Place, ...]:
    y = result.panel.year_at(year)
    rows = []
    for at, code in enumerate(intervals.codes):
        national = int(result.ranks[result.panel.code_at(code), y])
        rows.append(
            Place(
                code=code,
                name=names.get(code, code),
                rank=int(intervals.nominal[at]),
                low=int(intervals.low[at]),
                high=int(intervals.high[at]),
                national=national,
                own=code == own,
            )
        )
    return tuple(sorted(rows, key=lambda p: (p.rank, p.name)))


def _gain_rows(result: IndexResult, code: str, year: int) -> tuple[list[GainRow], str | None]:
    gains = gain_one_place(result, code, year)
    parameters = {p.key: p for p in result.spec.parameters}
    passes = next((g.passes for g in gains if g.passes), None)
    rows = []
    for gain in gains:
        parameter = parameters[gain.parameter]
        unit, bounded = UNITS.get(gain.parameter, ("", False))
        note = ""
        if gain.value is None:
            note = NO_VALUE
        elif gain.change is None and passes is not None:
            note = NO_SPREAD
        change = "–"
        if gain.change is not None:
            change = signed(gain.change, change_decimals(gain.change))
            if unit in CHANGE_UNIT:
                change += f" {CHANGE_UNIT[unit]}"
            target = gain.target
            if bounded and target is not None and not 0 <= target <= 100:
                note = OUT_OF_RANGE
        rows.append(
            GainRow(
                parameter=parameter.name,
                table=parameter.table,
                value=unit_value(gain.parameter, gain.value),
                target=unit_value(gain.parameter, gain.target),
                change=change,
                note=note,
            )
        )
    return rows, passes


def index_view(
    result: IndexResult,
    national: RankIntervals,
    *,
    year: int,
    code: str,
    names: Mapping[str, str],
    county: str,
    peers: Mapping[str, str],
    seed: int,
) -> IndexView:
    """The page's figures for municipality `code` in `year`.

    `national` is `rank_intervals(result, year)` over every municipality (the expensive part,
    cached by the caller); the county (today's: the first two digits of today's number) and
    the peers (today's number → the name the plan gave it) get intervals of their own,
    ranked within the set, with the same draws and seed."""
    y = result.panel.year_at(year)
    c = result.panel.code_at(code)
    ranked_codes = set(national.codes)
    own_place = None
    themes: list[ThemePlace] = []
    gains: list[GainRow] = []
    passes = None
    split = None
    if code in ranked_codes:
        at = national.codes.index(code)
        own_place = Place(
            code,
            names.get(code, code),
            int(national.nominal[at]),
            int(national.low[at]),
            int(national.high[at]),
            int(national.nominal[at]),
            True,
        )
        for t, theme in enumerate(result.spec.themes):
            column = result.theme_ranks[:, y, t]
            themes.append(ThemePlace(theme.name, int(column[c]), int((column != UNRANKED).sum())))
        gains, passed = _gain_rows(result, code, year)
        passes = names.get(passed, passed) if passed else None
        if year - 1 in result.panel.years:
            moved = rank_change(result, code, year - 1, year)
            if moved is not None:
                split = ChangeSplit(
                    moved.year_from,
                    moved.rank_from,
                    moved.rank_to,
                    places(moved.change),
                    places(moved.own),
                    places(moved.others),
                )
    in_county = [k for k in national.codes if k[:2] == code[:2]]
    county_places: tuple[Place, ...] = ()
    if in_county:
        within = rank_intervals(result, year, codes=in_county, draws=national.draws, seed=seed)
        county_places = _places(within, result, year, names, code)
    known = set(result.panel.codes)
    unknown = tuple(f"{peers[p]} ({p})" if peers[p] else p for p in peers if p not in known)
    group = list(dict.fromkeys([code, *(p for p in peers if p in known)]))
    scored = [k for k in group if k in ranked_codes]
    unranked = tuple(names.get(k, k) for k in group if k not in ranked_codes and k != code)
    peer_places: tuple[Place, ...] = ()
    national_places: tuple[Place, ...] = ()
    if len(group) > 1 and scored:
        within = rank_intervals(result, year, codes=scored, draws=national.draws, seed=seed)
        peer_places = _places(within, result, year, names, code)
    if scored:
        rows = [national.codes.index(k) for k in scored]
        national_places = tuple(
            sorted(
                (
                    Place(
                        k,
                        names.get(k, k),
                        int(national.nominal[r]),
                        int(national.low[r]),
                        int(national.high[r]),
                        int(national.nominal[r]),
                        k == code,
                    )
                    for k, r in zip(scored, rows, strict=True)
                ),
                key=lambda p: (p.rank, p.name),
            )
        )
    return IndexView(
        year=year,
        years=result.panel.years,
        ranked=len(national.codes),
        draws=national.draws,
        code=code,
        name=names.get(code, code),
        own=own_place,
        themes=tuple(themes),
        change=split,
        gains=tuple(gains),
        passes=passes,
        county=county,
        county_places=county_places,
        peer_places=peer_places,
        national_places=national_places,
        unranked_peers=unranked,
        unknown_peers=unknown,
    )
