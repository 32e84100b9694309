"""Reading numbers typed the Norwegian way: pure, table-driven."""

from decimal import Decimal

import pytest

from temaplan.core.numbers import (
    AMBIGUOUS_DOT,
    BAD_GROUPING,
    MIXED_SEPARATORS,
    NOT_A_NUMBER,
    NOT_WHOLE,
    SEVERAL_COMMAS,
    SEVERAL_DOTS,
    UNIT_GIVEN,
    NumberProblem,
    input_text,
    parse_number,
    parse_whole_number,
)

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("60 000", Decimal(60000)),
        ("60000", Decimal(60000)),
        ("1 234", Decimal(1234)),
        (f"1{NBSP}234", Decimal(1234)),
        (f"1{NNBSP}234", Decimal(1234)),
        (f"1{NBSP}234{NBSP}567", Decimal(1234567)),
        ("1 234,5", Decimal("1234.5")),
        (f"9{NNBSP}600{NNBSP}000,25", Decimal("9600000.25")),
        ("-5", Decimal(-5)),
        ("\u22125", Decimal(-5)),
        ("\u2212 1 234,5", Decimal("-1234.5")),
        ("\u20135", Decimal(-5)),
        ("+5", Decimal(5)),
        ("0,3", Decimal("0.3")),
        ("0.3", Decimal("0.3")),
        ("1.5", Decimal("1.5")),
        ("41.75", Decimal("41.75")),
        ("0.234", Decimal("0.234")),
        ("1234.567", Decimal("1234.567")),
        ("1 234.567", Decimal("1234.567")),
        ("1,234", Decimal("1.234")),
        (",5", Decimal("0.5")),
        ("  42  ", Decimal(42)),
        ("-0", Decimal(0)),
        ("007", Decimal(7)),
    ],
)
def test_a_number_written_the_norwegian_way_is_read(text, expected):
    value = parse_number(text)
    assert value == expected
    assert str(value) == str(expected)


@pytest.mark.parametrize(
    "text, message",
    [
        ("abc", NOT_A_NUMBER.format(text="abc")),
        ("", NOT_A_NUMBER.format(text="")),
        ("-", NOT_A_NUMBER.format(text="-")),
        ("5,", NOT_A_NUMBER.format(text="5,")),
        ("1e5", NOT_A_NUMBER.format(text="1e5")),
        ("NaN", NOT_A_NUMBER.format(text="NaN")),
        ("12a", NOT_A_NUMBER.format(text="12a")),
        ("1,2,3", SEVERAL_COMMAS.format(text="1,2,3")),
        ("1.234.567", SEVERAL_DOTS.format(text="1.234.567")),
        ("1 23", BAD_GROUPING.format(text="1 23")),
        ("12 34 567", BAD_GROUPING.format(text="12 34 567")),
        ("1234 567", BAD_GROUPING.format(text="1234 567")),
        ("1,234.5", MIXED_SEPARATORS.format(text="1,234.5")),
        ("1.234,5", MIXED_SEPARATORS.format(text="1.234,5")),
        (
            "1.234",
            AMBIGUOUS_DOT.format(text="1.234", thousands=f"1{NBSP}234", decimal="1,234"),
        ),
        (
            "-12.500",
            AMBIGUOUS_DOT.format(text="-12.500", thousands=f"12{NBSP}500", decimal="12,500"),
        ),
        ("41,7 %", UNIT_GIVEN.format(unit="%")),
        ("60 000 kr", UNIT_GIVEN.format(unit="kr")),
    ],
)
def test_what_is_no_number_or_could_mean_two_is_refused_with_a_message(text, message):
    with pytest.raises(NumberProblem) as refused:
        parse_number(text)
    assert refused.value.message == message


def test_the_ambiguous_dot_message_reads_as_norwegian():
    with pytest.raises(NumberProblem) as refused:
        parse_number("1.234")
    assert refused.value.message == (
        f"«1.234» kan bety både 1{NBSP}234 og 1,234. Skriv 1{NBSP}234 for et helt tall "
        "eller 1,234 med komma for et desimaltall."
    )


@pytest.mark.parametrize(
    "text, expected",
    [("60 000", 60000), (f"1{NNBSP}234", 1234), ("\u22125", -5), ("3,0", 3), ("100", 100)],
)
def test_a_whole_number_is_read(text, expected):
    assert parse_whole_number(text) == expected


@pytest.mark.parametrize(
    "text, message",
    [
        ("2,5", NOT_WHOLE.format(text="2,5")),
        ("1.5", NOT_WHOLE.format(text="1.5")),
        ("abc", NOT_A_NUMBER.format(text="abc")),
    ],
)
def test_a_whole_number_field_refuses_a_decimal_part(text, message):
    with pytest.raises(NumberProblem) as refused:
        parse_whole_number(text)
    assert refused.value.message == message


@pytest.mark.parametrize(
    "value, expected",
    [
        (Decimal("60000"), f"60{NBSP}000"),
        (60000, f"60{NBSP}000"),
        (Decimal("0.3000"), "0,3"),
        (Decimal("10.0000"), "10"),
        (Decimal("1234.5000"), "1234,5"),
        (Decimal("12345.25"), f"12{NBSP}345,25"),
        (2024, "2024"),
        (-5, "-5"),
        (Decimal("-60000.5"), f"-60{NBSP}000,5"),
        (0.1, "0,1"),
        (0, "0"),
    ],
)
def test_a_field_shows_its_number_the_norwegian_way(value, expected):
    assert input_text(value) == expected


@pytest.mark.parametrize(
    "value", [Decimal("60000"), Decimal("0.3"), Decimal("-1234.5"), Decimal("12345.25"), 2024]
)
def test_what_a_field_shows_reads_back_as_the_same_number(value):
    assert parse_number(input_text(value)) == value
