"""Summing counts published under old region codes to chosen borders. Pure: no Django.

Counts (persons, jobs) add up across a merger, so a merged municipality's earlier value is the
sum of its predecessors'. A split hands each new code a weighted share of the old code's count
and the result is flagged: the weights are estimates (population shares where split_weights.py
knows them, equal shares otherwise).
Ratios are never harmonised: formulas compute them afterwards from harmonised counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

# (region as published, year) -> value
Published = Mapping[tuple[str, int], float | None]
# (home region, work region, year) -> value
PublishedPairs = Mapping[tuple[str, str, int], float | None]
# year -> {published code: [(target code, weight, is_split)]}
YearMaps = Mapping[int, Mapping[str, list[tuple[str, float, bool]]]]


@dataclass
class Harmonised:
    """Values per target code and year, with the codes that carry a split share."""

    values: dict[str, dict[int, float | None]] = field(default_factory=dict)
    split: set[tuple[str, int]] = field(default_factory=set)
    incomplete: set[tuple[str, int]] = field(default_factory=set)

    def series(self, code: str) -> dict[int, float | None]:
        return self.values.get(code, {})


def harmonise_counts(published: Published, maps: YearMaps, years: Iterable[int]) -> Harmonised:
    """Sum each year's published counts to the target codes of `maps`.

    A target whose predecessor has no value (missing or suppressed) gets None for that year
    rather than a sum that silently leaves part of its area out.
    """
    result = Harmonised()
    sums: dict[tuple[str, int], float] = defaultdict(float)
    for year in years:
        for code, targets in maps[year].items():
            value = published.get((code, year))
            for target, weight, is_split in targets:
                key = (target, year)
                if value is None:
                    result.incomplete.add(key)
                    continue
                sums[key] += weight * value
                if is_split:
                    result.split.add(key)
    for (target, year), total in sums.items():
        result.values.setdefault(target, {})[year] = (
            None if (target, year) in result.incomplete else total
        )
    for target, year in result.incomplete:
        result.values.setdefault(target, {})[year] = None
    return result


def harmonise_within(pairs: PublishedPairs, maps: YearMaps, years: Iterable[int]) -> Harmonised:
    """For a home × work matrix: per target code, everyone who lives and works inside its area.

    A pair counts when the home and the work region map to the same target, so commuting
    between two municipalities that later merged becomes working at home. For a split home
    code the pair gets the home code's weight (an approximation, and flagged).
    """
    result = Harmonised()
    sums: dict[tuple[str, int], float] = defaultdict(float)
    seen: set[tuple[str, int]] = set()
    for (home, work, year), value in pairs.items():
        if year not in maps:
            continue
        year_map = maps[year]
        work_targets = {target for target, _w, _s in year_map.get(work, [])}
        for target, weight, is_split in year_map.get(home, []):
            if target not in work_targets:
                continue
            key = (target, year)
            seen.add(key)
            if value is None:
                result.incomplete.add(key)
                continue
            sums[key] += weight * value
            if is_split:
                result.split.add(key)
    for key in seen:
        target, year = key
        result.values.setdefault(target, {})[year] = None if key in result.incomplete else sums[key]
    return result


def pairs_worth_keeping(
    home: str, work: str, year_map: Mapping[str, list[tuple[str, float, bool]]]
) -> bool:
    """Whether a commuting pair can ever count as "working at home": same code, or two codes
    that end up in the same municipality. The rest of the matrix is not stored."""
    if home == work:
        return True
    home_targets = {t for t, _w, _s in year_map.get(home, [])}
    return any(t in home_targets for t, _w, _s in year_map.get(work, []))
