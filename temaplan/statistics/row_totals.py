"""Row sums of a home × work table (03321): everyone employed who lives in a region, wherever
they work. Pure numpy, no Django.

The share working in the home municipality can take the 03321 row sum as its denominator
instead of employed by residence from 11618 (a setting; see docs/formulas.md). Only the
diagonal and the pairs inside later mergers are stored of the matrix, so the row sums are
worked out while the whole rows are at hand, and stored as region2 = ROW_TOTAL.

A row sum is only right when the row is whole. A sync asks SSB for every work region (`*`),
so its rows are. A file downloaded by hand may hold a selection, so `incomplete_years` says
which years of it do not cover the country (see its docstring for the rule).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

# At most this share of the municipalities valid in a year may be missing as work regions in
# a file whose rows are taken as whole. SSB's own export of 03321 for 2019 has Rindal under
# its old code 1567 (all zeros) and not under 5061, so "every code" would refuse a real file.
MAX_MISSING_WORK_SHARE = 0.01


@dataclass(frozen=True)
class RowTotal:
    content: str
    home: str
    year: int
    value: float | None  # None when a cell of the row is missing (suppressed or not given)


def is_region_code(code: str) -> bool:
    """A municipality or pseudo-municipality (Svalbard, continental shelf, unknown): four
    digits. National and county aggregates ("0", "30") are left out, or rows count twice."""
    return len(code) == 4 and code.isdigit()


def row_totals(
    homes: np.ndarray,
    works: np.ndarray,
    years: np.ndarray,
    contents: np.ndarray,
    values: np.ndarray,
) -> list[RowTotal]:
    """Sum `values` over the work regions for each (content, home region, year).

    One cell per row of input (long form, as `Dataset.columns()` or a CSV export gives).
    Rows whose home or work code is not a region code are left out. A row sum with a missing
    cell (NaN) is None rather than a sum that silently leaves part of the row out.
    """
    homes = np.asarray(homes).astype(str)
    works = np.asarray(works).astype(str)
    keep = _region_mask(homes) & _region_mask(works)
    if not keep.any():
        return []
    home_codes, home_at = np.unique(homes[keep], return_inverse=True)
    year_codes, year_at = np.unique(np.asarray(years)[keep].astype(np.int64), return_inverse=True)
    content_codes, content_at = np.unique(
        np.asarray(contents).astype(str)[keep], return_inverse=True
    )
    kept = np.asarray(values, dtype=np.float64)[keep]
    flat = (content_at * home_codes.size + home_at) * year_codes.size + year_at
    cells = content_codes.size * home_codes.size * year_codes.size
    missing = np.isnan(kept)
    sums = np.bincount(flat, weights=np.where(missing, 0.0, kept), minlength=cells)
    holes = np.bincount(flat, weights=missing, minlength=cells)
    seen = np.bincount(flat, minlength=cells)
    out = []
    for index in np.flatnonzero(seen).tolist():
        rest, y = divmod(index, year_codes.size)
        c, h = divmod(rest, home_codes.size)
        out.append(
            RowTotal(
                content=str(content_codes[c]),
                home=str(home_codes[h]),
                year=int(year_codes[y]),
                value=None if holes[index] else float(sums[index]),
            )
        )
    return out


def incomplete_years(
    homes: np.ndarray,
    works: np.ndarray,
    years: np.ndarray,
    valid_codes: Callable[[int], frozenset[str] | None],
) -> dict[int, str]:
    """{year: why} for the years of a home × work file whose rows are not whole.

    A year's rows count as whole when every home region of that year is also a work region
    (the matrix is square, as a download of the whole country is) and at most
    MAX_MISSING_WORK_SHARE of the municipalities valid that year (`valid_codes(year)`) are
    missing as work regions. `valid_codes` returning None means the year is not known: then
    the rows are not taken as whole either.
    """
    homes = np.asarray(homes).astype(str)
    works = np.asarray(works).astype(str)
    years = np.asarray(years).astype(np.int64)
    out: dict[int, str] = {}
    for year in np.unique(years).tolist():
        in_year = years == year
        home_set = set(np.unique(homes[in_year]).tolist())
        work_set = set(np.unique(works[in_year]).tolist())
        valid = valid_codes(year)
        if valid is None:
            out[year] = "kommuneinndelingen det året er ukjent"
            continue
        not_working = sorted(c for c in home_set - work_set if is_region_code(c))
        if not_working:
            out[year] = f"bostedskommune {_few(not_working)} mangler som arbeidssted"
            continue
        lacking = sorted(valid - work_set)
        if len(lacking) > MAX_MISSING_WORK_SHARE * len(valid):
            out[year] = (
                f"{len(lacking)} av {len(valid)} kommuner mangler som arbeidssted ({_few(lacking)})"
            )
    return out


def _region_mask(codes: np.ndarray) -> np.ndarray:
    lengths = np.char.str_len(codes)
    mask: np.ndarray = (lengths == 4) & np.char.isdigit(codes)
    return mask


def _few(codes: list[str], limit: int = 5) -> str:
    shown = ", ".join(codes[:limit])
    return shown + (f" og {len(codes) - limit} til" if len(codes) > limit else "")
