"""Which values make sense for a unit. Pure; shared by the forms, the Excel import and the CLI."""

from __future__ import annotations

from decimal import Decimal

from temaplan.core.formatting import number_as_stored

from .status import Unit

YEAR_SPAN_BEFORE_PLAN = 10  # results from before the plan are its baseline


def value_problem(value: Decimal, unit: Unit) -> str | None:
    """A Norwegian sentence saying what is wrong with the value, or None when it is fine."""
    if not value.is_finite():
        return "Verdien må være et tall."
    if unit == Unit.RANK and (value < 1 or value != value.to_integral_value()):
        return "En plassering er et helt tall fra 1 og oppover."
    if unit == Unit.PERCENT and not (0 <= value <= 100):
        return f"En andel i prosent må være mellom 0 og 100, ikke {number_as_stored(value)}."
    if unit == Unit.DECARES and value < 0:
        return "Antall dekar kan ikke være negativt."
    return None


def year_problem(year: int, first_year: int, last_year: int) -> str | None:
    earliest = first_year - YEAR_SPAN_BEFORE_PLAN
    if not earliest <= year <= last_year:
        return (
            f"Året {year} er utenfor planen: bruk år fra {earliest} "
            f"(grunnlag før planstart) til {last_year}."
        )
    return None
