"""Temaplans egen indeks: an open composite index of municipalities, computed from SSB.

Pure numpy, no Django. The steps follow the OECD/JRC *Handbook on Constructing Composite
Indicators* (2008): parameters grouped in themes, each normalised over the pooled panel of
municipalities and years, given a direction, averaged within its theme, and the themes
summed with weights; then ranked, with a Monte Carlo over the choices the ranks depend on
(weights, normalisation) for their uncertainty. docs/index.md gives the method in full.

This module holds the index itself:

- A `Panel` holds the raw values: municipalities × years × parameters, NaN where missing.
- `compute_index` normalises (z-score by default, or min–max), aggregates and ranks each
  year: rank 1 is best; municipalities with equal scores share the better rank (1, 2, 2, 4);
  a municipality missing every parameter of some theme that year is not ranked (UNRANKED).

What is read off a computed index lives beside it: the Monte Carlo rank intervals in
index_intervals.py, and what moves a rank (gain one place, a rank change split into own and
others', ranks within a county or peer group) in index_moves.py.

Every normalisation is affine per parameter (normalised = offset + slope × raw), and the
aggregation is linear, so a municipality's score is linear in each of its raw values; that
is what makes the gain-one-place figure a closed form.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = [
    "DEFAULT_METHOD",
    "DEFAULT_SPEC",
    "METHODS",
    "UNRANKED",
    "IndexResult",
    "IndexSpec",
    "Normaliser",
    "Panel",
    "Parameter",
    "Theme",
    "aggregate",
    "compute_index",
    "fit_normaliser",
    "rank_scores",
    "scored_rows",
    "theme_scores",
]

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

INDEX_NAME = "Temaplans egen indeks"
UNRANKED = 0  # the rank of a municipality without a score that year
Z_SCORE = "z"
MIN_MAX = "minmax"
METHODS = {Z_SCORE: "z-skår", MIN_MAX: "min–maks"}
# z-scores: each parameter gets the same spread (standard deviation 1 over the pooled panel),
# so the nominal weights are the weights the parameters really get, and one extreme
# municipality (a small one with a big swing) compresses the others less than it does under
# min–max. Min–max is the alternative in the Monte Carlo. See docs/index.md.
DEFAULT_METHOD = Z_SCORE

UNKNOWN_METHOD = "Ukjent normalisering «{method}»; velg {known}."
UNKNOWN_CODE = "Kommunenummeret «{code}» er ikke med i indeksen."
UNKNOWN_YEAR = "Året {year} er ikke med i indeksen (den har {years})."


@dataclass(frozen=True)
class Theme:
    key: str
    name: str
    weight: float  # nominal, before the weights are scaled to sum to 1


@dataclass(frozen=True)
class Parameter:
    key: str  # the statistics formula it is computed by (temaplan.statistics.formulas)
    name: str
    theme: str  # a Theme key
    higher_is_better: bool = True
    table: str = ""  # the SSB tables it reads, for the documentation and the CLI


@dataclass(frozen=True)
class IndexSpec:
    themes: tuple[Theme, ...]
    parameters: tuple[Parameter, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.parameters)

    @property
    def weights(self) -> Floats:
        """The theme weights, scaled to sum to 1."""
        raw = np.array([t.weight for t in self.themes], dtype=np.float64)
        scaled: Floats = raw / raw.sum()
        return scaled

    @property
    def membership(self) -> Floats:
        """(parameters × themes) 1 where the parameter belongs to the theme."""
        at = {t.key: i for i, t in enumerate(self.themes)}
        out = np.zeros((len(self.parameters), len(self.themes)))
        for p, parameter in enumerate(self.parameters):
            out[p, at[parameter.theme]] = 1.0
        return out

    @property
    def directions(self) -> Floats:
        return np.array([1.0 if p.higher_is_better else -1.0 for p in self.parameters])


DEFAULT_SPEC = IndexSpec(
    themes=(
        Theme("demografi", "Demografi", 1.0),
        Theme("arbeidsmarked", "Arbeidsmarked", 1.0),
        Theme("naeringsliv", "Næringsliv", 1.0),
    ),
    parameters=(
        Parameter(
            "population_growth_3y", "Befolkningsvekst siste tre år", "demografi", True, "07459"
        ),
        Parameter(
            "working_age_share", "Andel i yrkesaktiv alder (20–66 år)", "demografi", True, "07459"
        ),
        Parameter(
            "young_share_of_working_age",
            "Andel unge (20–39 år) blant de yrkesaktive (20–66 år)",
            "demografi",
            True,
            "07459",
        ),
        Parameter(
            "employment_rate_of_residents",
            "Sysselsettingsandel blant bosatte 15–74 år",
            "arbeidsmarked",
            True,
            "11618",
        ),
        Parameter(
            "share_working_in_home_municipality",
            "Andel sysselsatte bosatte som jobber i egen kommune",
            "arbeidsmarked",
            True,
            "03321, 11618",
        ),
        Parameter("job_growth", "Vekst i arbeidsplasser siste år", "naeringsliv", True, "11618"),
        Parameter(
            "jobs_per_employed_resident",
            "Arbeidsplassdekning (arbeidsplasser per 100 sysselsatte bosatte)",
            "naeringsliv",
            True,
            "11618",
        ),
    ),
)


@dataclass(frozen=True)
class Panel:
    """Raw parameter values: municipalities × years × parameters (NaN where missing)."""

    codes: tuple[str, ...]
    years: tuple[int, ...]
    parameters: tuple[str, ...]
    values: Floats

    @classmethod
    def from_values(
        cls,
        values: Mapping[str, Mapping[str, Mapping[int, float | None]]],
        *,
        codes: Sequence[str],
        years: Sequence[int],
        parameters: Sequence[str],
    ) -> Panel:
        """From {parameter: {code: {year: value or None}}}."""
        out = np.full((len(codes), len(years), len(parameters)), np.nan)
        for p, key in enumerate(parameters):
            by_code = values.get(key, {})
            for c, code in enumerate(codes):
                series = by_code.get(code, {})
                for y, year in enumerate(years):
                    value = series.get(year)
                    if value is not None:
                        out[c, y, p] = float(value)
        return cls(tuple(codes), tuple(years), tuple(parameters), out)

    def code_at(self, code: str) -> int:
        try:
            return self.codes.index(code)
        except ValueError:
            raise KeyError(UNKNOWN_CODE.format(code=code)) from None

    def year_at(self, year: int) -> int:
        try:
            return self.years.index(year)
        except ValueError:
            shown = ", ".join(str(y) for y in self.years)
            raise KeyError(UNKNOWN_YEAR.format(year=year, years=shown)) from None

    def with_value(self, code: str, year: int, parameter: str, value: float) -> Panel:
        """A copy with one raw value changed."""
        values = self.values.copy()
        values[self.code_at(code), self.year_at(year), self.parameters.index(parameter)] = value
        return Panel(self.codes, self.years, self.parameters, values)


@dataclass(frozen=True)
class Normaliser:
    """Per parameter, normalised = offset + slope × raw (the direction included)."""

    method: str
    offset: Floats
    slope: Floats

    def apply(self, values: Floats) -> Floats:
        result: Floats = self.offset + self.slope * values
        return result


def fit_normaliser(values: Floats, directions: Floats, method: str = DEFAULT_METHOD) -> Normaliser:
    """Fit on the pooled panel: every value of each parameter (last axis), all municipalities
    and years together, NaN left out.

    z-score: (x − mean) / standard deviation; min–max: (x − min) / (max − min), so 0 is the
    panel's worst and 1 its best. A parameter where lower is better is turned round
    (−z, or (max − x) / (max − min)). A parameter with no spread gets slope 0: it moves no one.
    """
    if method not in METHODS:
        known = " eller ".join(f"«{m}»" for m in METHODS)
        raise ValueError(UNKNOWN_METHOD.format(method=method, known=known))
    pooled = values.reshape(-1, values.shape[-1])
    seen = ~np.isnan(pooled)
    count = np.maximum(seen.sum(axis=0), 1)
    if method == Z_SCORE:
        mean = np.where(seen, pooled, 0.0).sum(axis=0) / count
        spread = np.sqrt((np.where(seen, pooled - mean, 0.0) ** 2).sum(axis=0) / count)
        base = mean
    else:
        low = np.where(seen, pooled, np.inf).min(axis=0)
        high = np.where(seen, pooled, -np.inf).max(axis=0)
        spread = np.where(seen.any(axis=0), high - low, 0.0)
        # Lower is better: (max − x)/(max − min) = 1 − (x − min)/(max − min).
        base = np.where(seen.any(axis=0), np.where(directions > 0, low, high), 0.0)
    scale = np.where(spread > 0, spread, np.inf)
    slope = directions / scale
    offset = -slope * base
    return Normaliser(method, offset.astype(np.float64), slope.astype(np.float64))


def theme_scores(normalised: Floats, membership: Floats) -> tuple[Floats, Floats]:
    """The mean of each theme's available normalised parameters (last axis → themes), and
    how many each had; NaN where a theme has none."""
    present = (~np.isnan(normalised)).astype(np.float64)
    filled = np.nan_to_num(normalised, nan=0.0)
    counts: Floats = present @ membership
    with np.errstate(invalid="ignore", divide="ignore"):
        means: Floats = np.where(counts > 0, (filled @ membership) / counts, np.nan)
    return means, counts


def aggregate(themes: Floats, weights: Floats) -> Floats:
    """The weighted sum of the theme scores (last axis); NaN when a theme is missing."""
    result: Floats = themes @ weights
    return result


def rank_scores(scores: Floats) -> Ints:
    """Ranks of one year's scores: 1 for the highest; equal scores share the better rank
    (1, 2, 2, 4); NaN gets UNRANKED."""
    ranks = np.full(scores.shape, UNRANKED, dtype=np.int64)
    valid = ~np.isnan(scores)
    ascending = np.sort(scores[valid])
    # 1 + how many are strictly higher.
    above = ascending.size - np.searchsorted(ascending, scores[valid], side="right")
    ranks[valid] = above + 1
    return ranks


@dataclass(frozen=True)
class IndexResult:
    panel: Panel
    spec: IndexSpec
    normaliser: Normaliser
    normalised: Floats  # municipalities × years × parameters
    themes: Floats  # municipalities × years × themes
    counts: Floats  # parameters available per theme: municipalities × years × themes
    scores: Floats  # municipalities × years
    ranks: Ints  # municipalities × years, UNRANKED where no score
    theme_ranks: Ints  # municipalities × years × themes

    def rank(self, code: str, year: int) -> int:
        return int(self.ranks[self.panel.code_at(code), self.panel.year_at(year)])

    def score(self, code: str, year: int) -> float:
        return float(self.scores[self.panel.code_at(code), self.panel.year_at(year)])

    def ranked(self, year: int) -> int:
        """How many municipalities have a rank that year."""
        return int(np.sum(self.ranks[:, self.panel.year_at(year)] != UNRANKED))


def compute_index(
    panel: Panel,
    spec: IndexSpec = DEFAULT_SPEC,
    method: str = DEFAULT_METHOD,
    *,
    normaliser: Normaliser | None = None,
) -> IndexResult:
    """Normalise over the pooled panel (or with a normaliser already fitted), aggregate, and
    rank each year among the municipalities with a score."""
    if panel.parameters != spec.keys:
        raise ValueError("Panelet og indeksen har ikke de samme parameterne i samme rekkefølge.")
    normaliser = normaliser or fit_normaliser(panel.values, spec.directions, method)
    normalised = normaliser.apply(panel.values)
    themes, counts = theme_scores(normalised, spec.membership)
    scores = aggregate(themes, spec.weights)
    ranks = np.stack([rank_scores(scores[:, y]) for y in range(len(panel.years))], axis=1)
    theme_ranks = np.stack(
        [
            np.stack([rank_scores(themes[:, y, t]) for y in range(len(panel.years))], axis=1)
            for t in range(len(spec.themes))
        ],
        axis=2,
    )
    return IndexResult(
        panel, spec, normaliser, normalised, themes, counts, scores, ranks, theme_ranks
    )


def scored_rows(result: IndexResult, y: int, codes: Iterable[str] | None) -> Ints:
    """The panel rows with a score in year `y`, among `codes` if given (in panel order)."""
    scored = ~np.isnan(result.scores[:, y])
    if codes is not None:
        wanted = np.zeros(len(result.panel.codes), dtype=bool)
        for code in codes:
            wanted[result.panel.code_at(code)] = True
        scored &= wanted
    return np.flatnonzero(scored).astype(np.int64)
