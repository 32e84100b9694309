"""Writing and reading the series store.

Writing compares each incoming cell with what is stored: new cells are created, equal ones
left alone, and a cell whose value differs keeps the old value as a revision and is listed,
so a sync says what SSB revised instead of silently overwriting it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import ROW_TOTAL, SeriesRevision, SeriesValue

# region, region2 ("" for one region), year, value (None when suppressed), status symbol
Cell = tuple[str, str, int, float | None, str]


@dataclass
class Revision:
    table: str
    content: str
    region: str
    region2: str
    year: int
    old: float | None
    new: float | None
    old_vintage: str
    new_vintage: str

    def __str__(self) -> str:
        where = f"{self.region}→{self.region2}" if self.region2 else self.region
        return (
            f"{self.table}/{self.content} {where} {self.year}: {self.old} → {self.new} "
            f"(versjon {self.old_vintage or '?'} → {self.new_vintage or '?'})"
        )


@dataclass
class StoreResult:
    created: int = 0
    unchanged: int = 0
    revised: list[Revision] = field(default_factory=list)

    def __iadd__(self, other: StoreResult) -> StoreResult:
        self.created += other.created
        self.unchanged += other.unchanged
        self.revised += other.revised
        return self


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)


def series_store(
    *,
    table: str,
    content: str,
    cells: Iterable[Cell],
    vintage: str,
    now: datetime | None = None,
) -> StoreResult:
    """Store one content code of one table. Runs inside the caller's transaction if any."""
    now = now or timezone.now()
    incoming = {(r, r2, y): (v, s) for r, r2, y, v, s in cells}
    years = {y for _r, _r2, y in incoming}
    existing = {
        (row.region, row.region2, row.year): row
        for row in SeriesValue.objects.filter(table=table, content=content, year__in=years)
    }
    result = StoreResult()
    new_rows, changed_rows, revisions = [], [], []
    for key, (value, status) in incoming.items():
        row = existing.get(key)
        if row is None:
            region, region2, year = key
            new_rows.append(
                SeriesValue(
                    table=table,
                    content=content,
                    region=region,
                    region2=region2,
                    year=year,
                    value=value,
                    status=status,
                    vintage=vintage,
                    fetched_at=now,
                )
            )
            continue
        if _same(row.value, value) and row.status == status:
            result.unchanged += 1
            continue
        revisions.append(
            SeriesRevision(
                series_value=row,
                value=row.value,
                status=row.status,
                vintage=row.vintage,
                replaced_at=now,
            )
        )
        result.revised.append(
            Revision(table, content, *key, row.value, value, row.vintage, vintage)
        )
        row.value, row.status, row.vintage, row.fetched_at = value, status, vintage, now
        changed_rows.append(row)
    with transaction.atomic():
        SeriesValue.objects.bulk_create(new_rows, batch_size=2000)
        SeriesValue.objects.bulk_update(
            changed_rows, ["value", "status", "vintage", "fetched_at"], batch_size=2000
        )
        SeriesRevision.objects.bulk_create(revisions, batch_size=2000)
    result.created = len(new_rows)
    return result


def load_published(
    table: str,
    content: str,
    *,
    years: Iterable[int] | None = None,
    pairs: bool = False,
    row_totals: bool = False,
    regions: Iterable[str] | None = None,
) -> dict:
    """Stored values as published: {(region, year): value}; with pairs=True
    {(home, work, year): value} for the two-region cells; with row_totals=True
    {(home, year): value} for the sums over every work region (region2 = ROW_TOTAL)."""
    rows = SeriesValue.objects.filter(table=table, content=content)
    if years is not None:
        rows = rows.filter(year__in=list(years))
    if regions is not None:
        rows = rows.filter(region__in=sorted(regions))
    if row_totals:
        rows = rows.filter(region2=ROW_TOTAL)
        return {(r, y): v for r, y, v in rows.values_list("region", "year", "value")}
    if pairs:
        rows = rows.exclude(region2="").exclude(region2=ROW_TOTAL)
        return {
            (r, r2, y): v for r, r2, y, v in rows.values_list("region", "region2", "year", "value")
        }
    rows = rows.filter(region2="")
    return {(r, y): v for r, y, v in rows.values_list("region", "year", "value")}


def vintage_of(table: str, content: str) -> str:
    """The newest data vintage stored for a table's content code."""
    latest = (
        SeriesValue.objects.filter(table=table, content=content)
        .order_by("-vintage")
        .values_list("vintage", flat=True)
        .first()
    )
    return latest or ""
