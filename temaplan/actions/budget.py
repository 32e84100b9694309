"""Yearly budget arithmetic: the decided frame, the proposed frame, what is allocated and spent.

- A year has at most one decided frame (kommunestyrevedtak) and one proposed frame (forslag i
  økonomiplanen). They are kept apart: only the decided frame is a limit; a proposal is shown
  beside it, never added to it or used in its place.
- The frame's amount is taken as given, and it *includes* the cost of its FTEs (årsverk): Asker's
  9.6 MNOK frame "including 2 FTE" is 9.6 MNOK, not 9.6 MNOK plus the FTE cost. `fte` and
  `fte_cost` are shown beside the frame for information; they are neither added to nor taken
  from it. If the FTEs should count against the frame, enter them as an allocation.
- remaining = decided amount − allocated (None without a decided frame);
  unspent = allocated − spent. Allocations above the decided frame give a warning, and so do
  allocations in a year with no decided frame, and spending above what is allocated.

Pure: no Django here. Views build `Frame` and `Allocation` from `BudgetFrame` and
`BudgetAllocation` rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from temaplan.core.formatting import NBSP, million_kroner, number

DECIDED, PROPOSED = "decided", "proposed"
KINDS = (DECIDED, PROPOSED)
ACTION, AGREEMENT, OTHER = "action", "agreement", "other"
TARGETS = (ACTION, AGREEMENT, OTHER)
TARGET_LABELS = {ACTION: "Tiltak", AGREEMENT: "Partnerskapsavtaler", OTHER: "Annet"}
ZERO = Decimal(0)


def kroner(value: Decimal) -> str:
    """Money in a sentence: `9,6 mill. kr`, `9,65 mill. kr` (as many decimals as needed, up to 2)
    from 100 000 kr; below that in whole kroner, `20 000 kr`."""
    if abs(value) < 100_000:
        return f"{number(value)}{NBSP}kr"
    exact_to_tenth = value % 100_000 == 0
    return million_kroner(value, 1 if exact_to_tenth else 2)


@dataclass(frozen=True)
class Frame:
    year: int
    kind: str  # "decided" or "proposed"
    amount: Decimal  # the whole frame, FTE cost included
    fte: Decimal = ZERO
    fte_cost: Decimal = ZERO
    reference: str = ""
    id: int | None = None  # the stored row, for the page's edit and delete links

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Rammen for {self.year}: ukjent type «{self.kind}».")


@dataclass(frozen=True)
class Allocation:
    year: int
    label: str
    amount: Decimal
    spent: Decimal = ZERO
    target: str = OTHER  # "action", "agreement" or "other"
    id: int | None = None  # the stored row, for the page's edit and delete links

    def __post_init__(self) -> None:
        if self.target not in TARGETS:
            raise ValueError(
                f"Tildelingen «{self.label}» ({self.year}): ukjent mål «{self.target}»."
            )


@dataclass(frozen=True)
class BudgetYear:
    year: int
    decided: Frame | None
    proposed: Frame | None
    allocated: Decimal  # sum of the year's allocations
    spent: Decimal  # sum of what they have spent
    remaining: Decimal | None  # decided amount − allocated; None without a decided frame
    unspent: Decimal  # allocated − spent
    over_allocated: bool  # allocated above the decided frame (False without one; see warning)
    warning: str | None  # Norwegian; every problem of the year, one sentence each
    by_target: dict[str, Decimal] = field(default_factory=dict)  # action, agreement, other
    allocations: list[Allocation] = field(default_factory=list)

    @property
    def proposed_change(self) -> Decimal | None:
        """How much the proposal changes the decided frame (both must exist)."""
        if self.decided is None or self.proposed is None:
            return None
        return self.proposed.amount - self.decided.amount


@dataclass(frozen=True)
class BudgetTotals:
    decided: Decimal
    allocated: Decimal
    spent: Decimal
    unspent: Decimal


def _warning(
    year: int, decided: Frame | None, proposed: Frame | None, allocated: Decimal, spent: Decimal
) -> str | None:
    sentences = []
    if decided is None:
        if allocated:
            proposal = f" (bare et forslag på {kroner(proposed.amount)})" if proposed else ""
            sentences.append(
                f"Det er tildelt {kroner(allocated)} for {year}, men det er ingen vedtatt "
                f"ramme for {year}{proposal}."
            )
    elif allocated > decided.amount:
        sentences.append(
            f"Tildelingene for {year} ({kroner(allocated)}) er {kroner(allocated - decided.amount)}"
            f" over den vedtatte rammen på {kroner(decided.amount)}."
        )
    if spent > allocated:
        sentences.append(
            f"Det er brukt {kroner(spent - allocated)} mer enn tildelt for {year} "
            f"({kroner(spent)} brukt av {kroner(allocated)})."
        )
    return " ".join(sentences) or None


def budget_year(
    year: int, frames: Iterable[Frame], allocations: Iterable[Allocation]
) -> BudgetYear:
    """The year's figures from the frames and allocations of that year (others are ignored)."""
    chosen: dict[str, Frame] = {}
    for frame in frames:
        if frame.year != year:
            continue
        if frame.kind in chosen:
            kind = "vedtatt" if frame.kind == DECIDED else "foreslått"
            raise ValueError(f"Det er mer enn én {kind} ramme for {year}.")
        chosen[frame.kind] = frame
    decided, proposed = chosen.get(DECIDED), chosen.get(PROPOSED)
    mine = [a for a in allocations if a.year == year]
    allocated = sum((a.amount for a in mine), ZERO)
    spent = sum((a.spent for a in mine), ZERO)
    by_target = {t: sum((a.amount for a in mine if a.target == t), ZERO) for t in TARGETS}
    return BudgetYear(
        year=year,
        decided=decided,
        proposed=proposed,
        allocated=allocated,
        spent=spent,
        remaining=None if decided is None else decided.amount - allocated,
        unspent=allocated - spent,
        over_allocated=decided is not None and allocated > decided.amount,
        warning=_warning(year, decided, proposed, allocated, spent),
        by_target=by_target,
        allocations=mine,
    )


def budget_years(frames: Iterable[Frame], allocations: Iterable[Allocation]) -> list[BudgetYear]:
    """One `BudgetYear` per year that has a frame or an allocation, oldest first."""
    frames, allocations = list(frames), list(allocations)
    years = sorted({f.year for f in frames} | {a.year for a in allocations})
    return [budget_year(year, frames, allocations) for year in years]


def budget_totals(years: Iterable[BudgetYear]) -> BudgetTotals:
    """The sum row under the table: decided frames, allocated, spent and unspent over the years
    (proposals are not summed: they are not money anyone has decided on)."""
    years = list(years)
    return BudgetTotals(
        decided=sum((y.decided.amount for y in years if y.decided), ZERO),
        allocated=sum((y.allocated for y in years), ZERO),
        spent=sum((y.spent for y in years), ZERO),
        unspent=sum((y.unspent for y in years), ZERO),
    )


def check_totals(year: BudgetYear) -> list[str]:
    """What does not add up in a `BudgetYear` (empty when everything does). A guard for code
    that builds or changes a `BudgetYear`, and what the tests hold the arithmetic to."""
    problems = []
    if sum((a.amount for a in year.allocations), ZERO) != year.allocated:
        problems.append(f"{year.year}: tildelingene summerer ikke til tildelt.")
    if sum((a.spent for a in year.allocations), ZERO) != year.spent:
        problems.append(f"{year.year}: brukt summerer ikke.")
    if sum(year.by_target.values(), ZERO) != year.allocated:
        problems.append(f"{year.year}: fordelingen på tiltak, avtaler og annet summerer ikke.")
    if year.unspent + year.spent != year.allocated:
        problems.append(f"{year.year}: ubrukt + brukt er ikke lik tildelt.")
    if year.decided is not None and (
        year.remaining is None or year.remaining + year.allocated != year.decided.amount
    ):
        problems.append(f"{year.year}: gjenstående + tildelt er ikke lik rammen.")
    return problems
