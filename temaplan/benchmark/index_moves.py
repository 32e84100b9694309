"""What moves a municipality's rank in Temaplans egen indeks, read off a computed index.

- `gain_one_place`: how much each raw value must change to pass the next municipality ahead.
- `rank_change`: a change of rank between two years, split into own and others' change.
- `ranks_within`: the rank within a set of codes (a county, a peer group).

Pure numpy, no Django. Separate from index.py, which computes the index: these are the
explanations the index page and the CLI give of one municipality's rank. The gain-one-place
figure is a closed form because the score is linear in each raw value (see index.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .index import UNRANKED, Floats, IndexResult, rank_scores, scored_rows

__all__ = ["Gain", "RankChange", "gain_one_place", "rank_change", "ranks_within", "score_slopes"]


@dataclass(frozen=True)
class Gain:
    """What one parameter must do for the municipality to pass the next one ahead."""

    parameter: str
    value: float | None  # the raw value now
    change: float | None  # the raw change at which it draws level (just beyond it, passes)
    passes: str | None  # the code of the municipality passed

    @property
    def target(self) -> float | None:
        if self.value is None or self.change is None:
            return None
        return self.value + self.change


def score_slopes(result: IndexResult, code: str, year: int) -> Floats:
    """How much the municipality's score moves per unit of each raw value (the normaliser
    held fixed): theme weight ÷ parameters available in the theme × normalisation slope;
    0 for a parameter it lacks."""
    c, y = result.panel.code_at(code), result.panel.year_at(year)
    spec = result.spec
    membership = spec.membership
    counts = result.counts[c, y] @ membership.T  # parameters available in each one's theme
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(counts > 0, (membership @ spec.weights) / counts, 0.0)
    present = ~np.isnan(result.panel.values[c, y])
    slopes: Floats = np.where(present, share * result.normaliser.slope, 0.0)
    return slopes


def gain_one_place(result: IndexResult, code: str, year: int) -> list[Gain]:
    """For each parameter, the change in its raw value (the others fixed, the normalisation
    as fitted on the panel) that lifts the score to the next higher score that year.

    Closed form from the linear aggregation: change = (next score − own score) ÷ slope.
    None when the municipality is first or unranked, lacks the parameter, or the parameter
    cannot move it (no spread in the panel)."""
    c, y = result.panel.code_at(code), result.panel.year_at(year)
    own = result.scores[c, y]
    scores = result.scores[:, y]
    ahead = scores[~np.isnan(scores) & (scores > own)] if not np.isnan(own) else scores[:0]
    slopes = score_slopes(result, code, year)
    gains = []
    if ahead.size:
        nearest = float(ahead.min())
        passed = result.panel.codes[int(np.flatnonzero(scores == nearest)[0])]
    for p, key in enumerate(result.panel.parameters):
        raw = result.panel.values[c, y, p]
        value = None if np.isnan(raw) else float(raw)
        if not ahead.size or value is None or slopes[p] == 0:
            gains.append(Gain(key, value, None, None))
            continue
        gains.append(Gain(key, value, float((nearest - own) / slopes[p]), passed))
    return gains


@dataclass(frozen=True)
class RankChange:
    """A change of rank from one year to another, split in two. Ranks count down: a negative
    change is a move up the list.

    own: the rank this year's own score would have had among last year's others, minus last
    year's rank (what the municipality's own figures did); others: the rest, this year's rank
    minus that rank (what the others' figures did). own + others = change."""

    code: str
    year_from: int
    year_to: int
    rank_from: int
    rank_to: int
    counterfactual: int  # this year's own score among last year's others

    @property
    def change(self) -> int:
        return self.rank_to - self.rank_from

    @property
    def own(self) -> int:
        return self.counterfactual - self.rank_from

    @property
    def others(self) -> int:
        return self.rank_to - self.counterfactual


def rank_change(result: IndexResult, code: str, year_from: int, year_to: int) -> RankChange | None:
    """The split of the municipality's rank change; None when it is unranked in either year.
    Scores are comparable across years because the normalisation is pooled over them."""
    c = result.panel.code_at(code)
    a, b = result.panel.year_at(year_from), result.panel.year_at(year_to)
    rank_from, rank_to = int(result.ranks[c, a]), int(result.ranks[c, b])
    if UNRANKED in (rank_from, rank_to):
        return None
    others = np.delete(result.scores[:, a], c)
    others = others[~np.isnan(others)]
    counterfactual = 1 + int(np.sum(others > result.scores[c, b]))
    return RankChange(code, year_from, year_to, rank_from, rank_to, counterfactual)


# -- County and peer views ------------------------------------------------------------------


def ranks_within(result: IndexResult, codes: Iterable[str], year: int) -> dict[str, int]:
    """The rank of each of `codes` among those codes alone (a county's municipalities, a
    peer group), ties sharing the better rank; codes without a score that year are left out."""
    y = result.panel.year_at(year)
    rows = scored_rows(result, y, list(codes))
    ranks = rank_scores(result.scores[rows, y])
    return {result.panel.codes[r]: int(rank) for r, rank in zip(rows, ranks, strict=True)}
