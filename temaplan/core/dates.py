"""Dates the Norwegian way: «3. desember 2026», «3. desember 2026 kl. 06.15». Pure, no Django.

Språkrådet writes the time with a full stop between hours and minutes (kl. 06.15) and the
month in small letters. The caller converts to local time first (the template filter does).
"""

from __future__ import annotations

from datetime import date, datetime

MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


def long_date(value: date | None) -> str:
    if value is None:
        return "–"
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def date_and_time(value: datetime | None) -> str:
    if value is None:
        return "–"
    return f"{long_date(value)} kl. {value.hour:02d}.{value.minute:02d}"
