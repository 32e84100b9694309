"""Temaplans egen indeks, the pure part (temaplan.benchmark.index, index_intervals and
index_moves): normalisation, aggregation, ranks, rank intervals, the gain-one-place figure and
the split of a rank change. No database."""

import numpy as np
import pytest

from temaplan.benchmark.index import (
    DEFAULT_SPEC,
    MIN_MAX,
    UNRANKED,
    Z_SCORE,
    IndexSpec,
    Panel,
    Parameter,
    Theme,
    aggregate,
    compute_index,
    fit_normaliser,
    rank_scores,
    theme_scores,
)
from temaplan.benchmark.index_intervals import monte_carlo_ranks, rank_intervals, rank_quantiles
from temaplan.benchmark.index_moves import gain_one_place, rank_change, ranks_within

NAN = float("nan")
SQRT_3_2 = np.sqrt(1.5)

# One parameter per theme unless said: the smallest index that still has themes.
ONE = IndexSpec((Theme("t", "T", 1.0),), (Parameter("a", "A", "t"),))
# Two themes weighted 1 : 3; theme s has two parameters, b lower-is-better.
TWO = IndexSpec(
    (Theme("s", "S", 1.0), Theme("t", "T", 3.0)),
    (
        Parameter("a", "A", "s"),
        Parameter("b", "B", "s", higher_is_better=False),
        Parameter("c", "C", "t"),
    ),
)


def panel(values, spec=ONE, years=None):
    """A panel from municipalities × years × parameters (a list of lists of lists)."""
    array = np.array(values, dtype=float)
    codes = tuple(f"{i + 1:04d}" for i in range(array.shape[0]))
    years = tuple(years or range(2020, 2020 + array.shape[1]))
    return Panel(codes, years, spec.keys, array)


# -- normalisation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "higher_is_better", "values", "expected"),
    [
        (Z_SCORE, True, [1, 2, 3], [-SQRT_3_2, 0, SQRT_3_2]),
        (Z_SCORE, False, [1, 2, 3], [SQRT_3_2, 0, -SQRT_3_2]),
        (MIN_MAX, True, [1, 2, 3], [0, 0.5, 1]),
        (MIN_MAX, False, [1, 2, 3], [1, 0.5, 0]),
        (MIN_MAX, True, [10, 20, 50], [0, 0.25, 1]),
        # Missing values are left out of the fit and stay missing.
        (Z_SCORE, True, [1, NAN, 3], [-1, NAN, 1]),
        (MIN_MAX, False, [NAN, 4, 8], [NAN, 1, 0]),
        # No spread: the parameter moves no one.
        (Z_SCORE, True, [5, 5, 5], [0, 0, 0]),
        (MIN_MAX, True, [5, 5, NAN], [0, 0, NAN]),
        # Nothing at all: nothing to normalise.
        (Z_SCORE, True, [NAN, NAN], [NAN, NAN]),
    ],
)
def test_normalisation_over_the_panel_gives_each_value_its_place(
    method, higher_is_better, values, expected
):
    raw = np.array(values, dtype=float).reshape(-1, 1)
    normaliser = fit_normaliser(raw, np.array([1.0 if higher_is_better else -1.0]), method)
    np.testing.assert_allclose(normaliser.apply(raw).ravel(), expected, equal_nan=True)


@pytest.mark.parametrize("method", [Z_SCORE, MIN_MAX])
def test_the_normalisation_pools_municipalities_and_years(method):
    # Two municipalities, two years: fitted on all four values, not year by year.
    values = np.array([[[1.0], [3.0]], [[2.0], [4.0]]])
    pooled = fit_normaliser(values, np.array([1.0]), method).apply(values)
    flat = fit_normaliser(values.reshape(-1, 1), np.array([1.0]), method).apply(values)
    np.testing.assert_allclose(pooled, flat)
    assert pooled[0, 0, 0] == pooled.min() and pooled[1, 1, 0] == pooled.max()


def test_an_unknown_normalisation_is_refused_in_norwegian():
    with pytest.raises(ValueError, match="Ukjent normalisering «rank»"):
        fit_normaliser(np.zeros((2, 1)), np.array([1.0]), "rank")


# -- aggregation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("normalised", "themes", "score"),
    [
        # Theme s is the mean of a and b; the themes weigh 1/4 and 3/4.
        ([1.0, 3.0, 2.0], [2.0, 2.0], 2.0),
        ([1.0, -1.0, 1.0], [0.0, 1.0], 0.75),
        ([4.0, 0.0, 0.0], [2.0, 0.0], 0.5),
        # A missing parameter: the theme is the mean of those it has.
        ([NAN, 3.0, 1.0], [3.0, 1.0], 1.5),
        # A whole theme missing: no score.
        ([NAN, NAN, 1.0], [NAN, 1.0], NAN),
        ([1.0, 1.0, NAN], [1.0, NAN], NAN),
    ],
)
def test_aggregation_averages_within_a_theme_and_weighs_the_themes(normalised, themes, score):
    got_themes, _counts = theme_scores(np.array([normalised]), TWO.membership)
    np.testing.assert_allclose(got_themes[0], themes, equal_nan=True)
    np.testing.assert_allclose(aggregate(got_themes, TWO.weights)[0], score, equal_nan=True)


def test_the_weights_are_scaled_to_sum_to_one():
    np.testing.assert_allclose(TWO.weights, [0.25, 0.75])
    np.testing.assert_allclose(DEFAULT_SPEC.weights, [1 / 3] * 3)


# -- ranks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "ranks"),
    [
        ([3.0, 1.0, 2.0], [1, 3, 2]),
        # Equal scores share the better rank, and the next rank is skipped.
        ([2.0, 2.0, 1.0], [1, 1, 3]),
        ([1.0, 2.0, 2.0, 3.0], [4, 2, 2, 1]),
        # No score, no rank.
        ([NAN, 1.0, 2.0], [UNRANKED, 2, 1]),
        ([NAN], [UNRANKED]),
    ],
)
def test_ranks_count_from_the_best_and_share_ties(scores, ranks):
    assert rank_scores(np.array(scores)).tolist() == ranks


def test_a_municipality_missing_a_whole_theme_is_not_ranked_and_the_others_are():
    values = [[[1, 2, 3]], [[NAN, NAN, 5]], [[2, NAN, 1]], [[0, 0, 0]]]
    result = compute_index(panel(values, TWO), TWO)
    assert result.ranks[:, 0].tolist()[1] == UNRANKED
    assert sorted(r for r in result.ranks[:, 0].tolist() if r) == [1, 2, 3]
    assert result.ranked(2020) == 3


# -- gain one place -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "values", "code", "change", "passes"),
    [
        # z-scores of 10, 20, 30: the last needs +10 to draw level with 20.
        (Z_SCORE, [10, 20, 30], "0001", 10.0, "0002"),
        (MIN_MAX, [10, 20, 30], "0002", 10.0, "0003"),
        (MIN_MAX, [10, 25, 30, 0], "0004", 10.0, "0001"),
        # First already: nothing to gain.
        (Z_SCORE, [10, 20, 30], "0003", None, None),
    ],
)
def test_the_gain_one_place_figure_is_the_gap_to_the_next_one_ahead(
    method, values, code, change, passes
):
    result = compute_index(panel([[[v]] for v in values]), ONE, method)
    [gain] = gain_one_place(result, code, 2020)
    assert gain.passes == passes
    assert gain.change == (pytest.approx(change) if change is not None else None)


def random_panel(seed, municipalities=40, years=2, spec=TWO, missing=0.05):
    rng = np.random.default_rng(seed)
    values = rng.normal(size=(municipalities, years, len(spec.parameters))) * [3, 50, 0.2]
    values[rng.random(values.shape) < missing] = np.nan
    return Panel(
        tuple(f"{i:04d}" for i in range(municipalities)),
        tuple(range(2020, 2020 + years)),
        spec.keys,
        values,
    )


@pytest.mark.parametrize("method", [Z_SCORE, MIN_MAX])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_gain_one_place_figure_holds_when_the_ranks_are_recomputed(method, seed):
    """Change one raw value by the figure (a hair beyond it) and recompute: one place up;
    a hair short of it: the same place. The normalisation stays as fitted on the panel."""
    data = random_panel(seed)
    result = compute_index(data, TWO, method)
    checked = 0
    for code in data.codes[::4]:
        rank = result.rank(code, 2021)
        for gain in gain_one_place(result, code, 2021):
            if gain.change is None:
                assert rank in (1, UNRANKED) or gain.value is None
                continue
            assert gain.target is not None
            for factor, expected in [(1 + 1e-6, rank - 1), (1 - 1e-6, rank)]:
                moved = data.with_value(
                    code, 2021, gain.parameter, gain.value + gain.change * factor
                )
                again = compute_index(moved, TWO, method, normaliser=result.normaliser)
                assert again.rank(code, 2021) == expected, (code, gain, factor)
            # The direction is the parameter's: b (lower is better) must fall.
            assert (gain.change < 0) == (gain.parameter == "b")
            checked += 1
    assert checked > 10


def test_a_parameter_the_municipality_lacks_has_no_gain_figure():
    values = [[[1, 2, 3]], [[NAN, 1, 0]], [[2, 1, 1]]]
    result = compute_index(panel(values, TWO), TWO)
    assert result.rank("0002", 2020) == 3
    gains = {g.parameter: g for g in gain_one_place(result, "0002", 2020)}
    assert gains["a"].change is None and gains["a"].value is None
    assert gains["c"].change is not None


# -- the split of a rank change -------------------------------------------------------------


@pytest.mark.parametrize(
    ("year_1", "year_2", "code", "change", "own", "others"),
    [
        # 0001: 3rd → 2nd. Its new value 4 would have been 1st last year (−2 own); the others
        # moved too (B to 5), which costs it one place (+1).
        ([1, 2, 3], [4, 5, 3.5], "0001", -1, -2, 1),
        # 0003: 1st → 3rd, all of it the others' doing: its own value did not change.
        ([1, 2, 3], [4, 5, 3], "0003", 2, 0, 2),
        # Nobody else moved: all of it its own.
        ([1, 2, 3], [4, 2, 3], "0001", -2, -2, 0),
        ([1, 2, 3], [1, 2, 3], "0002", 0, 0, 0),
    ],
)
def test_a_rank_change_is_split_into_own_change_and_the_others(
    year_1, year_2, code, change, own, others
):
    values = [[[a], [b]] for a, b in zip(year_1, year_2, strict=True)]
    result = compute_index(panel(values), ONE)
    split = rank_change(result, code, 2020, 2021)
    assert (split.change, split.own, split.others) == (change, own, others)


@pytest.mark.parametrize("method", [Z_SCORE, MIN_MAX])
def test_own_and_others_add_up_to_the_change_for_everyone(method):
    result = compute_index(random_panel(7, municipalities=60), TWO, method)
    splits = [rank_change(result, code, 2020, 2021) for code in result.panel.codes]
    assert any(s is None for s in splits)  # missing a theme in one of the years
    for split in filter(None, splits):
        assert split.own + split.others == split.change == split.rank_to - split.rank_from


# -- county and peer views ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["0001", "0003"], {"0003": 1, "0001": 2}),
        (["0002", "0004", "0001"], {"0004": 1, "0002": 2, "0001": 3}),
        (["0005", "0001"], {"0001": 1}),  # 0005 has no score
        ([], {}),
    ],
)
def test_the_rank_within_a_set_of_codes_counts_only_those(codes, expected):
    values = [[[1]], [[2]], [[3]], [[4]], [[NAN]]]
    result = compute_index(panel(values), ONE)
    assert ranks_within(result, codes, 2020) == expected


# -- rank intervals -------------------------------------------------------------------------


THREE_WEIGHTS = np.array([1 / 3, 1 / 3, 1 / 3])


def test_every_monte_carlo_draw_ranks_the_municipalities_one_to_n():
    rng = np.random.default_rng(0)
    ranks = monte_carlo_ranks(
        rng.normal(size=(25, 3)), rng.normal(size=(25, 3)), THREE_WEIGHTS, draws=50
    )
    assert ranks.shape == (50, 25)
    assert (np.sort(ranks, axis=1) == np.arange(1, 26)).all()


@pytest.mark.parametrize(
    ("column", "quantiles", "expected"),
    [
        # Ranks of one municipality over 20 draws (the others fill the remaining places).
        ([1] * 20, (0.05, 0.5, 0.95), [1, 1, 1]),
        ([1] + [2] * 18 + [3], (0.05, 0.5, 0.95), [1, 2, 2]),
        ([1] * 10 + [3] * 10, (0.05, 0.5, 0.95), [1, 1, 3]),
        ([3] * 19 + [1], (0.05, 0.95), [1, 3]),
    ],
)
def test_rank_quantiles_are_the_smallest_rank_reached_by_that_share_of_draws(
    column, quantiles, expected
):
    others = {1: [2, 3], 2: [1, 3], 3: [1, 2]}
    ranks = np.array([[r, *others[r]] for r in column])
    got = rank_quantiles(ranks, quantiles)
    assert [int(q[0]) for q in got] == expected


def test_a_municipality_best_on_every_theme_has_the_interval_one_to_one():
    spec = DEFAULT_SPEC
    rng = np.random.default_rng(5)
    values = rng.normal(size=(30, 2, len(spec.parameters)))
    values[0] = 10  # far ahead on every parameter, both years
    data = Panel(tuple(f"{i:04d}" for i in range(30)), (2020, 2021), spec.keys, values)
    intervals = rank_intervals(compute_index(data, spec), 2021, draws=500)
    assert intervals.of("0000") == (1, 1, 1)


@pytest.mark.parametrize("method", [Z_SCORE, MIN_MAX])
def test_rank_intervals_are_seeded_ordered_and_cover_the_ranked(method):
    result = compute_index(random_panel(11, municipalities=50), TWO, method)
    first = rank_intervals(result, 2021, draws=1000, seed=3)
    again = rank_intervals(result, 2021, draws=1000, seed=3)
    other = rank_intervals(result, 2021, draws=1000, seed=4)
    assert (first.low == again.low).all() and (first.high == again.high).all()
    assert first.draws == 1000
    assert (first.low <= first.median).all() and (first.median <= first.high).all()
    assert len(first.codes) == result.ranked(2021)
    assert (first.high > first.low).any()  # the weights matter for some
    assert abs(other.low - first.low).max() <= 3  # a new seed moves the ends a little at most
    assert sorted(first.nominal.tolist()) == list(range(1, len(first.codes) + 1))


def test_rank_intervals_within_a_set_of_codes_rank_among_those():
    result = compute_index(random_panel(13, municipalities=30, missing=0), TWO)
    codes = result.panel.codes[:6]
    intervals = rank_intervals(result, 2020, codes=codes, draws=300)
    assert intervals.codes == codes
    assert intervals.high.max() <= 6
    assert dict(zip(codes, intervals.nominal.tolist(), strict=True)) == ranks_within(
        result, codes, 2020
    )
