"""Weights for municipalities that were split: how much of the old area went to each new code.

Pure Python, no Django. KLASS says only that an old code went to several new ones, so without
weights each part gets an equal share (regions.CodeHistory), which can be badly wrong: when
1507 Ålesund was split in 2024, 1580 Haram got about 9,400 of about 67,000 inhabitants, not
half. Two sources of better weights, used by compute.code_history():

- A *clean* split, whose new codes are made of the old area alone (CodeHistory.is_clean_split),
  is weighted by the new codes' population on 1 January of the year the split took effect
  (table 07459): the first count on the new borders. 1507 → 1508 + 1580 is one.
- Known weights for codes older than the split code: HARAM_2024_ORIGIN_WEIGHTS says where each
  of the five municipalities merged into 1507 in 2020 went in 2024, which makes 2019 and
  earlier exact (the new Haram has the borders of the old 1534 Haram).

Other splits (5012 Snillfjord and 1850 Tysfjord in 2020, whose parts joined neighbours) keep
equal shares. Every weighted part is still flagged `is_split` where it is an estimate.
"""

from __future__ import annotations

from collections.abc import Mapping

from .regions import CodeHistory

#: Where the five municipalities merged into 1507 Ålesund in 2020 went at the 2024 split: the new
#: 1580 Haram has the borders of the old 1534 Haram (population 1 January 2018: 9,345; 1580 on
#: 1 January 2024: 9,357), the rest stayed in 1508 Ålesund. Keyed as `split_weights` by the
#: *pre-2020* code, so it applies to series published for 2019 and earlier only. Series published
#: for 2020–2023 (code 1507) still need a weight for ("1507", "1508"/"1580", 2024).
HARAM_2024_ORIGIN_WEIGHTS: dict[tuple[str, str, int], float] = {
    ("1504", "1508", 2024): 1.0,  # Ålesund
    ("1504", "1580", 2024): 0.0,
    ("1523", "1508", 2024): 1.0,  # Ørskog
    ("1523", "1580", 2024): 0.0,
    ("1529", "1508", 2024): 1.0,  # Skodje
    ("1529", "1580", 2024): 0.0,
    ("1534", "1508", 2024): 0.0,  # Haram
    ("1534", "1580", 2024): 1.0,
    ("1546", "1508", 2024): 1.0,  # Sandøy
    ("1546", "1580", 2024): 0.0,
}

# (code, year) -> persons on 1 January of the year, or None when not known.
Population = Mapping[tuple[str, int], float | None]


def population_needed(history: CodeHistory) -> set[tuple[str, int]]:
    """The (new code, year) populations that would weight the history's clean splits."""
    return {
        (new, occurred.year)
        for old, news, occurred in history.splits()
        if history.is_clean_split(old, occurred)
        for new in news
    }


def population_split_weights(
    history: CodeHistory, population: Population
) -> dict[tuple[str, str, int], float]:
    """(old, new, year) -> share, for each clean split whose new codes' populations are all
    known and positive. Splits without them are left out (and keep equal shares)."""
    weights: dict[tuple[str, str, int], float] = {}
    for old, news, occurred in history.splits():
        if not history.is_clean_split(old, occurred):
            continue
        persons = [population.get((new, occurred.year)) for new in news]
        if any(p is None or p <= 0 for p in persons):
            continue
        total = sum(persons)  # type: ignore[arg-type]  # no None left
        for new, p in zip(news, persons, strict=True):
            weights[(old, new, occurred.year)] = p / total  # type: ignore[operator]
    return weights


def known_split_weights(history: CodeHistory) -> dict[tuple[str, str, int], float]:
    """HARAM_2024_ORIGIN_WEIGHTS when the history has the 2024 split of 1507 and reaches back
    before 2020 (otherwise the weights would name codes it does not know)."""
    splits = {(old, occurred.year): set(news) for old, news, occurred in history.splits()}
    if splits.get(("1507", 2024)) != {"1508", "1580"} or history.since.year > 2019:
        return {}
    return dict(HARAM_2024_ORIGIN_WEIGHTS)


def split_weights(
    history: CodeHistory, population: Population
) -> dict[tuple[str, str, int], float]:
    """Every weight Temaplan knows for the history's splits."""
    return {**population_split_weights(history, population), **known_split_weights(history)}
