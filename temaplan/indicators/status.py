"""The status of one indicator in one year against its ambition (target). Pure, no Django.

`evaluate()` applies these rules, the first that fits wins:

1. Not due (`due=False`): NOT_DUE, "Ikke tid for måling ennå (2024)."
2. No target: NO_DATA, "Ingen ambisjon for 2019." There is deliberately no extra status for
   "a value but nothing to measure it against"; the reason says which case it is.
   A target missing the numbers its comparator needs (see `TargetRule.problem`) gives NO_DATA,
   "Ufullstendig ambisjon for 2021."
3. No value: NO_DATA, "Ingen verdi for 2021."
4. `better_than_previous` without last year's value: NO_DATA,
   "Mangler verdi for 2019 å sammenligne med." (the year named is the year before).
5. Otherwise GREEN when the target is met; AMBER when it is missed by no more than `tolerance`
   (in the indicator's own unit: ranks, percentage points, decares, counts, kroner); RED otherwise.

How each comparator is met:
- `rank_at_most`: value <= N. A lower rank number is better whatever `direction` says.
- `at_least` value >= X, `at_most` value <= X, `between` low <= value <= high: a value exactly
  on the boundary meets these (inclusive).
- `above` value > X, `below` value < X, `better_than_previous`: a value exactly on the boundary
  misses them by a distance of 0, which is within any tolerance, so it is AMBER.
- `better_than_previous` is higher than last year when `direction` is HIGHER, lower when it is
  LOWER. For ranks a lower number is always better (as for `rank_at_most`).
- `between`: a value outside the range by at most `tolerance` is AMBER.

A provisional value (`provisional=True`) gets its status as usual; the evaluation is marked
provisional and the reason ends with " (foreløpig tall)" before its full stop. Evaluations
that do not rest on the value (NOT_DUE, NO_DATA) are never provisional.

Reasons are plain Norwegian sentences with numbers written the Norwegian way:
"Rangert 11, ambisjon 12 eller bedre: grønn." / "41,7 %, ambisjon minst 41,4 %: grønn." /
"−101 %, ambisjon over 50 %: rød." / "Rangert 13, ambisjon 12 eller bedre: gul (1 plass fra)."

Numbers are shown with 1 decimal unless they round to a whole number (`54 %`, `41,7 %`); ranks
never have decimals; kroner are shown in millions (`9,6 mill. kr`). `round_for_display()` gives
a value rounded exactly as it is shown, so a projection that reads "43 %" is judged as 43.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from temaplan.core.formatting import NBSP, million_kroner, number, percent


class Comparator(StrEnum):
    """How a target is met. The values are stored in the database: keep them."""

    RANK_AT_MOST = "rank_at_most"
    AT_LEAST = "at_least"
    ABOVE = "above"
    AT_MOST = "at_most"
    BELOW = "below"
    BETTER_THAN_PREVIOUS = "better_than_previous"
    BETWEEN = "between"


class Direction(StrEnum):
    """Which way is better."""

    HIGHER = "higher"
    LOWER = "lower"


class Status(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    NO_DATA = "no_data"
    NOT_DUE = "not_due"


class Unit(StrEnum):
    RANK = "rank"
    PERCENT = "percent"  # a share, 0–100
    RATIO = (
        "ratio"  # a percentage that may pass 100 or go negative (job growth of population growth)
    )
    COUNT = "count"
    DECARES = "decares"
    NOK = "nok"


LABELS = {
    Status.GREEN: "grønn",
    Status.AMBER: "gul",
    Status.RED: "rød",
    Status.NO_DATA: "ingen data",
    Status.NOT_DUE: "ikke målt ennå",
}
# Shown beside the colour so colour is never the only signal (WCAG 1.4.1).
SYMBOLS = {
    Status.GREEN: "✓",
    Status.AMBER: "!",
    Status.RED: "✗",
    Status.NO_DATA: "–",
    Status.NOT_DUE: "…",
}

NOT_DUE_REASON = "Ikke tid for måling ennå ({year})."
NO_TARGET_REASON = "Ingen ambisjon for {year}."
INCOMPLETE_TARGET_REASON = "Ufullstendig ambisjon for {year}."
NO_VALUE_REASON = "Ingen verdi for {year}."
NO_PREVIOUS_REASON = "Mangler verdi for {year} å sammenligne med."
PROVISIONAL_NOTE = " (foreløpig tall)"
ON_THE_BOUNDARY = "akkurat på grensen"

TARGET_NEEDS_VALUE = "Oppgi en verdi for ambisjonen."
TARGET_NEEDS_HIGH = "Oppgi en øvre grense for ambisjonen."
TARGET_LOW_ABOVE_HIGH = "Nedre grense kan ikke være større enn øvre grense."

Number = Decimal | int | float


def decimal(value: Number) -> Decimal:
    """Decimal as is; int and float through their text, so 0.1 stays 0.1."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def to_decimal(value: Number | None) -> Decimal | None:
    """`decimal()`, letting None through."""
    return None if value is None else decimal(value)


@dataclass(frozen=True)
class TargetRule:
    """An ambition: `value` is the bound (the low end for `between`); `high` only for `between`;
    `better_than_previous` needs neither."""

    comparator: Comparator
    value: Decimal | None
    high: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "comparator", Comparator(self.comparator))
        object.__setattr__(self, "value", to_decimal(self.value))
        object.__setattr__(self, "high", to_decimal(self.high))

    @property
    def problem(self) -> str | None:
        """Why this target cannot be evaluated, as a Norwegian message for a form; else None."""
        if self.comparator is Comparator.BETTER_THAN_PREVIOUS:
            return None
        if self.value is None:
            return TARGET_NEEDS_VALUE
        if self.comparator is Comparator.BETWEEN:
            if self.high is None:
                return TARGET_NEEDS_HIGH
            if self.value > self.high:
                return TARGET_LOW_ABOVE_HIGH
        return None


@dataclass(frozen=True)
class Evaluation:
    status: Status
    reason: str
    provisional: bool = False

    @property
    def label(self) -> str:
        return LABELS[self.status]

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.status]


# Formatting ----------------------------------------------------------------------------------

_MILLION = Decimal(1_000_000)
_SUFFIX = {
    Unit.RANK: "",
    Unit.PERCENT: "%",
    Unit.RATIO: "%",
    Unit.COUNT: "",
    Unit.DECARES: "daa",
    Unit.NOK: f"mill.{NBSP}kr",
}
# How a distance from the target is named in an amber reason.
_DISTANCE_UNIT = {
    Unit.PERCENT: "prosentpoeng",
    Unit.RATIO: "prosentpoeng",
    Unit.COUNT: "",
    Unit.DECARES: "daa",
    Unit.NOK: f"mill.{NBSP}kr",
}


def _shown(value: Decimal, unit: Unit) -> tuple[Decimal, int]:
    """The number as it is shown (kroner in millions) and its number of decimals."""
    scaled = value / _MILLION if unit is Unit.NOK else value
    if unit is Unit.RANK:
        decimals = 0
    else:
        tenths = scaled.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        decimals = 0 if tenths == tenths.to_integral_value() else 1
    return scaled.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP), decimals


def round_for_display(value: Number, unit: Unit) -> Decimal:
    """`value` rounded exactly as `format_value` shows it, in the unit's own scale."""
    shown, _ = _shown(decimal(value), unit)
    return shown * _MILLION if unit is Unit.NOK else shown


def bare_number(value: Number | None, unit: Unit) -> str:
    """The number as `format_value` shows it, without the unit: `41,7`, `9,6`, `1 234`."""
    if value is None:
        return "–"
    shown, decimals = _shown(decimal(value), unit)
    return number(shown, decimals)


def with_unit(text: str, unit: Unit) -> str:
    """`text` followed by the unit's sign, if it has one: `41,7 %`, `15 daa`."""
    suffix = _SUFFIX[Unit(unit)]
    return f"{text}{NBSP}{suffix}" if suffix else text


def format_value(value: Number | None, unit: Unit) -> str:
    """rank `11`, percent `41,7 %` / `54 %`, count `1 234`, decares `15 daa`, nok `9,6 mill. kr`;
    None → `–`."""
    if value is None:
        return "–"
    value, unit = decimal(value), Unit(unit)
    _, decimals = _shown(value, unit)
    if unit in (Unit.PERCENT, Unit.RATIO):
        return percent(value, decimals)
    if unit is Unit.NOK:
        return million_kroner(value, decimals)
    return with_unit(bare_number(value, unit), unit)


def _lower_is_better(unit: Unit, direction: Direction) -> bool:
    return unit is Unit.RANK or direction is Direction.LOWER


def describe_target(target: TargetRule, unit: Unit, direction: Direction) -> str:
    """`12 eller bedre`, `minst 41,4 %`, `over 50 %`, `høyst 15 daa`, `under 15 daa`,
    `mellom 10 og 20 daa`, `høyere enn året før` (`lavere …`; ranks: `bedre plassering …`)."""
    unit, direction = Unit(unit), Direction(direction)
    comparator = target.comparator
    if comparator is Comparator.BETTER_THAN_PREVIOUS:
        if unit is Unit.RANK:
            return "bedre plassering enn året før"
        return "lavere enn året før" if direction is Direction.LOWER else "høyere enn året før"
    if comparator is Comparator.RANK_AT_MOST:
        return f"{bare_number(target.value, Unit.RANK)} eller bedre"
    if comparator is Comparator.BETWEEN:
        low, high = bare_number(target.value, unit), bare_number(target.high, unit)
        return f"mellom {with_unit(f'{low} og {high}', unit)}"
    word = {
        Comparator.AT_LEAST: "minst",
        Comparator.ABOVE: "over",
        Comparator.AT_MOST: "høyst",
        Comparator.BELOW: "under",
    }[comparator]
    return f"{word} {format_value(target.value, unit)}"


def _describe_distance(distance: Decimal, unit: Unit) -> str:
    """How far a missed target is off: `1 plass fra`, `0,3 prosentpoeng fra`."""
    if distance == 0:
        return ON_THE_BOUNDARY
    if unit is Unit.RANK:
        places = round_for_display(distance, unit)
        return f"{number(places)} {'plass' if places == 1 else 'plasser'} fra"
    text = bare_number(distance, unit)
    if round_for_display(distance, unit) == 0:  # too small to show: say "under 0,1"
        text = f"under {number(Decimal('0.1'), 1)}"
    name = _DISTANCE_UNIT[unit]
    return f"{text} {name} fra" if name else f"{text} fra"


# Evaluation ----------------------------------------------------------------------------------


_FLOORS = {Comparator.AT_LEAST, Comparator.ABOVE}  # the value must be at or over the bound
_STRICT = {Comparator.ABOVE, Comparator.BELOW}  # the bound itself does not meet them


def _shortfall(
    target: TargetRule, value: Decimal, previous: Decimal | None, lower_is_better: bool
) -> Decimal | None:
    """None when the target is met, else how far the value is from meeting it (>= 0)."""
    comparator, bound = target.comparator, target.value
    if comparator is Comparator.BETTER_THAN_PREVIOUS:
        comparator = Comparator.BELOW if lower_is_better else Comparator.ABOVE
        bound = previous
    assert bound is not None, "evaluate() checks the target and previous first"
    if comparator is Comparator.BETWEEN:
        assert target.high is not None, "evaluate() checks the target first"
        if value < bound:
            return bound - value
        return None if value <= target.high else value - target.high
    # Positive on the wrong side of the bound, zero on it, negative on the right side.
    distance = bound - value if comparator in _FLOORS else value - bound
    met = distance < 0 if comparator in _STRICT else distance <= 0
    return None if met else distance


def evaluate(
    *,
    target: TargetRule | None,
    value: Number | None,
    previous: Number | None = None,
    unit: Unit,
    direction: Direction,
    tolerance: Number = Decimal(0),
    provisional: bool = False,
    due: bool = True,
    year: int,
) -> Evaluation:
    """The status of `value` in `year` against `target`; see the module docstring for the rules.
    `previous` is last year's value, used only by `better_than_previous`."""
    unit, direction = Unit(unit), Direction(direction)
    value, previous = to_decimal(value), to_decimal(previous)
    allowed = decimal(tolerance)
    if allowed < 0:
        raise ValueError("tolerance cannot be negative")
    if not due:
        return Evaluation(Status.NOT_DUE, NOT_DUE_REASON.format(year=year))
    if target is None:
        return Evaluation(Status.NO_DATA, NO_TARGET_REASON.format(year=year))
    if target.problem:
        return Evaluation(Status.NO_DATA, INCOMPLETE_TARGET_REASON.format(year=year))
    if value is None:
        return Evaluation(Status.NO_DATA, NO_VALUE_REASON.format(year=year))
    comparing = target.comparator is Comparator.BETTER_THAN_PREVIOUS
    if comparing and previous is None:
        return Evaluation(Status.NO_DATA, NO_PREVIOUS_REASON.format(year=year - 1))

    shortfall = _shortfall(target, value, previous, _lower_is_better(unit, direction))
    if shortfall is None:
        status, detail = Status.GREEN, ""
    elif shortfall <= allowed:
        status, detail = Status.AMBER, f" ({_describe_distance(shortfall, unit)})"
    else:
        status, detail = Status.RED, ""

    shown = (
        f"Rangert {format_value(value, unit)}" if unit is Unit.RANK else format_value(value, unit)
    )
    ambition = describe_target(target, unit, direction)
    if comparing:
        ambition += f" ({format_value(previous, unit)})"
    note = PROVISIONAL_NOTE if provisional else ""
    reason = f"{shown}, ambisjon {ambition}: {LABELS[status]}{detail}{note}."
    return Evaluation(status, reason, provisional=provisional)
