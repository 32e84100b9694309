"""Reading PC-Axis (.px) files, SSB's own file format, into the decoder's `Dataset`.

`read_px(data)` reads a PC-Axis file into the `Dataset` that the JSON-stat decoder returns
(dimensions from STUB then HEADING; DATASYMBOLn, DATANOTECELL and LAST-UPDATED kept). Bad files
raise `StatbankFileError` with a Norwegian message naming the line or keyword. Plain Python and
numpy, no Django.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

import numpy as np

from temaplan.statistics.jsonstat_model import Dataset, Dimension
from temaplan.statistics.statbank_text import StatbankFileError, cell_numbers, decode_text, shorten

__all__ = ["MAX_PX_FILE_CELLS", "read_px"]

_PX_KEY = re.compile(
    r'\s*(?P<key>[A-Za-z0-9_-]+)(?:\[(?P<lang>[^\]]*)\])?(?:\((?P<args>(?:"[^"]*"|[^")])*)\))?\s*='
)
_PX_VALUE = re.compile(r'(?P<value>(?:"[^"]*"|[^";])*);')
_PX_STRING = re.compile(r'"([^"]*)"')
_PX_TOKEN = re.compile(r'"([^"]*)"|([^\s",]+)|(,)')
# In the DATA part, missing values are written as these; DATASYMBOLn says how each is shown.
_PX_RAW_SYMBOLS = (".", "..", "...", "....", ".....", "......")
#: The most cells a PC-Axis file may have: a guard against a small file whose VALUES promise an
#: array too large to allocate.
MAX_PX_FILE_CELLS = 200_000_000


def read_px(data: bytes) -> Dataset:
    """Read a PC-Axis (.px) file into a `Dataset` (dimensions from STUB then HEADING)."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise StatbankFileError(f"Filen må gis som bytes, ikke {type(data).__name__}.")
    data = bytes(data)
    declared = re.search(rb'CODEPAGE\s*=\s*"([^"]+)"', data[:20_000])
    text, _ = decode_text(data, declared.group(1).decode("ascii", "replace") if declared else None)
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
    if n > MAX_PX_FILE_CELLS:
        raise StatbankFileError(f"PX-filen har {n} celler, mer enn grensen på {MAX_PX_FILE_CELLS}.")
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
                    f"men fant «{shorten(text[pos:].strip())}»."
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


def _px_units(
    meta: PxMeta, labels: list[str], codes: list[str]
) -> dict[str, dict[str, Any]] | None:
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
    values, raw_status, bad = cell_numbers(tokens)
    if bad >= 0:
        raise StatbankFileError(
            f"PX-filens DATA, celle nr. {bad + 1}: «{shorten(tokens[bad])}» er verken et tall "
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
