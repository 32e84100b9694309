"""Yearly budget arithmetic: pure, tested without a database."""

from decimal import Decimal

import pytest

from temaplan.actions.budget import (
    Allocation,
    BudgetTotals,
    Frame,
    budget_totals,
    budget_year,
    budget_years,
    check_totals,
    kroner,
)

NBSP = "\u00a0"
MK = f"{NBSP}mill.{NBSP}kr"
M = Decimal(1_000_000)


def mill(value: str) -> Decimal:
    return Decimal(value) * M


def decided(year: int, amount: str, **kwargs) -> Frame:
    return Frame(year, "decided", mill(amount), **kwargs)


def proposed(year: int, amount: str) -> Frame:
    return Frame(year, "proposed", mill(amount), reference="HP 2023–2026")


def alloc(year: int, amount: str, spent: str = "0", target: str = "action") -> Allocation:
    return Allocation(year, f"Post {amount}", mill(amount), mill(spent), target)


@pytest.mark.parametrize(
    "frames, allocations, allocated, spent, remaining, unspent, over",
    [
        ([decided(2022, "9.6")], [], "0", "0", "9.6", "0", False),
        (
            [decided(2022, "9.6")],
            [alloc(2022, "4", "1"), alloc(2022, "5.6", "5")],
            "9.6",
            "6",
            "0",
            "3.6",
            False,
        ),
        (
            [decided(2023, "9.6")],
            [alloc(2023, "6", "2"), alloc(2023, "4.2", "3")],
            "10.2",
            "5",
            "-0.6",
            "5.2",
            True,
        ),
        (
            [decided(2023, "9.6"), proposed(2023, "10.6")],
            [alloc(2023, "10.2")],
            "10.2",
            "0",
            "-0.6",
            "10.2",
            True,
        ),
        ([proposed(2024, "10.6")], [alloc(2024, "1.2")], "1.2", "0", None, "1.2", False),
        ([], [alloc(2025, "0.5", "0.7")], "0.5", "0.7", None, "-0.2", False),
        (
            [decided(2022, "9.6", fte=Decimal(2), fte_cost=mill("2.2"))],
            [alloc(2022, "8")],
            "8",
            "0",
            "1.6",
            "8",
            False,
        ),
    ],
    ids=[
        "nothing allocated",
        "allocated to the frame exactly",
        "over-allocated",
        "a proposal does not raise the decided frame",
        "no decided frame",
        "spent more than allocated",
        "the FTE cost is inside the frame, not taken from it",
    ],
)
def test_the_year_adds_up(frames, allocations, allocated, spent, remaining, unspent, over):
    (year,) = budget_years(frames, allocations)
    assert year.allocated == mill(allocated)
    assert year.spent == mill(spent)
    assert year.remaining == (None if remaining is None else mill(remaining))
    assert year.unspent == mill(unspent)
    assert year.over_allocated is over
    assert check_totals(year) == []
    assert sum(a.amount for a in year.allocations) == year.allocated
    if year.decided is not None:
        assert year.remaining + year.allocated == year.decided.amount


def test_over_allocation_gives_a_warning_with_the_figures():
    (year,) = budget_years([decided(2023, "9.6")], [alloc(2023, "6"), alloc(2023, "4.2")])
    assert year.warning == (
        f"Tildelingene for 2023 (10,2{MK}) er 0,6{MK} over den vedtatte rammen på 9,6{MK}."
    )


def test_a_year_with_allocations_but_no_decided_frame_says_so():
    (year,) = budget_years([proposed(2024, "10.6")], [alloc(2024, "1.2")])
    assert "ingen vedtatt ramme" in year.warning
    assert year.warning == (
        f"Det er tildelt 1,2{MK} for 2024, men det er ingen vedtatt ramme for 2024 "
        f"(bare et forslag på 10,6{MK})."
    )
    assert year.remaining is None
    assert year.over_allocated is False


def test_spending_above_the_allocation_gives_a_warning():
    (year,) = budget_years([decided(2025, "1")], [alloc(2025, "0.5", "0.7")])
    assert year.warning == (
        f"Det er brukt 0,2{MK} mer enn tildelt for 2025 (0,7{MK} brukt av 0,5{MK})."
    )


@pytest.mark.parametrize(
    "frames, allocations",
    [
        ([decided(2022, "9.6")], [alloc(2022, "9.6")]),
        ([decided(2022, "9.6")], []),
        ([proposed(2024, "10.6")], []),
        ([], []),
    ],
    ids=["exactly at the frame", "nothing allocated", "only a proposal", "nothing"],
)
def test_no_warning_when_nothing_is_wrong(frames, allocations):
    assert all(year.warning is None for year in budget_years(frames, allocations))


def test_proposals_are_kept_apart_from_decided_frames():
    years = budget_years(
        [
            decided(2022, "9.6"),
            decided(2023, "9.6"),
            proposed(2023, "10.6"),
            proposed(2024, "10.6"),
        ],
        [],
    )
    assert [
        (y.year, y.decided and y.decided.amount, y.proposed and y.proposed.amount) for y in years
    ] == [
        (2022, mill("9.6"), None),
        (2023, mill("9.6"), mill("10.6")),
        (2024, None, mill("10.6")),
    ]
    assert [y.remaining for y in years] == [mill("9.6"), mill("9.6"), None]
    assert [y.proposed_change for y in years] == [None, mill("1"), None]
    assert budget_totals(years).decided == mill("19.2")


def test_the_frame_keeps_its_fte_as_given():
    frame = decided(2022, "9.6", fte=Decimal(2), fte_cost=mill("2.2"), reference="KS 11.01.2022")
    (year,) = budget_years([frame], [])
    assert year.decided is frame
    assert (year.decided.amount, year.decided.fte, year.decided.fte_cost) == (
        mill("9.6"),
        Decimal(2),
        mill("2.2"),
    )
    assert year.remaining == mill("9.6")


def test_allocations_are_split_by_target_and_the_years_are_sorted():
    allocations = [
        alloc(2023, "1", target="agreement"),
        alloc(2022, "2", target="action"),
        alloc(2022, "3", target="agreement"),
        alloc(2022, "0.5", target="other"),
        alloc(2022, "1.5", target="action"),
    ]
    years = budget_years([decided(2022, "9.6")], allocations)
    assert [y.year for y in years] == [2022, 2023]
    assert years[0].by_target == {
        "action": mill("3.5"),
        "agreement": mill("3"),
        "other": mill("0.5"),
    }
    assert years[1].by_target == {"action": 0, "agreement": mill("1"), "other": 0}
    assert all(check_totals(y) == [] for y in years)


def test_the_totals_over_the_years_add_up():
    years = budget_years(
        [decided(2022, "9.6"), decided(2023, "9.6"), proposed(2024, "10.6")],
        [alloc(2022, "9", "8"), alloc(2023, "10.2", "4"), alloc(2024, "1")],
    )
    assert budget_totals(years) == BudgetTotals(
        decided=mill("19.2"), allocated=mill("20.2"), spent=mill("12"), unspent=mill("8.2")
    )


def test_check_totals_finds_figures_that_do_not_add_up():
    from dataclasses import replace

    year = budget_year(2022, [decided(2022, "9.6")], [alloc(2022, "4")])
    broken = replace(year, allocated=mill("5"))
    assert len(check_totals(broken)) == 4
    assert all(p.startswith("2022: ") for p in check_totals(broken))


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: budget_years([decided(2022, "1"), decided(2022, "2")], []), "mer enn én vedtatt"),
        (lambda: Frame(2022, "guess", Decimal(1)), "ukjent type"),
        (lambda: Allocation(2022, "Kurs", Decimal(1), target="party"), "«Kurs» \\(2022\\)"),
    ],
    ids=["two decided frames in a year", "unknown frame kind", "unknown target"],
)
def test_bad_input_is_refused_with_a_norwegian_message(make, message):
    with pytest.raises(ValueError, match=message):
        make()


@pytest.mark.parametrize(
    "value, text",
    [
        ("9600000", "9,6 mill. kr"),
        ("9650000", "9,65 mill. kr"),
        ("10000000", "10,0 mill. kr"),
        ("100000", "0,1 mill. kr"),
        ("20000", "20 000 kr"),
        ("-600000", "−0,6 mill. kr"),
    ],
)
def test_money_in_a_sentence(value, text):
    assert kroner(Decimal(value)) == text.replace(" ", NBSP)
