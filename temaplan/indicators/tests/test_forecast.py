"""Projections of an indicator from its recent trend. Pure: no database.

In expected texts an underscore stands for the no-break space before a unit (`41,7_%`)."""

import math
from decimal import Decimal

import pytest

from temaplan.core.formatting import NBSP
from temaplan.indicators.forecast import (
    T_QUANTILES_80,
    ProjectedPoint,
    project,
    t_quantile_80,
    too_uncertain,
)
from temaplan.indicators.status import Comparator, Direction, TargetRule, Unit

HIGHER, LOWER = Direction.HIGHER, Direction.LOWER
SHARE = {2017: 41.9, 2018: 42.3, 2019: 41.4, 2020: 41.7}  # the seed plan's results


def nb(text: str) -> str:
    return text.replace("_", NBSP)


def at_least(value) -> TargetRule:
    return TargetRule(Comparator.AT_LEAST, Decimal(str(value)))


def test_a_perfectly_straight_series_is_projected_exactly_with_no_band():
    forecast = project(
        {2017: 10, 2018: 12, 2019: 14, 2020: 16}, [2022, 2024], unit=Unit.COUNT, direction=HIGHER
    )
    assert forecast.basis_years == (2017, 2020)
    assert forecast.slope_per_year == 2.0
    assert [(p.year, p.value, p.low, p.high) for p in forecast.points] == [
        (2022, 20.0, 20.0, 20.0),
        (2024, 24.0, 24.0, 24.0),
    ]


def test_decimals_that_lie_on_a_line_stay_on_it():
    forecast = project(
        {2018: 41.4, 2019: 41.7, 2020: 42.0}, [2024], unit=Unit.PERCENT, direction=HIGHER
    )
    point = forecast.points[0]
    assert point.value == point.low == point.high == pytest.approx(43.2, abs=1e-12)


def test_a_noisy_series_gets_an_80_percent_prediction_band():
    forecast = project(SHARE, [2021, 2024], unit=Unit.PERCENT, direction=HIGHER)
    assert forecast.slope_per_year == pytest.approx(-0.15)
    near, far = forecast.points
    # s² = 0.315 / 2; t(0.90; 2) = 1.8856; 2024 is 5.5 years from the mean year 2018.5.
    half = 1.8856 * math.sqrt(0.315 / 2) * math.sqrt(1 + 1 / 4 + 5.5**2 / 5)
    assert far.value == pytest.approx(41.0)
    assert (far.low, far.high) == pytest.approx((41.0 - half, 41.0 + half))
    assert near.low < near.value < near.high
    assert far.high - far.low > near.high - near.low


def test_the_band_widens_the_further_ahead_it_projects():
    forecast = project(SHARE, [2021, 2022, 2023, 2024], unit=Unit.PERCENT, direction=HIGHER)
    widths = [p.high - p.low for p in forecast.points]
    assert widths == sorted(widths) and len(set(widths)) == 4


@pytest.mark.parametrize(
    "observations, target_years",
    [
        ({}, [2024]),
        ({2020: 41.7}, [2024]),
        ({2019: 41.4, 2020: 41.7}, [2024]),
        ({2018: None, 2019: 41.4, 2020: 41.7}, [2024]),
        (SHARE, [2019, 2020]),
    ],
    ids=["nothing", "one point", "two points", "a missing year is no point", "no year ahead"],
)
def test_there_is_no_projection_from_too_few_points_or_with_no_year_ahead(
    observations, target_years
):
    assert project(observations, target_years, unit=Unit.PERCENT, direction=HIGHER) is None


def test_only_the_latest_years_in_the_window_are_used():
    observations = {2012: 90, 2013: 5, 2014: 70, 2018: 10, 2019: 12, 2020: 14}
    forecast = project(observations, [2022], unit=Unit.COUNT, direction=HIGHER, window=3)
    assert forecast.basis_years == (2018, 2020)
    assert forecast.points[0].value == forecast.points[0].high == 18.0


def test_ranks_are_never_projected_better_than_first_place():
    forecast = project(
        {2017: 20, 2018: 15, 2019: 10, 2020: 5},
        [2024],
        targets={2024: TargetRule(Comparator.RANK_AT_MOST, Decimal(10))},
        unit=Unit.RANK,
        direction=LOWER,
    )
    point = forecast.points[0]
    assert (point.value, point.low, point.high) == (1.0, 1.0, 1.0)
    assert forecast.slope_per_year == -5.0
    assert forecast.sentence == (
        "Framskrivning av trenden 2017–2020: 2024 ventes rundt plass 1. "
        "Det når ambisjonen 10 eller bedre."
    )


def test_only_the_better_end_of_a_rank_band_is_clipped():
    forecast = project(
        {2017: 12, 2018: 9, 2019: 9, 2020: 5}, [2021], unit=Unit.RANK, direction=LOWER
    )
    point = forecast.points[0]
    assert point.low == 1.0 < point.value < point.high


@pytest.mark.parametrize(
    "observations, targets, unit, expected",
    [
        (
            SHARE,
            {2024: at_least(43)},
            Unit.PERCENT,
            "Framskrivning av trenden 2017–2020: 2024 ventes rundt 41_% (39–43_%). "
            "Det når ikke ambisjonen minst 43_%.",
        ),
        (
            {2018: 40, 2019: 41, 2020: 42},
            {2024: at_least(43)},
            Unit.PERCENT,
            "Framskrivning av trenden 2018–2020: 2024 ventes rundt 46_%. "
            "Det når ambisjonen minst 43_%.",
        ),
        (
            {2018: 42.24, 2019: 42.36, 2020: 42.48},
            {2024: at_least(43)},
            Unit.PERCENT,
            "Framskrivning av trenden 2018–2020: 2024 ventes rundt 43_%. "
            "Det når ambisjonen minst 43_%.",
        ),
        (
            {2017: 12, 2018: 12, 2019: 13, 2020: 11},
            {2024: TargetRule(Comparator.RANK_AT_MOST, Decimal(10))},
            Unit.RANK,
            "Framskrivning av trenden 2017–2020: 2024 ventes rundt plass 11 (6–16). "
            "Det når ikke ambisjonen 10 eller bedre.",
        ),
        (
            {2017: 54, 2018: 130, 2019: 47, 2020: -101},
            {2024: TargetRule(Comparator.ABOVE, Decimal(50))},
            Unit.PERCENT,
            "For usikker til å anslå. Tallene 2017–2020 spriker så mye at "
            "usikkerhetsintervallet for 2024 blir bredere enn tallene selv.",
        ),
        (
            {2018: 40, 2019: 41, 2020: 42},
            {},
            Unit.PERCENT,
            "Framskrivning av trenden 2018–2020: 2024 ventes rundt 46_%.",
        ),
        (
            {2017: 100, 2018: 75, 2019: 40, 2020: 22},
            {2024: TargetRule(Comparator.AT_MOST, Decimal(15))},
            Unit.DECARES,
            "Framskrivning av trenden 2017–2020: 2024 ventes rundt 0_daa. "
            "Det når ambisjonen høyst 15_daa.",
        ),
        (
            {2017: 23, 2018: 260, 2019: 90, 2020: 40},
            {2024: TargetRule(Comparator.AT_MOST, Decimal(15))},
            Unit.DECARES,
            "For usikker til å anslå. Tallene 2017–2020 spriker så mye at "
            "usikkerhetsintervallet for 2024 blir bredere enn tallene selv.",
        ),
    ],
    ids=[
        "the seed plan's share misses",
        "a rising share reaches",
        "judged on the value as shown",
        "rank misses",
        "a band across zero, wider than the values: too uncertain",
        "no target, no verdict",
        "an area is never below zero",
        "the demo's farmland: too uncertain",
    ],
)
def test_the_sentence_says_it_is_a_projection_and_whether_it_reaches_the_ambition(
    observations, targets, unit, expected
):
    direction = LOWER if unit in (Unit.RANK, Unit.DECARES) else HIGHER
    forecast = project(observations, [2024], targets=targets, unit=unit, direction=direction)
    assert forecast.sentence == nb(expected)


def test_with_several_years_ahead_the_verdict_is_for_the_last_year_with_a_target():
    forecast = project(
        SHARE,
        [2021, 2022, 2023, 2024],
        targets={2021: at_least(41.4), 2022: at_least(42), 2023: at_least(40)},
        unit=Unit.PERCENT,
        direction=HIGHER,
    )
    assert forecast.sentence == nb(
        "Framskrivning av trenden 2017–2020: 2021 ventes rundt 41,5_% (40,3–42,6_%), "
        "2022 rundt 41,3_% (39,9–42,7_%), 2023 rundt 41,2_% (39,4–42,9_%) "
        "og 2024 rundt 41_% (39–43_%). For 2023 når det ambisjonen minst 40_%."
    )


@pytest.mark.parametrize(
    "observations, expected",
    [({2018: 40, 2019: 41, 2020: 42}, "når"), ({2018: 42, 2019: 41, 2020: 40}, "når ikke")],
    ids=["rising", "falling"],
)
def test_better_than_previous_is_judged_by_the_trend(observations, expected):
    forecast = project(
        observations,
        [2024],
        targets={2024: TargetRule(Comparator.BETTER_THAN_PREVIOUS, None)},
        unit=Unit.PERCENT,
        direction=HIGHER,
    )
    assert forecast.sentence.endswith(f" Det {expected} ambisjonen høyere enn året før.")


@pytest.mark.parametrize(
    "arguments", [{"min_points": 2}, {"window": 2}], ids=["min_points", "window"]
)
def test_a_band_needs_at_least_three_points(arguments):
    with pytest.raises(ValueError):
        project(SHARE, [2024], unit=Unit.PERCENT, direction=HIGHER, **arguments)


def _t_cdf(q: float, df: int, steps: int = 20_000) -> float:
    """P(T <= q) by Simpson's rule over the t density."""
    log_c = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)

    def density(t: float) -> float:
        return math.exp(log_c - (df + 1) / 2 * math.log1p(t * t / df))

    h = q / steps
    total = density(0) + density(q)
    total += sum((4 if i % 2 else 2) * density(i * h) for i in range(1, steps))
    return 0.5 + total * h / 3


@pytest.mark.parametrize("df", [1, 2, 3, 5, 10, 20, 30])
def test_the_t_quantiles_leave_ten_percent_in_each_tail(df):
    assert _t_cdf(T_QUANTILES_80[df - 1], df) == pytest.approx(0.90, abs=2e-5)


def test_beyond_thirty_degrees_of_freedom_the_normal_quantile_is_used():
    assert t_quantile_80(31) == t_quantile_80(300) == 1.2816


@pytest.mark.parametrize(
    "value, low, high, spread, expected",
    [
        (41.0, 39.0, 43.0, 0.9, False),  # the seed plan's share: a band of 4 around 41
        (10.9, 6.1, 15.7, 2.0, False),  # a rank band narrower than the rank itself
        (-104.5, -344.7, 135.7, 231.0, True),  # wider than the value and than the spread
        (224.8, 0.0, 1459.9, 237.0, True),  # the farmland: six times the value
        (0.3, -0.5, 1.1, 2.0, False),  # near zero, but narrower than the spread
        (0.3, -0.5, 1.1, 1.0, True),  # near zero and wider than the spread
        (10.0, 5.0, 15.0, 4.0, False),  # exactly as wide as the value: still shown
    ],
)
def test_a_band_wider_than_both_the_value_and_the_spread_is_too_uncertain(
    value, low, high, spread, expected
):
    assert too_uncertain(ProjectedPoint(2024, value, low, high), spread) is expected


def test_years_too_uncertain_are_left_out_and_the_sentence_says_from_when():
    ranks = {2017: 5, 2018: 5, 2019: 5, 2020: 4}  # the demo's county rank
    forecast = project(ranks, [2021, 2022, 2023, 2024], unit=Unit.RANK, direction=LOWER)
    assert [p.year for p in forecast.points] == [2021, 2022, 2023]
    assert forecast.too_uncertain_from == 2024
    assert forecast.sentence.endswith(" Fra 2024 er trenden for usikker til å anslå.")
    assert forecast.sentence.startswith("Framskrivning av trenden 2017–2020: 2021 ventes rundt")


def test_a_forecast_too_uncertain_from_its_first_year_prints_no_number():
    growth = {2017: 54, 2018: 130, 2019: 47, 2020: -101}
    forecast = project(growth, [2021, 2024], unit=Unit.PERCENT, direction=HIGHER)
    assert forecast.points == [] and forecast.too_uncertain_from == 2021
    assert forecast.sentence.startswith("For usikker til å anslå.")
    assert not any(
        char.isdigit() for char in forecast.sentence.replace("2017–2020", "").replace("2021", "")
    )
