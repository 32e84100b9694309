import pytest

from temaplan.core.formatting import million_kroner, number, percent

NBSP = "\u00a0"


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (0, 0, "0"),
        (12, 0, "12"),
        (1234, 0, f"1{NBSP}234"),
        (1234567, 0, f"1{NBSP}234{NBSP}567"),
        (-480, 0, "−480"),
        (41.7, 1, "41,7"),
        (41.75, 1, "41,8"),
        (0.05, 1, "0,1"),
        (-0.04, 1, "0,0"),
        (1234.5, 2, f"1{NBSP}234,50"),
        (None, 0, "–"),
    ],
)
def test_numbers_are_written_the_norwegian_way(value, decimals, expected):
    assert number(value, decimals) == expected


@pytest.mark.parametrize(
    "value, expected",
    [(41.7, f"41,7{NBSP}%"), (-101, f"−101,0{NBSP}%"), (None, "–")],
)
def test_percentages_have_a_comma_and_a_spaced_percent_sign(value, expected):
    assert percent(value) == expected


@pytest.mark.parametrize(
    "value, expected",
    [(9_600_000, f"9,6{NBSP}mill.{NBSP}kr"), (10_600_000, f"10,6{NBSP}mill.{NBSP}kr"), (None, "–")],
)
def test_budget_frames_are_shown_in_millions(value, expected):
    assert million_kroner(value) == expected
