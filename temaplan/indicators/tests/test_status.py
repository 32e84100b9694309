"""The status of an indicator's year against its ambition. Pure: no database.

In expected texts an underscore stands for the no-break space before a unit (`41,7_%`)."""

from decimal import Decimal

import pytest

from temaplan.core.formatting import NBSP
from temaplan.indicators.status import (
    TARGET_LOW_ABOVE_HIGH,
    TARGET_NEEDS_HIGH,
    TARGET_NEEDS_VALUE,
    Comparator,
    Direction,
    Evaluation,
    Status,
    TargetRule,
    Unit,
    describe_target,
    evaluate,
    format_value,
    round_for_display,
)

D = Decimal
C = Comparator
GREEN, AMBER, RED = Status.GREEN, Status.AMBER, Status.RED
NO_DATA, NOT_DUE = Status.NO_DATA, Status.NOT_DUE
HIGHER, LOWER = Direction.HIGHER, Direction.LOWER
RANK, PERCENT, COUNT, DECARES, NOK = Unit.RANK, Unit.PERCENT, Unit.COUNT, Unit.DECARES, Unit.NOK


def nb(text: str | None) -> str | None:
    return None if text is None else text.replace("_", NBSP)


def case(
    name,
    target,
    value,
    unit,
    status,
    reason=None,
    *,
    previous=None,
    direction=HIGHER,
    tolerance=0,
    provisional=False,
    due=True,
    year=2021,
):
    arguments = {
        "target": target,
        "value": value,
        "previous": previous,
        "unit": unit,
        "direction": direction,
        "tolerance": tolerance,
        "provisional": provisional,
        "due": due,
        "year": year,
    }
    return pytest.param(arguments, status, nb(reason), id=name)


TOP_12 = TargetRule(C.RANK_AT_MOST, D(12))
SHARE = TargetRule(C.AT_LEAST, D("41.4"))
JOBS = TargetRule(C.ABOVE, D(50))
FARMLAND = TargetRule(C.AT_MOST, D(15))
UNDER_15 = TargetRule(C.BELOW, D(15))
RISING = TargetRule(C.BETTER_THAN_PREVIOUS, None)
RANGE = TargetRule(C.BETWEEN, D(10), D(20))

CASES = [
    # rank N or better: a lower number is better
    case("rank 11 against 12 or better is green", TOP_12, D(11), RANK, GREEN,
         "Rangert 11, ambisjon 12 eller bedre: grønn.", direction=LOWER),
    case("rank exactly on the ambition is green", TOP_12, D(12), RANK, GREEN,
         "Rangert 12, ambisjon 12 eller bedre: grønn.", direction=LOWER),
    case("a better rank is green even when the direction says higher", TOP_12, D(11), RANK, GREEN),
    case("one place off within a tolerance of one is amber", TOP_12, D(13), RANK, AMBER,
         "Rangert 13, ambisjon 12 eller bedre: gul (1 plass fra).", tolerance=D(1)),
    case("two places off within a tolerance of two says places", TOP_12, D(14), RANK, AMBER,
         "Rangert 14, ambisjon 12 eller bedre: gul (2 plasser fra).", tolerance=D(2)),
    case("two places off with a tolerance of one is red", TOP_12, D(14), RANK, RED,
         "Rangert 14, ambisjon 12 eller bedre: rød.", tolerance=D(1)),
    case("one place off without tolerance is red", TOP_12, D(13), RANK, RED),
    # at least
    case("a share above its minimum is green", SHARE, D("41.7"), PERCENT, GREEN,
         "41,7_%, ambisjon minst 41,4_%: grønn."),
    case("a share exactly on its minimum is green", SHARE, D("41.4"), PERCENT, GREEN),
    case("a miss exactly equal to the tolerance is amber", SHARE, D("41.1"), PERCENT, AMBER,
         "41,1_%, ambisjon minst 41,4_%: gul (0,3 prosentpoeng fra).", tolerance=D("0.3")),
    case("a miss just beyond the tolerance is red", SHARE, D("41.0"), PERCENT, RED,
         "41_%, ambisjon minst 41,4_%: rød.", tolerance=D("0.3")),
    case("floats are read as the decimals they print as",
         TargetRule(C.AT_LEAST, 41.7),  # type: ignore[arg-type]  # a float, on purpose
         41.7,
         PERCENT, GREEN),
    # above (strict)
    case("job growth far below its floor is red", JOBS, D(-101), PERCENT, RED,
         "−101_%, ambisjon over 50_%: rød."),
    case("job growth above its floor is green", JOBS, D(54), PERCENT, GREEN,
         "54_%, ambisjon over 50_%: grønn."),
    case("exactly on a strict floor is amber even without tolerance", JOBS, D(50), PERCENT,
         AMBER, "50_%, ambisjon over 50_%: gul (akkurat på grensen)."),
    # at most
    case("farmland conversion exactly at the limit is green", FARMLAND, D(15), DECARES, GREEN,
         "15_daa, ambisjon høyst 15_daa: grønn.", direction=LOWER),
    case("farmland conversion over the limit within tolerance is amber", FARMLAND, D(23),
         DECARES, AMBER, "23_daa, ambisjon høyst 15_daa: gul (8 daa fra).", direction=LOWER,
         tolerance=D(10)),
    case("farmland conversion far over the limit is red", FARMLAND, D(260), DECARES, RED,
         direction=LOWER, tolerance=D(10)),
    case("a miss too small to print says under a tenth", TargetRule(C.AT_MOST, D(15)), D("15.04"),
         PERCENT, AMBER, "15_%, ambisjon høyst 15_%: gul (under 0,1 prosentpoeng fra).",
         tolerance=D(1)),
    # below (strict)
    case("under a strict ceiling is green", UNDER_15, D(14), DECARES, GREEN, direction=LOWER),
    case("exactly on a strict ceiling is amber", UNDER_15, D(15), DECARES, AMBER,
         "15_daa, ambisjon under 15_daa: gul (akkurat på grensen).", direction=LOWER),
    case("over a strict ceiling without tolerance is red", UNDER_15, D(16), DECARES, RED,
         direction=LOWER),
    # better than previous
    case("a higher share than last year is green", RISING, D("41.7"), PERCENT, GREEN,
         "41,7_%, ambisjon høyere enn året før (41,4_%): grønn.", previous=D("41.4")),
    case("the same share as last year is amber", RISING, D("41.4"), PERCENT, AMBER,
         "41,4_%, ambisjon høyere enn året før (41,4_%): gul (akkurat på grensen).",
         previous=D("41.4")),
    case("a fall beyond the tolerance is red", RISING, D("41.4"), PERCENT, RED,
         previous=D("41.9"), tolerance=D("0.2")),
    case("lower than last year is green when lower is better", RISING, D(90), DECARES, GREEN,
         "90_daa, ambisjon lavere enn året før (260_daa): grønn.", previous=D(260),
         direction=LOWER),
    case("a better rank than last year is green whatever the direction", RISING, D(11), RANK,
         GREEN, "Rangert 11, ambisjon bedre plassering enn året før (13): grønn.",
         previous=D(13)),
    case("without last year's value there is nothing to compare", RISING, D("41.7"), PERCENT,
         NO_DATA, "Mangler verdi for 2019 å sammenligne med.", year=2020),
    # between (inclusive)
    case("the low end of a range is green", RANGE, D(10), DECARES, GREEN),
    case("the high end of a range is green", RANGE, D(20), DECARES, GREEN,
         "20_daa, ambisjon mellom 10 og 20_daa: grønn."),
    case("just above a range within tolerance is amber", RANGE, D(22), DECARES, AMBER,
         "22_daa, ambisjon mellom 10 og 20_daa: gul (2 daa fra).", tolerance=D(2)),
    case("just below a range within tolerance is amber", RANGE, D(9), DECARES, AMBER,
         tolerance=D(2)),
    case("far below a range is red", RANGE, D(7), DECARES, RED, tolerance=D(2)),
    # other units
    case("a budget short of its frame within tolerance is amber",
         TargetRule(C.AT_LEAST, D(10_000_000)), D(9_600_000), NOK, AMBER,
         "9,6_mill._kr, ambisjon minst 10_mill._kr: gul (0,4 mill._kr fra).",
         tolerance=D(500_000)),
    case("a count short of its minimum is red", TargetRule(C.AT_LEAST, D(1234)), D(1200), COUNT,
         RED, "1_200, ambisjon minst 1_234: rød."),
    # provisional values
    case("a provisional value keeps its colour and says so", TOP_12, D(11), RANK, GREEN,
         "Rangert 11, ambisjon 12 eller bedre: grønn (foreløpig tall).", provisional=True),
    case("a provisional amber says both how far and provisional", TOP_12, D(13), RANK, AMBER,
         "Rangert 13, ambisjon 12 eller bedre: gul (1 plass fra) (foreløpig tall).",
         tolerance=D(1), provisional=True),
    # nothing to judge
    case("a year not yet due is not due whatever the value", TOP_12, D(30), RANK, NOT_DUE,
         "Ikke tid for måling ennå (2024).", due=False, year=2024),
    case("a year not yet due is not due even without target or value", None, None, RANK,
         NOT_DUE, "Ikke tid for måling ennå (2024).", due=False, year=2024),
    case("a missing value gives no data", SHARE, None, PERCENT, NO_DATA,
         "Ingen verdi for 2021."),
    case("a value without an ambition gives no data", None, D(13), RANK, NO_DATA,
         "Ingen ambisjon for 2019.", year=2019),
    case("an ambition without its number gives no data", TargetRule(C.AT_LEAST, None), D(42),
         PERCENT, NO_DATA, "Ufullstendig ambisjon for 2021."),
    case("a range without its high end gives no data", TargetRule(C.BETWEEN, D(10)), D(12),
         DECARES, NO_DATA, "Ufullstendig ambisjon for 2021."),
]  # fmt: skip


@pytest.mark.parametrize("arguments, status, reason", CASES)
def test_a_year_is_judged_against_its_ambition(arguments, status, reason):
    evaluation = evaluate(**arguments)
    assert evaluation.status == status
    if reason is not None:
        assert evaluation.reason == reason


def test_there_are_enough_cases_to_cover_every_rule():
    assert len(CASES) >= 30
    covered = {
        params.values[0]["target"].comparator for params in CASES if params.values[0]["target"]
    }
    assert covered == set(Comparator)


@pytest.mark.parametrize(
    "arguments, provisional",
    [
        ({"target": TOP_12, "value": D(11)}, True),
        ({"target": TOP_12, "value": D(14)}, True),
        ({"target": TOP_12, "value": None}, False),
        ({"target": None, "value": D(11)}, False),
        ({"target": TOP_12, "value": D(11), "due": False}, False),
    ],
    ids=["green", "red", "no value", "no target", "not due"],
)
def test_only_a_colour_resting_on_a_provisional_value_is_marked_provisional(arguments, provisional):
    evaluation = evaluate(**arguments, unit=RANK, direction=LOWER, provisional=True, year=2021)
    assert evaluation.provisional is provisional
    assert evaluation.reason.endswith(" (foreløpig tall).") is provisional


@pytest.mark.parametrize(
    "status, label, symbol",
    [
        (GREEN, "grønn", "✓"),
        (AMBER, "gul", "!"),
        (RED, "rød", "✗"),
        (NO_DATA, "ingen data", "–"),
        (NOT_DUE, "ikke målt ennå", "…"),
    ],
)
def test_every_status_has_a_label_and_a_symbol_so_colour_is_never_the_only_signal(
    status, label, symbol
):
    evaluation = Evaluation(status, "")
    assert (evaluation.label, evaluation.symbol) == (label, symbol)


def test_a_negative_tolerance_is_refused():
    with pytest.raises(ValueError):
        evaluate(target=TOP_12, value=D(11), unit=RANK, direction=LOWER, tolerance=-1, year=2021)


def test_a_target_built_from_plain_strings_and_numbers_is_normalised():
    target = TargetRule("at_least", 41.4)
    assert target.comparator is Comparator.AT_LEAST
    assert target.value == D("41.4")


@pytest.mark.parametrize(
    "target, problem",
    [
        (TargetRule(C.AT_LEAST, D(1)), None),
        (TargetRule(C.BETTER_THAN_PREVIOUS, None), None),
        (TargetRule(C.BETWEEN, D(10), D(20)), None),
        (TargetRule(C.ABOVE, None), TARGET_NEEDS_VALUE),
        (TargetRule(C.BETWEEN, D(10)), TARGET_NEEDS_HIGH),
        (TargetRule(C.BETWEEN, D(20), D(10)), TARGET_LOW_ABOVE_HIGH),
    ],
    ids=["complete", "previous needs no number", "range", "no value", "no high", "low > high"],
)
def test_an_incomplete_target_says_what_is_missing(target, problem):
    assert target.problem == problem


@pytest.mark.parametrize(
    "target, unit, direction, expected",
    [
        (TargetRule(C.RANK_AT_MOST, D(12)), RANK, LOWER, "12 eller bedre"),
        (TargetRule(C.AT_LEAST, D("41.4")), PERCENT, HIGHER, "minst 41,4_%"),
        (TargetRule(C.ABOVE, D(50)), PERCENT, HIGHER, "over 50_%"),
        (TargetRule(C.AT_MOST, D(15)), DECARES, LOWER, "høyst 15_daa"),
        (TargetRule(C.BELOW, D(15)), DECARES, LOWER, "under 15_daa"),
        (TargetRule(C.BETWEEN, D(10), D(20)), DECARES, LOWER, "mellom 10 og 20_daa"),
        (TargetRule(C.BETWEEN, D("41.5"), D(43)), PERCENT, HIGHER, "mellom 41,5 og 43_%"),
        (TargetRule(C.BETTER_THAN_PREVIOUS, None), PERCENT, HIGHER, "høyere enn året før"),
        (TargetRule(C.BETTER_THAN_PREVIOUS, None), DECARES, LOWER, "lavere enn året før"),
        (TargetRule(C.BETTER_THAN_PREVIOUS, None), RANK, HIGHER, "bedre plassering enn året før"),
        (TargetRule(C.AT_LEAST, D(10_600_000)), NOK, HIGHER, "minst 10,6_mill._kr"),
    ],
)
def test_a_target_is_described_in_plain_norwegian(target, unit, direction, expected):
    assert describe_target(target, unit, direction) == nb(expected)


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (D(11), RANK, "11"),
        (D("10.6"), RANK, "11"),
        (D("41.7"), PERCENT, "41,7_%"),
        (D(54), PERCENT, "54_%"),
        (D("54.0"), PERCENT, "54_%"),
        (D("41.96"), PERCENT, "42_%"),
        (D(-101), PERCENT, "−101_%"),
        (D(1234), COUNT, "1_234"),
        (D(15), DECARES, "15_daa"),
        (D("15.5"), DECARES, "15,5_daa"),
        (D(9_600_000), NOK, "9,6_mill._kr"),
        (D(10_000_000), NOK, "10_mill._kr"),
        (41.7, PERCENT, "41,7_%"),
        (None, PERCENT, "–"),
    ],
)
def test_values_are_shown_the_norwegian_way(value, unit, expected):
    assert format_value(value, unit) == nb(expected)


@pytest.mark.parametrize(
    "value, unit, expected",
    [
        (D("42.96"), PERCENT, D(43)),
        (D("41.74"), PERCENT, D("41.7")),
        (D("10.4"), RANK, D(10)),
        (D(9_640_000), NOK, D(9_600_000)),
    ],
)
def test_a_value_is_rounded_for_judging_exactly_as_it_is_shown(value, unit, expected):
    assert round_for_display(value, unit) == expected
