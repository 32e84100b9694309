"""Municipality numbers in an edition: are they valid on its date, and what are they today?

The code history comes from KLASS through the statistics app (stored by `temaplan ssb sync`).
Without it Temaplan still knows that the county is the number's first two digits in every
era (statistics.counties), so a number from another era's county is refused; only with the
history can it tell a number that never existed, or say what an old number is called today.
"""

from __future__ import annotations

from datetime import date

from temaplan.statistics.compute import code_history
from temaplan.statistics.counties import counties_at
from temaplan.statistics.regions import CodeHistory

from .county import sizes_from_codes

NOT_FOUR_DIGITS = "«{code}» er ikke et kommunenummer: det har fire sifre, for eksempel 3203."
NO_SUCH_COUNTY = (
    "Kommunenummer {code} fantes ikke {when}: fylke {county} fantes ikke da. Bruk "
    "kommunenummeret slik det var i utgaven."
)
NO_SUCH_CODE = (
    "Kommunenummer {code} fantes ikke {when}. Bruk kommunenummeret slik det var i utgaven."
)
NO_HISTORY_FOR_TODAY = (
    "Temaplan kjenner ikke kommunenes kodehistorikk ennå, så de gamle numrene kan ikke "
    "føres over på dagens kommuner. Kjør «temaplan ssb sync», så hentes den fra SSBs KLASS."
)


def stored_history() -> CodeHistory | None:
    """The code history from KLASS, or None before the first sync."""
    try:
        return code_history()
    except LookupError:
        return None


def _norwegian_date(at: date) -> str:
    return f"{at.day}.{at.month}.{at.year}"


def code_problem(code: str, at: date, history: CodeHistory | None) -> str | None:
    """Why `code` was not a municipality number on `at`, in Norwegian; None if it was."""
    if len(code) != 4 or not code.isdigit():
        return NOT_FOUR_DIGITS.format(code=code)
    when = _norwegian_date(at)
    if code[:2] not in counties_at(at):
        return NO_SUCH_COUNTY.format(code=code, when=when, county=code[:2])
    if history is not None and history.since <= at and not history.is_valid(code, at):
        return NO_SUCH_CODE.format(code=code, when=when)
    return None


def county_sizes_at(at: date, history: CodeHistory | None) -> dict[str, int] | None:
    """County number → municipalities on `at`, when the history covers that day."""
    if history is None or not history.complete or at < history.since:
        return None
    return sizes_from_codes(history.valid_codes_at(at))


def today_code(code: str, at: date, history: CodeHistory | None) -> str | None:
    """Today's number for `code` as valid on `at`: the municipality most of its area lies in
    now. None without a history (unless nothing can have changed), or for an unknown code."""
    if history is None:
        return None
    if at >= history.as_of:
        return code
    try:
        parts = history.successors(code, at.year, at=history.as_of)
    except ValueError:
        return None
    return max(parts, key=lambda part: part.weight).code if parts else None
