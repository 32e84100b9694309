"""Loading hand-downloaded StatBank files (CSV exports, JSON-stat, PC-Axis) into the store.

Counts are summed over every dimension that is not region, year or content (ages, sexes),
which is what the formulas read: population 1 January is the sum over single ages.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.db import transaction

from .jsonstat import decode
from .jsonstat_model import Dataset, JsonStatError
from .models import ROW_TOTAL, ResolvedSource
from .row_totals import incomplete_years, row_totals
from .sources import CONTENT_ALIASES, SOURCES
from .statbank_csv import read_csv_export
from .statbank_px import read_px
from .statbank_text import StatbankFileError
from .store import Cell, StoreResult, series_store

TABLE_NUMBER = re.compile(r"^\s*(\d{5})\b")
UNKNOWN_TABLE = (
    "«{name}»: finner ikke SSB-tabellnummeret i filen. Oppgi det med --table, for eksempel "
    "--table 07459."
)
UNKNOWN_FORMAT = (
    "«{name}»: kjenner ikke igjen filen. Bruk CSV fra Statistikkbanken, JSON-stat eller PX."
)
NO_REGION = "«{name}»: fant ingen regiondimensjon i filen."
ROW_TOTALS_SKIPPED = (
    "Tabell {table} {year}: radsummer (sysselsatte etter bosted over alle arbeidssteder) er "
    "ikke lagret, fordi {why}. Last ned hele landet som arbeidssted for å få dem."
)


class StatbankImportError(ValueError):
    """A file that cannot be read into the store; the message says why, in Norwegian."""


@dataclass
class FileImport:
    name: str
    table: str
    vintage: str
    result: StoreResult
    notes: list[str] = field(default_factory=list)


@dataclass
class RowTotalsRule:
    """Store the row sums of a home × work table (region2 = ROW_TOTAL), and for which years.

    `valid_codes(year)`: the municipalities of that year, to tell whether a file's rows are
    whole (see row_totals.incomplete_years); None when the rows are whole by construction, as
    in a sync, which asks SSB for every work region. Years left out are explained in `notes`.
    """

    valid_codes: Callable[[int], frozenset[str] | None] | None = None
    notes: list[str] = field(default_factory=list)


def _content_code(table: str, label: str) -> str:
    return CONTENT_ALIASES.get((table, label), label)


def cells_from_columns(
    table: str,
    regions: np.ndarray,
    years: np.ndarray,
    contents: np.ndarray,
    values: np.ndarray,
    regions2: np.ndarray | None = None,
    keep_pair=None,
    row_totals_rule: RowTotalsRule | None = None,
    *,
    pairs: bool = True,
) -> dict[str, list[Cell]]:
    """Sum values over the dimensions not named here; keep only 4-digit region codes.

    For two-region tables, `keep_pair(home, work, year)` says which pairs to store (see
    harmonise.pairs_worth_keeping): the rest of a commuting matrix is never read. With a
    `row_totals_rule`, each home region's sum over all work regions is stored too; with
    `pairs=False` as well, only those sums.
    """
    by_content: dict[str, list[Cell]] = {}
    if pairs or regions2 is None:
        by_content = _pair_and_region_cells(
            table, regions, years, contents, values, regions2, keep_pair
        )
    if regions2 is not None and row_totals_rule is not None:
        for content, cells in _row_total_cells(
            table, regions, regions2, years, contents, values, row_totals_rule
        ).items():
            by_content.setdefault(content, []).extend(cells)
    return by_content


def _row_total_cells(table, homes, works, years, contents, values, rule: RowTotalsRule):
    skipped = (
        {} if rule.valid_codes is None else incomplete_years(homes, works, years, rule.valid_codes)
    )
    rule.notes += [
        ROW_TOTALS_SKIPPED.format(table=table, year=year, why=why)
        for year, why in sorted(skipped.items())
    ]
    by_content: dict[str, list[Cell]] = defaultdict(list)
    for total in row_totals(homes, works, years, contents, values):
        if total.year in skipped:
            continue
        status = ".." if total.value is None else ""
        by_content[_content_code(table, total.content)].append(
            (total.home, ROW_TOTAL, total.year, total.value, status)
        )
    return by_content


def _pair_and_region_cells(table, regions, years, contents, values, regions2, keep_pair):
    """The cells of a one-region table, or the kept pairs of a two-region one, summed over the
    dimensions not named (ages, sexes)."""
    sums: dict[tuple[str, str, str, int], float] = defaultdict(float)
    missing: set[tuple[str, str, str, int]] = set()
    if regions2 is not None and keep_pair is not None:
        rows = [
            i
            for i in range(len(values))
            if keep_pair(str(regions[i]), str(regions2[i]), int(years[i]))
        ]
    else:
        rows = list(range(len(values)))
    for i in rows:
        region = str(regions[i])
        region2 = str(regions2[i]) if regions2 is not None else ""
        if not region.isdigit() or len(region) != 4 or (region2 and len(region2) != 4):
            continue  # pseudo-regions (Svalbard, continental shelf, unknown) and aggregates
        key = (_content_code(table, str(contents[i])), region, region2, int(years[i]))
        value = values[i]
        if np.isnan(value):
            missing.add(key)
        else:
            sums[key] += float(value)
    by_content: dict[str, list[Cell]] = defaultdict(list)
    for key in set(sums) | missing:
        content, region, region2, year = key
        value = None if key in missing else sums[key]
        by_content[content].append((region, region2, year, value, ".." if value is None else ""))
    return by_content


def cells_from_dataset(
    table: str,
    dataset: Dataset,
    keep_pair=None,
    row_totals_rule: RowTotalsRule | None = None,
    *,
    pairs: bool = True,
    regions: Sequence[str] = (),
    time: str | None = None,
) -> dict[str, list[Cell]]:
    """The cells of a dataset by content code. A sync names the region and time dimensions it
    resolved from the table's metadata; a file's are guessed from roles and names."""
    columns = dataset.columns()
    geo = list(regions) or [
        d.id
        for d in dataset.dimensions
        if d.role == "geo" or "region" in d.id.lower() or "komm" in d.id.lower()
    ]
    if not geo:
        raise StatbankImportError(NO_REGION.format(name=dataset.label))
    time = time or next(
        (d.id for d in dataset.dimensions if d.role == "time" or d.id == "Tid"), None
    )
    content = next(
        (d.id for d in dataset.dimensions if d.role == "metric" or d.id == "ContentsCode"), None
    )
    n = dataset.size
    contents = columns[content] if content else np.full(n, "verdi", dtype=object)
    return cells_from_columns(
        table,
        columns[geo[0]],
        columns[time].astype(int) if time else np.zeros(n, dtype=int),
        contents,
        columns["value"],
        columns[geo[1]] if len(geo) > 1 else None,
        keep_pair,
        row_totals_rule,
        pairs=pairs,
    )


def read_file(
    name: str,
    data: bytes,
    table: str | None,
    keep_pair=None,
    row_totals_rule: RowTotalsRule | None = None,
) -> tuple[str, str, dict[str, list[Cell]]]:
    """(table number, vintage, cells by content code) from one file."""
    lowered = name.lower()
    if lowered.endswith(".gz"):
        import gzip

        data, lowered = gzip.decompress(data), lowered[:-3]
    try:
        if lowered.endswith(".px"):
            dataset = read_px(data)
            table = table or _table_from(dataset.label)
            vintage = dataset.updated or ""
            cells = cells_from_dataset(_need(table, name), dataset, keep_pair, row_totals_rule)
        elif lowered.endswith(".json"):
            dataset = decode(data)
            table = table or _table_from(dataset.label)
            vintage = dataset.updated or ""
            cells = cells_from_dataset(_need(table, name), dataset, keep_pair, row_totals_rule)
        elif lowered.endswith((".csv", ".txt")):
            export = read_csv_export(data)
            table = table or _table_from(export.title or "")
            c = export.columns
            cells = cells_from_columns(
                _need(table, name),
                c["region_code"],
                c["year"],
                c.get("contents", np.full(len(export), "verdi", dtype=object)),
                c["value"],
                _second_region(c),
                keep_pair,
                row_totals_rule,
            )
            vintage = f"fil {name}"[:200]
        else:
            raise StatbankImportError(UNKNOWN_FORMAT.format(name=name))
    except (JsonStatError, StatbankFileError) as error:
        raise StatbankImportError(f"«{name}»: {error}") from error
    return _need(table, name), vintage, cells


def _second_region(columns: dict) -> np.ndarray | None:
    """The work-region column of a home × work export, if there is one."""
    for name in ("work_municipality", "work_region_code", "region2_code"):
        if name in columns:
            return columns[name]
    return None


def _table_from(label: str) -> str | None:
    match = TABLE_NUMBER.match(label or "")
    return match.group(1) if match else None


def _need(table: str | None, name: str) -> str:
    if not table:
        raise StatbankImportError(UNKNOWN_TABLE.format(name=name))
    return table


def statbank_files_import(
    files: list[tuple[str, bytes]], *, table: str | None = None
) -> list[FileImport]:
    """Read every file first, then store them all in one transaction: all or nothing."""
    history = _stored_history()
    keep_pair, valid_codes = _pair_filter(history), _valid_codes_by_year(history)
    read = []
    for name, data in files:
        rule = RowTotalsRule(valid_codes=valid_codes)
        read.append((name, *read_file(name, data, table, keep_pair, rule), rule.notes))
    imports = []
    with transaction.atomic():
        for name, table_id, vintage, cells, notes in read:
            result = StoreResult()
            for content, content_cells in cells.items():
                result += series_store(
                    table=table_id,
                    content=_as_last_synced(table_id, content),
                    cells=content_cells,
                    vintage=vintage,
                )
            imports.append(FileImport(name, table_id, vintage, result, notes))
    return imports


def _as_last_synced(table: str, content: str) -> str:
    """A file's content under the code the last sync found SSB using for the same source
    (models.ResolvedSource), so that the formulas read the file's values and the sync's alike."""
    names = [
        s.name
        for s in SOURCES.values()
        if (s.table, s.content) == (table, content) and not s.selection  # files sum every age
    ]
    found = ResolvedSource.objects.filter(name__in=names, table=table).first()
    return found.content if found else content


def _stored_history():
    """The code history from the stored KLASS snapshots, or None before the first sync."""
    from .compute import code_history

    try:
        return code_history()
    except LookupError:
        return None


def _valid_codes_by_year(history) -> Callable[[int], frozenset[str] | None]:
    """The municipalities valid on 1 January of a year (None for a year the history does not
    cover, or when there is no history yet)."""

    def valid(year: int) -> frozenset[str] | None:
        if history is None:
            return None
        try:
            return history.valid_codes(year)
        except ValueError:  # before the history begins
            return None

    return valid


def _pair_filter(history):
    """Which commuting pairs to keep, from the code history (None: keep all)."""
    if history is None:
        return None
    targets: dict[int, dict[str, frozenset[str]]] = {}

    def keep(home: str, work: str, year: int) -> bool:
        if home == work:
            return True
        if year not in targets:
            year_map = history.harmonisation_map(year) if year >= 2011 else {}
            targets[year] = {c: frozenset(t for t, _w, _s in ts) for c, ts in year_map.items()}
        known = targets[year]
        return not known.get(home, frozenset()).isdisjoint(known.get(work, frozenset()))

    return keep
