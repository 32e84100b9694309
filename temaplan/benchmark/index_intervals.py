"""The rank intervals of Temaplans egen indeks: a Monte Carlo over the choices the ranks
depend on (the theme weights, the normalisation), and the 5–95 % range of each
municipality's rank over its draws.

Pure numpy, no Django. Separate from index.py, which computes the index and its nominal
ranks: this is the uncertainty analysis read off a computed index (OECD/JRC handbook, step
7), with its own parameters (draws, seed, Dirichlet concentration) and its own benchmark
(bench/index_montecarlo.py). docs/index.md gives the method.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .index import (
    MIN_MAX,
    Z_SCORE,
    Floats,
    IndexResult,
    Ints,
    fit_normaliser,
    rank_scores,
    scored_rows,
    theme_scores,
)

__all__ = [
    "DEFAULT_CONCENTRATION",
    "DEFAULT_DRAWS",
    "DEFAULT_SEED",
    "INTERVAL",
    "RankIntervals",
    "monte_carlo_ranks",
    "rank_intervals",
    "rank_quantiles",
]

# Dirichlet concentration around the nominal theme weights: with three equal themes each
# weight is 1/3 ± 0.10 (one standard deviation) over the draws.
DEFAULT_CONCENTRATION = 20.0
DEFAULT_DRAWS = 1000
DEFAULT_SEED = 2024
INTERVAL = (0.05, 0.95)


@dataclass(frozen=True)
class RankIntervals:
    """Per municipality (in `codes` order): the nominal rank and the 5 % and 95 % quantiles
    of its rank over the draws, among the municipalities ranked that year (or the subset)."""

    codes: tuple[str, ...]
    nominal: Ints
    low: Ints
    high: Ints
    median: Ints
    draws: int

    def of(self, code: str) -> tuple[int, int, int]:
        """(low, nominal, high) of a municipality."""
        at = self.codes.index(code)
        return int(self.low[at]), int(self.nominal[at]), int(self.high[at])


def monte_carlo_ranks(
    themes_z: Floats,
    themes_minmax: Floats,
    weights: Floats,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    concentration: float = DEFAULT_CONCENTRATION,
    minmax_share: float = 0.5,
) -> Ints:
    """Ranks in each draw (draws × municipalities), for theme scores under both
    normalisations (municipalities × themes, no NaN). Each draw takes theme weights from a
    Dirichlet distribution with mean `weights` and the given concentration, and min–max
    instead of z-scores with probability `minmax_share`. Ranks within a draw are 1…n
    (equal scores, which continuous data all but never have, are ordered by position)."""
    rng = np.random.default_rng(seed)
    n = themes_z.shape[0]
    drawn = rng.dirichlet(concentration * weights, size=draws)  # draws × themes
    use_minmax = rng.random(draws) < minmax_share
    scores = drawn @ themes_z.T  # draws × municipalities
    scores[use_minmax] = drawn[use_minmax] @ themes_minmax.T
    order = np.argsort(-scores, axis=1)
    ranks = np.empty((draws, n), dtype=np.int64)
    np.put_along_axis(ranks, order, np.arange(1, n + 1, dtype=np.int64)[None, :], axis=1)
    return ranks


def rank_quantiles(ranks: Ints, quantiles: Sequence[float]) -> list[Ints]:
    """Each municipality's rank quantiles over the draws (the smallest rank r with at least
    the share q of the draws at r or better), counted in linear time with bincount."""
    draws, n = ranks.shape
    flat = (np.arange(n, dtype=np.int64)[None, :] * n + (ranks - 1)).ravel()
    counts = np.bincount(flat, minlength=n * n).reshape(n, n)
    share = np.cumsum(counts, axis=1) / draws
    return [(np.argmax(share >= q - 1e-12, axis=1) + 1).astype(np.int64) for q in quantiles]


def rank_intervals(
    result: IndexResult,
    year: int,
    *,
    codes: Iterable[str] | None = None,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    concentration: float = DEFAULT_CONCENTRATION,
) -> RankIntervals:
    """The 5–95 % range of each municipality's rank in `year` over a Monte Carlo of weights
    (Dirichlet around the nominal ones) and normalisation (z-score or min–max, half each,
    both fitted on the pooled panel). With `codes`, ranks among those only (a county, peers).
    Municipalities without a score that year are left out."""
    y = result.panel.year_at(year)
    spec = result.spec
    other = MIN_MAX if result.normaliser.method == Z_SCORE else Z_SCORE
    alternative = fit_normaliser(result.panel.values, spec.directions, other)
    themes_other, _ = theme_scores(alternative.apply(result.panel.values), spec.membership)
    themes_z, themes_mm = (
        (result.themes, themes_other) if other == MIN_MAX else (themes_other, result.themes)
    )
    rows = scored_rows(result, y, codes)
    ranks = monte_carlo_ranks(
        themes_z[rows, y],
        themes_mm[rows, y],
        spec.weights,
        draws=draws,
        seed=seed,
        concentration=concentration,
    )
    low, median, high = rank_quantiles(ranks, (INTERVAL[0], 0.5, INTERVAL[1]))
    nominal = rank_scores(result.scores[rows, y])
    return RankIntervals(
        tuple(result.panel.codes[r] for r in rows), nominal, low, high, median, draws
    )
