"""Reading the CSV files people download from SSB's StatBank by hand.

Plain Python and numpy, no Django.

`read_csv_export(data)` reads a StatBank CSV export in any of the shapes StatBank writes (tab,
semicolon or comma separated; UTF-8 with or without BOM, or ISO-8859-1/Windows-1252; CRLF;
title lines above the header) and turns its wide layout (`region`, `age`, then one column per
`Persons 2019`-style heading) into a long `Table`: `region_code` (`3001` from `K-3001 Halden`
or `0101 Halden`), `region_name`, the other stub columns, `contents`, any heading dimension
besides contents and time (`sex` for `Persons 2023 Males`), `year` (or `period` when the
headings are quarters or months) and `value` (NaN for `.`, `..`, `:`… with the symbol in
`status`). Tidy CSV files with a `year` column and one column per measure (the 11618 and 03321
files in the shared data folder) read into the same long shape.

Bad files raise `StatbankFileError` (a ValueError) with a Norwegian message naming the line or
column. PC-Axis files are read by statbank_px.
"""

from __future__ import annotations

import csv
import gc
import gzip
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

from temaplan.statistics.statbank_text import (
    MISSING_SYMBOLS,
    StatbankFileError,
    cell_numbers,
    decode_text,
    shorten,
)

__all__ = ["Table", "read_csv_export"]

_REPLACEMENT = "\ufffd"


@dataclass(frozen=True, eq=False)
class Table:
    """A long table: one row per observation, columns as numpy arrays of equal length.

    Text columns are object arrays of str (region names are long, and shared between rows),
    `year` is int64 and `value` float64.
    """

    columns: dict[str, np.ndarray]
    status: dict[int, str] = field(default_factory=dict)  # row -> symbol (".", "..", ":")
    title: str | None = None
    encoding: str = "utf-8"
    separator: str = ","
    warnings: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.columns["value"])

    def __getitem__(self, name: str) -> np.ndarray:
        return self.columns[name]

    @property
    def names(self) -> list[str]:
        return list(self.columns)


# A heading column: "Persons 2019", "Personer 2023 Menn", "2019K1"; a year or period inside.
_PERIOD = re.compile(
    r"^(?P<contents>.*?)\s*\b(?P<period>\d{4}(?:[KMHUTW]\d{1,2})?)\b\s*(?P<rest>.*)$"
)
_PURE_PERIOD = re.compile(r"^\d{4}(?:[KMHUTW]\d{1,2})?$")
# "K-3001 Halden", "0101 Halden", "K-21-22 Svalbard and Jan Mayen", "K-Rest Divided …".
_REGION_LABEL = re.compile(
    r"^(?:[A-Za-z]{1,4}-)?(?P<code>[0-9][0-9A-Za-z]*(?:-[0-9]+)?|Rest)\s+(?P<name>.*)$"
)
_REGION_HEADER = re.compile(r"region|kommune|municipality|fylke|county|bydel|district", re.I)
_TIME_HEADER = re.compile(r"^(year|år|tid|time|period|periode|årgang)$", re.I)
_SEPARATORS = ("\t", ";", ",")
_HEADING_WORDS = {
    "contents",
    "statistikkvariabel",
    "statistical variable",
    "year",
    "år",
    "time",
    "tid",
    "quarter",
    "kvartal",
    "month",
    "måned",
    "region",
}


def read_csv_export(data: bytes) -> Table:
    """Read a StatBank CSV export (wide or long) into a long `Table`."""
    # A million small row lists would otherwise set off garbage collection after garbage
    # collection, costing as much again as the parsing itself.
    with _gc_paused():
        return _read_csv(data)


@contextmanager
def _gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_csv(data: bytes) -> Table:
    if isinstance(data, bytes | bytearray) and bytes(data[:2]) == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            raise StatbankFileError(f"Den gzip-pakkede filen kan ikke pakkes ut: {exc}.") from None
    text, encoding = decode_text(data)
    lines = text.splitlines()
    found = _find_header(lines)
    if found is None:
        raise StatbankFileError(
            "Fant ingen overskriftslinje med kolonner (skilt med tabulator, semikolon eller "
            "komma) fulgt av datalinjer med like mange kolonner. Er dette en CSV-eksport fra "
            "Statistikkbanken?"
        )
    header_at, sep = found
    title = " ".join(_unquote(line) for line in lines[:header_at] if line.strip()).strip() or None
    header = [h.strip() for h in _split(lines[header_at], sep)]
    rows, line_numbers, footnotes = _data_rows(lines, header_at, sep, len(header))
    if not rows:
        raise StatbankFileError("Filen har overskrifter, men ingen datalinjer.")
    warnings = []
    if _REPLACEMENT in text:
        sample = next((line for line in lines if _REPLACEMENT in line), "")
        warnings.append(
            "Filen inneholder erstatningstegn (\ufffd): noen bokstaver gikk tapt da filen ble "
            f"lagret (for eksempel «{shorten(_unquote(sample.split(sep)[0]))}»). "
            "Kodene er riktige, men navnene kan være ødelagt."
        )
    warnings.extend(f"Fotnote: {note}" for note in footnotes)
    headings = [_PERIOD.match(h) if h else None for h in header]
    value_cols = [i for i, m in enumerate(headings) if m]
    if value_cols:
        columns, status = _wide(header, rows, line_numbers, value_cols, headings, title, sep)
    else:
        columns, status = _long(header, rows, line_numbers, sep)
    return Table(columns, status, title, encoding, sep, warnings)


def _split(line: str, sep: str) -> list[str]:
    return next(csv.reader([line], delimiter=sep, quotechar='"'), [])


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text


def _find_header(lines: list[str]) -> tuple[int, str] | None:
    """The first line that, split by some separator, has as many fields as the line below it.

    Title lines are one quoted field, or followed by a blank line, so they never qualify.
    """
    for at in range(min(len(lines) - 1, 30)):
        line, below = lines[at], lines[at + 1]
        if not line.strip() or not below.strip():
            continue
        for sep in _SEPARATORS:
            width = len(_split(line, sep))
            if width >= 2 and len(_split(below, sep)) == width:
                return at, sep
    return None


def _data_rows(
    lines: list[str], header_at: int, sep: str, width: int
) -> tuple[list[list[str]], list[int], list[str]]:
    body = lines[header_at + 1 :]
    if any('"' in line for line in body):
        raw = list(csv.reader(body, delimiter=sep, quotechar='"'))
    else:  # no quoting anywhere: a plain split is several times faster than csv
        raw = [line.split(sep) if line else [] for line in body]
    first = header_at + 2  # the line number of raw[0]
    widths = set(map(len, raw))
    if widths == {width}:  # the usual case, checked at C speed
        return raw, list(range(first, first + len(raw))), []
    if widths == {width, 0}:  # ... with blank lines
        numbers = [first + i for i, row in enumerate(raw) if row]
        return [row for row in raw if row], numbers, []
    rows: list[list[str]] = []
    numbers = []
    footnotes: list[str] = []
    for offset, row in enumerate(raw):
        line_no = first + offset
        if not row or (not row[0].strip() and not "".join(row).strip()):
            continue  # an empty line, or one of separators only
        if len(row) == width and not footnotes:
            rows.append(row)
            numbers.append(line_no)
        elif len(row) == 1 or (footnotes and len(row) != width):
            footnotes.append(" ".join(cell.strip() for cell in row if cell.strip()))
        else:
            raise StatbankFileError(
                f"Linje {line_no} har {len(row)} kolonner, men overskriften har {width}."
            )
    return rows, numbers, footnotes


def _region_column(header: list[str], rows: list[list[str]], candidates: list[int]) -> int | None:
    for i in candidates:
        if _REGION_HEADER.search(header[i]):
            return i
    for i in candidates:
        if _REGION_LABEL.match(rows[0][i].strip()):
            return i
    return None


def _split_regions(labels: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """`K-3001 Halden` / `0101 Halden` -> ("3001", "Halden"); a bare `0101` -> ("0101", "")."""
    unique: dict[str, int] = {}
    index = np.array([unique.setdefault(label, len(unique)) for label in labels], dtype=np.intp)
    codes, names = [], []
    for label in unique:
        text = label.strip()
        m = _REGION_LABEL.match(text)
        if m:
            codes.append(m["code"])
            names.append(m["name"].strip())
        elif text.isdigit():
            codes.append(text)
            names.append("")
        else:
            codes.append("")
            names.append(text)
    return _objects(codes)[index], _objects(names)[index]


def _objects(items: list[str]) -> np.ndarray:
    arr = np.empty(len(items), dtype=object)
    arr[:] = items
    return arr


def _extra_heading_name(title: str | None, stub: list[str]) -> str:
    """The name of a heading dimension besides contents and time, from the title if it says."""
    if title:
        m = re.search(r"\b(?:by|etter)\s+(.*)$", title)
        if m:
            parts = re.split(r",\s*|\s+(?:and|og)\s+", m.group(1).strip().rstrip("."))
            known = {s.lower() for s in stub} | _HEADING_WORDS
            rest = [p.strip() for p in parts if p.strip() and p.strip().lower() not in known]
            if len(rest) == 1:
                return rest[0]
    return "kategori"


def _wide(
    header: list[str],
    rows: list[list[str]],
    line_numbers: list[int],
    value_cols: list[int],
    headings: list[re.Match[str] | None],
    title: str | None,
    sep: str,
) -> tuple[dict[str, np.ndarray], dict[int, str]]:
    stub_cols = [i for i in range(len(header)) if i not in set(value_cols)]
    n_rows, n_heads = len(rows), len(value_cols)
    out: dict[str, np.ndarray] = {}
    region = _region_column(header, rows, stub_cols)
    for i in stub_cols:
        cells = [row[i] for row in rows]
        if i == region:
            codes, names = _split_regions(cells)
            out["region_code"] = np.repeat(codes, n_heads)
            out["region_name"] = np.repeat(names, n_heads)
        else:
            out[header[i] or f"kolonne {i + 1}"] = np.repeat(_objects(cells), n_heads)
    matches = [headings[i] for i in value_cols]
    contents = [m["contents"].strip() for m in matches]  # type: ignore[index]
    periods = [m["period"] for m in matches]  # type: ignore[index]
    rests = [m["rest"].strip() for m in matches]  # type: ignore[index]
    out["contents"] = np.tile(_objects(contents), n_rows)
    if any(rests):
        out[_extra_heading_name(title, [header[i] for i in stub_cols])] = np.tile(
            _objects(rests), n_rows
        )
    if all(len(p) == 4 for p in periods):
        out["year"] = np.tile(np.array([int(p) for p in periods], dtype=np.int64), n_rows)
    else:
        out["period"] = np.tile(_objects(periods), n_rows)
    out["value"], status = _numbers(header, rows, line_numbers, value_cols, sep)
    return out, status


def _numbers(
    header: list[str], rows: list[list[str]], line_numbers: list[int], cols: list[int], sep: str
) -> tuple[np.ndarray, dict[int, str]]:
    """The numbers of the given columns, row by row, and their SSB symbols; a cell that is
    neither is refused, naming its line and column."""
    cells = [row[i] for row in rows for i in cols]
    values, status, bad = cell_numbers(cells, decimal_comma=sep != ",")
    if bad >= 0:
        row, col = divmod(bad, len(cols))
        raise StatbankFileError(
            f"Linje {line_numbers[row]}, kolonne «{header[cols[col]]}»: "
            f"«{shorten(cells[bad])}» er verken et tall eller et SSB-symbol (. .. : -)."
        )
    return values, status


def _long(
    header: list[str], rows: list[list[str]], line_numbers: list[int], sep: str
) -> tuple[dict[str, np.ndarray], dict[int, str]]:
    """A tidy file: a year column, code columns, and one column per measure."""
    time_col = next((i for i, h in enumerate(header) if _TIME_HEADER.match(h)), None)
    if time_col is None:
        time_col = next(
            (i for i in range(len(header)) if all(_PURE_PERIOD.match(r[i].strip()) for r in rows)),
            None,
        )
    if time_col is None:
        raise StatbankFileError(
            "Fant ingen årskolonne: overskriftene skal enten inneholde årstall "
            "(«Personer 2019») eller filen skal ha en kolonne «year»/«år»."
        )
    others = [i for i in range(len(header)) if i != time_col]
    code_cols = [i for i in others if _REGION_HEADER.search(header[i]) or not _numeric(rows, i)]
    measure_cols = [i for i in others if i not in code_cols]
    if not measure_cols:
        raise StatbankFileError("Filen har ingen kolonner med tall.")
    n_rows, n_meas = len(rows), len(measure_cols)
    out: dict[str, np.ndarray] = {}
    region = _region_column(header, rows, code_cols)
    for i in code_cols:
        cells = [row[i] for row in rows]
        if i == region:
            codes, names = _split_regions(cells)
            out["region_code"] = np.repeat(codes, n_meas)
            out["region_name"] = np.repeat(names, n_meas)
        else:
            out[header[i]] = np.repeat(_objects([c.strip() for c in cells]), n_meas)
    out["contents"] = np.tile(_objects([header[i] for i in measure_cols]), n_rows)
    periods = [row[time_col].strip() for row in rows]
    if all(len(p) == 4 and p.isdigit() for p in periods):
        out["year"] = np.repeat(np.array(periods, dtype=np.int64), n_meas)
    else:
        out["period"] = np.repeat(_objects(periods), n_meas)
    out["value"], status = _numbers(header, rows, line_numbers, measure_cols, sep)
    return out, status


def _numeric(rows: list[list[str]], col: int) -> bool:
    """A measure column: numbers (or symbols), and not codes with leading zeros like 0101."""
    sample = [r[col].strip() for r in rows[:200]]
    for cell in sample:
        if cell in MISSING_SYMBOLS:
            continue
        if len(cell) > 1 and cell[0] == "0" and cell[1].isdigit():
            return False
        try:
            float(cell.replace(",", "."))
        except ValueError:
            return False
    return True
