"""A projection of an indicator from its recent trend. Pure, no Django.

`project()` fits a straight line (ordinary least squares, year → value) through the most recent
`window` observed years and extends it to each target year after the last observation. The band
around each projected value is an 80 % prediction interval for a single new observation:

    value ± t(0.90; n − 2) · s · √(1 + 1/n + (year − mean year)² / Σ(year − mean year)²)

where s is the residual standard deviation and t the Student t quantile with n − 2 degrees of
freedom (table below for 1–30; beyond 30 the normal quantile 1.2816). A perfectly straight series
has s = 0 and so a band of width zero. The band widens the further ahead it projects.

The arithmetic is exact (fractions of the decimal values as written), so a straight series gives
exactly straight projections; only the square root and the results are floats.

A projected year is too uncertain to print when its band is wider than both the projected
value's distance from zero and the spread (highest minus lowest) of the observations the line is
fitted to: the band then says less than the figures themselves (`too_uncertain`). Such years
are left out, and so is every later one (the band only widens); the sentence says so, and when
no year is left it says only that: «For usikker til å anslå. …».

None is returned when there is nothing to say: fewer than `min_points` observations in the
window (at least 3 are needed for a band), or no target year after the last observation.

Ranks cannot be better than 1 and an area cannot be negative: the projected value and its band
are clipped at 1 (ranks) and 0 (decares). Other units are not clipped (job growth can be
negative).

The sentence is labelled as a projection of the trend and, when a projected year has a target,
says whether the projected value for the last such year reaches it, judged by
`status.evaluate()` on the value as shown (rounded the way it is printed):
"Framskrivning av trenden 2017–2020: 2024 ventes rundt 41,6 % (39,9–43,3 %). Det når ikke
ambisjonen minst 43 %."
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .status import (
    Direction,
    Status,
    TargetRule,
    Unit,
    bare_number,
    decimal,
    describe_target,
    evaluate,
    round_for_display,
    with_unit,
)

CONFIDENCE = 0.80  # of the band, for labels such as "80 % sannsynlig intervall"
# Student t quantiles at 0.90 (two-sided 80 %), by degrees of freedom 1..30.
T_QUANTILES_80 = (
    3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.3830, 1.3722,
    1.3634, 1.3562, 1.3502, 1.3450, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253,
    1.3232, 1.3212, 1.3195, 1.3178, 1.3163, 1.3150, 1.3137, 1.3125, 1.3114, 1.3104,
)  # fmt: skip
NORMAL_QUANTILE_80 = 1.2816
# Values a unit cannot go beyond: no rank better than 1, no negative area.
FLOORS = {Unit.RANK: 1.0, Unit.DECARES: 0.0}


@dataclass(frozen=True)
class ProjectedPoint:
    year: int
    value: float
    low: float
    high: float


@dataclass(frozen=True)
class Forecast:
    basis_years: tuple[int, int]
    points: list[ProjectedPoint]  # the years certain enough to print; may be none
    slope_per_year: float
    sentence: str
    too_uncertain_from: int | None = None  # the first year left out as too uncertain


def too_uncertain(point: ProjectedPoint, spread: float) -> bool:
    """Whether the band is wider than both |value| and the observations' spread."""
    return point.high - point.low > max(abs(point.value), spread)


def t_quantile_80(df: int) -> float:
    """The 0.90 quantile of Student's t with `df` degrees of freedom (df >= 1)."""
    if df < 1:
        raise ValueError("df must be at least 1")
    return T_QUANTILES_80[df - 1] if df <= len(T_QUANTILES_80) else NORMAL_QUANTILE_80


def _exact(value: Decimal | int | float) -> Fraction:
    return Fraction(decimal(value))


def project(
    observations: Mapping[int, Decimal | float | int | None],
    target_years: list[int],
    *,
    targets: dict[int, TargetRule] | None = None,
    unit: Unit,
    direction: Direction,
    min_points: int = 3,
    window: int = 5,
) -> Forecast | None:
    """Project `observations` (year → value; None values are skipped) to the `target_years`
    after the last observation. See the module docstring."""
    if min_points < 3:
        raise ValueError("min_points must be at least 3: a band needs n − 2 >= 1")
    if window < min_points:
        raise ValueError("window must be at least min_points")
    unit, direction = Unit(unit), Direction(direction)
    observed = sorted((year, v) for year, v in observations.items() if v is not None)[-window:]
    if len(observed) < min_points:
        return None
    last_year = observed[-1][0]
    ahead = sorted({year for year in target_years if year > last_year})
    if not ahead:
        return None

    n = len(observed)
    xs = [Fraction(year) for year, _ in observed]
    ys = [_exact(v) for _, v in observed]
    x_mean, y_mean = sum(xs) / n, sum(ys) / n
    sxx = sum((x - x_mean) ** 2 for x in xs)
    slope = sum((x - x_mean) * (y - y_mean) for x, y in zip(xs, ys, strict=True)) / sxx
    intercept = y_mean - slope * x_mean
    sse = sum((y - (intercept + slope * x)) ** 2 for x, y in zip(xs, ys, strict=True))
    s = math.sqrt(sse / (n - 2))
    t = t_quantile_80(n - 2)

    def line(year: int) -> float:
        return float(intercept + slope * year)

    def clip(v: float) -> float:
        floor = FLOORS.get(unit)
        return v if floor is None else max(v, floor)

    points = []
    for year in ahead:
        centre = line(year)
        half = t * s * math.sqrt(float(1 + Fraction(1, n) + (year - x_mean) ** 2 / sxx))
        points.append(ProjectedPoint(year, clip(centre), clip(centre - half), clip(centre + half)))

    basis = (observed[0][0], last_year)
    spread = float(max(ys) - min(ys))
    certain = points
    for index, point in enumerate(points):
        if too_uncertain(point, spread):
            certain = points[:index]
            break
    uncertain_from = points[len(certain)].year if len(certain) < len(points) else None
    if not certain:
        return Forecast(
            basis, [], float(slope), _uncertain_sentence(basis, points[0].year), points[0].year
        )
    sentence = _sentence(basis, certain, targets or {}, unit, direction, line, clip)
    if uncertain_from is not None:
        sentence += f" Fra {uncertain_from} er trenden for usikker til å anslå."
    return Forecast(basis, certain, float(slope), sentence, uncertain_from)


def _uncertain_sentence(basis: tuple[int, int], year: int) -> str:
    return (
        f"For usikker til å anslå. Tallene {basis[0]}–{basis[1]} spriker så mye at "
        f"usikkerhetsintervallet for {year} blir bredere enn tallene selv."
    )


def _around(point: ProjectedPoint, unit: Unit) -> str:
    """`41,6 % (39,9–43,3 %)`; ranks `plass 10 (8–12)`; a negative end is joined with "til".
    A band whose ends print the same (a straight series, a clipped rank) is left out."""
    central = with_unit(bare_number(point.value, unit), unit)
    if unit is Unit.RANK:
        central = f"plass {central}"
    low, high = bare_number(point.low, unit), bare_number(point.high, unit)
    if low == high:
        return central
    joiner = " til " if point.low < 0 or point.high < 0 else "–"
    return f"{central} ({with_unit(f'{low}{joiner}{high}', unit)})"


def _sentence(
    basis: tuple[int, int],
    points: list[ProjectedPoint],
    targets: dict[int, TargetRule],
    unit: Unit,
    direction: Direction,
    line: Callable[[int], float],
    clip: Callable[[float], float],
) -> str:
    parts = [f"{points[0].year} ventes rundt {_around(points[0], unit)}"]
    parts += [f"{p.year} rundt {_around(p, unit)}" for p in points[1:]]
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} og {parts[-1]}"
    sentence = f"Framskrivning av trenden {basis[0]}–{basis[1]}: {listed}."

    judged = [p for p in points if p.year in targets]
    if not judged:
        return sentence
    point, target = judged[-1], targets[judged[-1].year]
    evaluation = evaluate(
        target=target,
        value=round_for_display(point.value, unit),
        previous=round_for_display(clip(line(point.year - 1)), unit),
        unit=unit,
        direction=direction,
        year=point.year,
    )
    if evaluation.status is Status.NO_DATA:
        return sentence
    reaches = "når" if evaluation.status is Status.GREEN else "når ikke"
    ambition = describe_target(target, unit, direction)
    if len(points) == 1:
        return f"{sentence} Det {reaches} ambisjonen {ambition}."
    return f"{sentence} For {point.year} {reaches.replace('når', 'når det')} ambisjonen {ambition}."
