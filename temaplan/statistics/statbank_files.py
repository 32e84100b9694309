"""Readers for the files people download from SSB's StatBank by hand: CSV exports and PC-Axis.

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

`read_px(data)` reads a PC-Axis file into the `Dataset` that the JSON-stat decoder returns.

Bad files raise `StatbankFileError` (a ValueError) with a Norwegian message naming the line or
column.
"""

from __future__ import annotations

import codecs
import csv
import gc
import gzip
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from temaplan.statistics.jsonstat import MISSING_REASONS, Dataset, Dimension

__all__ = ["StatbankFileError", "Table", "read_csv_export", "read_px"]


class StatbankFileError(ValueError):
    """The file cannot be read as a StatBank export; the message says where and why."""


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


# ----------------------------------------------------------------------------------------------
# Shared: text decoding and cell values

_MISSING_SYMBOLS = frozenset(MISSING_REASONS) | {"", "\u2026"}
_REPLACEMENT = "\ufffd"


def _decode_text(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The file's text and the encoding it was read with."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise StatbankFileError(f"Filen må gis som bytes, ikke {type(data).__name__}.")
    data = bytes(data)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise StatbankFileError("Filen sier den er UTF-16, men er det ikke.") from None
    if declared:
        try:
            return data.decode(declared), declared
        except LookupError:
            raise StatbankFileError(f"Ukjent tegnsett «{declared}» i filen.") from None
        except UnicodeDecodeError:
            pass  # declared wrongly: guess as for any other file
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"  # ISO-8859-1 plus the Windows characters
    except UnicodeDecodeError:
        return data.decode("latin-1"), "iso-8859-1"


def _numbers(
    cells: list[str], decimal_comma: bool = False
) -> tuple[np.ndarray, dict[int, str], int]:
    """Cell texts to float64; symbols and empty cells become NaN (symbols noted in status).

    Returns the values, the status by position, and the position of the first cell that is
    neither a number nor a symbol (-1 when all are fine).
    """
    arr = np.array(cells, dtype=np.str_) if cells else np.array([], dtype=np.str_)
    if arr.size and (np.char.find(arr, " ") >= 0).any():
        arr = np.char.strip(arr)
    missing = np.isin(arr, list(_MISSING_SYMBOLS))
    values = np.full(arr.shape, np.nan)
    present = ~missing
    if decimal_comma:
        arr = np.char.replace(arr, ",", ".")
    try:
        values[present] = arr[present].astype(np.float64)
    except ValueError:
        for i in np.flatnonzero(present):
            try:
                float(arr[i])
            except ValueError:
                return values, {}, int(i)
    status = {int(i): str(arr[i]) for i in np.flatnonzero(missing) if arr[i]}
    return values, status, -1


# ----------------------------------------------------------------------------------------------
# CSV exports

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
    text, encoding = _decode_text(data)
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
            f"lagret (for eksempel «{_short(_unquote(sample.split(sep)[0]))}»). "
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
    cells = [row[i] for row in rows for i in value_cols]
    values, status, bad = _numbers(cells, decimal_comma=sep != ",")
    if bad >= 0:
        row, col = divmod(bad, n_heads)
        raise StatbankFileError(
            f"Linje {line_numbers[row]}, kolonne «{header[value_cols[col]]}»: "
            f"«{_short(cells[bad])}» er verken et tall eller et SSB-symbol (. .. : -)."
        )
    out["value"] = values
    return out, status


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
    cells = [row[i] for row in rows for i in measure_cols]
    values, status, bad = _numbers(cells, decimal_comma=sep != ",")
    if bad >= 0:
        row, col = divmod(bad, n_meas)
        raise StatbankFileError(
            f"Linje {line_numbers[row]}, kolonne «{header[measure_cols[col]]}»: "
            f"«{_short(cells[bad])}» er verken et tall eller et SSB-symbol (. .. : -)."
        )
    out["value"] = values
    return out, status


def _numeric(rows: list[list[str]], col: int) -> bool:
    """A measure column: numbers (or symbols), and not codes with leading zeros like 0101."""
    sample = [r[col].strip() for r in rows[:200]]
    for cell in sample:
        if cell in _MISSING_SYMBOLS:
            continue
        if len(cell) > 1 and cell[0] == "0" and cell[1].isdigit():
            return False
        try:
            float(cell.replace(",", "."))
        except ValueError:
            return False
    return True


# ----------------------------------------------------------------------------------------------
# PC-Axis

_PX_KEY = re.compile(
    r'\s*(?P<key>[A-Za-z0-9_-]+)(?:\[(?P<lang>[^\]]*)\])?(?:\((?P<args>(?:"[^"]*"|[^")])*)\))?\s*='
)
_PX_VALUE = re.compile(r'(?P<value>(?:"[^"]*"|[^";])*);')
_PX_STRING = re.compile(r'"([^"]*)"')
_PX_TOKEN = re.compile(r'"([^"]*)"|([^\s",]+)|(,)')
# In the DATA part, missing values are written as these; DATASYMBOLn says how each is shown.
_PX_RAW_SYMBOLS = (".", "..", "...", "....", ".....", "......")
_PX_MAX_CELLS = 200_000_000


def read_px(data: bytes) -> Dataset:
    """Read a PC-Axis (.px) file into a `Dataset` (dimensions from STUB then HEADING)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise StatbankFileError(f"Filen må gis som bytes, ikke {type(data).__name__}.")
    data = bytes(data)
    declared = re.search(rb'CODEPAGE\s*=\s*"([^"]+)"', data[:20_000])
    text, _ = _decode_text(data, declared.group(1).decode("ascii", "replace") if declared else None)
    meta, data_text = _px_parse(text)
    stub = _px_list(meta, "STUB")
    heading = _px_list(meta, "HEADING")
    variables = stub + heading
    if not variables:
        raise StatbankFileError("PX-filen mangler STUB og HEADING (hvilke variabler den har).")
    if len(set(variables)) != len(variables):
        raise StatbankFileError("PX-filen nevner samme variabel flere ganger i STUB/HEADING.")
    if any(key == "KEYS" for key, _ in meta):
        raise StatbankFileError("PX-filer med KEYS (glisne data) støttes ikke.")
    contvariable = _px_first(meta, "CONTVARIABLE")
    time_vars = {args[0] for key, args in meta if key == "TIMEVAL" and args}
    geo_vars = {args[0] for key, args in meta if key == "MAP" and args}
    dimensions = []
    for var in variables:
        labels = _px_list(meta, "VALUES", var)
        if not labels:
            raise StatbankFileError(f'PX-filen mangler VALUES("{var}").')
        codes = _px_list(meta, "CODES", var) or labels
        if len(codes) != len(labels):
            raise StatbankFileError(
                f'CODES("{var}") har {len(codes)} koder, men VALUES har {len(labels)}.'
            )
        role = None
        if var in time_vars:
            role = "time"
        elif var == contvariable:
            role = "metric"
        elif var in geo_vars or "region" in var.lower():
            role = "geo"
        units = _px_units(meta, labels, codes) if var == contvariable else None
        dimensions.append(Dimension(var, var, codes, labels, role, units))
    shape = tuple(d.size for d in dimensions)
    n = math.prod(shape)
    if n > _PX_MAX_CELLS:
        raise StatbankFileError(f"PX-filen har {n} celler, mer enn grensen på {_PX_MAX_CELLS}.")
    values, status = _px_data(meta, data_text, n, dimensions)
    _px_notecells(meta, dimensions, shape, status)
    notes = [note for key in ("NOTEX", "NOTE") for note in _px_list(meta, key)]
    return Dataset(
        label=_px_first(meta, "TITLE") or _px_first(meta, "CONTENTS") or "",
        updated=_px_updated(meta),
        source=_px_first(meta, "SOURCE"),
        dimensions=dimensions,
        values=values.reshape(shape),
        status=status,
        notes=notes,
    )


PxMeta = dict[tuple[str, tuple[str, ...] | None], str]


def _px_parse(text: str) -> tuple[PxMeta, str]:
    """The keywords (default language only) and the text after DATA=."""
    meta: PxMeta = {}
    pos = 0
    while True:
        m = _PX_KEY.match(text, pos)
        if not m:
            if text[pos:].strip():
                line = text.count("\n", 0, pos) + 1
                raise StatbankFileError(
                    f"PX-filen kan ikke leses ved linje {line}: forventet NØKKELORD=verdi; "
                    f"men fant «{_short(text[pos:].strip())}»."
                )
            raise StatbankFileError("PX-filen mangler DATA= (selve tallene).")
        key = m["key"].upper()
        pos = m.end()
        if key == "DATA":
            return meta, text[pos:]
        v = _PX_VALUE.match(text, pos)
        if not v:
            line = text.count("\n", 0, pos) + 1
            raise StatbankFileError(
                f"PX-filen: verdien til {key} ved linje {line} slutter aldri (mangler «;» "
                "eller et avsluttende anførselstegn)."
            )
        pos = v.end()
        if m["lang"]:
            continue  # a translation; the default language is enough
        args = tuple(_PX_STRING.findall(m["args"])) if m["args"] is not None else None
        meta.setdefault((key, args), v["value"])


def _px_items(raw: str) -> list[str]:
    """A value's items: comma-separated strings, adjacent strings joined ("ab" "c" -> "abc")."""
    items: list[str] = []
    current: list[str] = []
    for m in _PX_TOKEN.finditer(raw):
        string, bare, comma = m.groups()
        if comma:
            items.append("".join(current))
            current = []
        else:
            current.append(string if string is not None else bare)
    if current or items:
        items.append("".join(current))
    return items


def _px_list(meta: PxMeta, key: str, var: str | None = None) -> list[str]:
    raw = meta.get((key, (var,) if var is not None else None))
    return _px_items(raw) if raw is not None else []


def _px_first(meta: PxMeta, key: str) -> str | None:
    items = _px_list(meta, key)
    return items[0] if items else None


def _px_units(meta: PxMeta, labels: list[str], codes: list[str]) -> dict[str, dict] | None:
    units = {}
    for label, code in zip(labels, codes, strict=True):
        unit = _px_list(meta, "UNITS", label) or _px_list(meta, "UNITS")
        if unit:
            entry: dict[str, object] = {"base": unit[0]}
            decimals = _px_list(meta, "PRECISION", label) or _px_list(meta, "DECIMALS")
            if decimals and decimals[0].isdigit():
                entry["decimals"] = int(decimals[0])
            units[code] = entry
    return units or None


def _px_updated(meta: PxMeta) -> str | None:
    """LAST-UPDATED ("20180713 08:00") as ISO 8601; the latest when each content has one."""
    stamps = [
        raw
        for (key, _args), raw in meta.items()
        if key == "LAST-UPDATED"
        for raw in _px_items(raw)[:1]
    ]
    parsed = []
    for stamp in stamps:
        for fmt in ("%Y%m%d %H:%M", "%Y%m%d %H:%M:%S", "%Y%m%d"):
            try:
                parsed.append(datetime.strptime(stamp.strip(), fmt))
                break
            except ValueError:
                continue
    if parsed:
        return max(parsed).isoformat(timespec="minutes")
    return stamps[0] if stamps else None


def _px_data(
    meta: PxMeta, data_text: str, n: int, dimensions: list[Dimension]
) -> tuple[np.ndarray, dict[int, str]]:
    end = data_text.rfind(";")
    if end < 0:
        raise StatbankFileError("PX-filens DATA-del slutter ikke med «;».")
    tokens = data_text[:end].translate(_PX_DATA_SEPARATORS).split()
    if len(tokens) != n:
        sizes = " × ".join(str(d.size) for d in dimensions)
        raise StatbankFileError(
            f"PX-filens DATA har {len(tokens)} tall, men variablene gir {sizes} = {n} celler."
        )
    values, raw_status, bad = _numbers(tokens)
    if bad >= 0:
        raise StatbankFileError(
            f"PX-filens DATA, celle nr. {bad + 1}: «{_short(tokens[bad])}» er verken et tall "
            "eller et symbol."
        )
    shown = {
        raw: (_px_first(meta, f"DATASYMBOL{i}") or raw)
        for i, raw in enumerate(_PX_RAW_SYMBOLS, start=1)
    }
    shown["-"] = _px_first(meta, "DATASYMBOLNIL") or "-"
    status = {i: shown.get(symbol, symbol) for i, symbol in raw_status.items()}
    return values, status


_PX_DATA_SEPARATORS = str.maketrans({'"': " ", ",": " ", "\t": " "})


def _px_notecells(
    meta: PxMeta, dimensions: list[Dimension], shape: tuple[int, ...], status: dict[int, str]
) -> None:
    """DATANOTECELL("1","22","*",...)="*": flag those cells in status (keeping missing symbols)."""
    lookups = [
        {**{label: i for i, label in enumerate(d.labels)}, **{c: i for i, c in enumerate(d.codes)}}
        for d in dimensions
    ]
    for (key, args), raw in meta.items():
        if key != "DATANOTECELL" or args is None or len(args) != len(dimensions):
            continue
        note = (_px_items(raw) or [""])[0]
        if not note:
            continue
        axes = []
        for value, lookup, size in zip(args, lookups, shape, strict=True):
            if value == "*":
                axes.append(np.arange(size))
            elif value in lookup:
                axes.append(np.array([lookup[value]]))
            else:
                break
        else:
            flat = np.ravel_multi_index(np.ix_(*axes), shape).ravel()
            for i in flat.tolist():
                status.setdefault(i, note)


def _short(value: object, limit: int = 60) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
