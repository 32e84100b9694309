"""A local stand-in for SSB's PxWebApi v2 and KLASS, serving the real data in the shared folder.

For tests and offline development: it speaks real HTTP on 127.0.0.1, so the real clients (and
httpx, and the loopback) are what a test exercises.

    fake = FakeSsb(data_dir).start()
    PxWebClient(fake.pxweb_url, ...); KlassClient(fake.klass_url, ...)
    fake.inject("429", retry_after="7")     # the next request gets 429 Retry-After: 7
    fake.requests                           # what arrived: method, path, query, time, cells
    fake.stop()

    python -m temaplan.statistics.fake_ssb --port 8089 [--data ../shared/data/ssb]

PxWebApi v2 under `/api/pxwebapi/v2`: `/tables?query=`, `/tables/{id}`, `/tables/{id}/metadata`
and `/tables/{id}/data` (GET with `valueCodes[VAR]=…`, `codelist[VAR]=…`, or POST with a
`{"selection": [...]}` body), answering JSON-stat 2.0. Three tables, built from the real files:

- 11618 employment (employment_11618 CSV): Region × Alder (15-74) × Kjonn (0) × ContentsCode
  (`SysselsatteArbsted` jobs located in the municipality, `SysselsatteBosted` employed residents,
  `Befolkning15_74` residents 15–74) × Tid 2017–2022. Regions are every code that appears in
  some year; a code's cells in years it did not exist are null with status ".".
- 03321 commuting (commuting_03321 CSV): Bokommuen × ArbstedKomm × ContentsCode (`Sysselsatte`)
  × Tid 2017–2022; 720 codes each way, so one year is 518,400 cells and the whole table 3.1
  million. Pairs with a code that did not exist that year are 0 (as in StatBank exports).
- 07459 population 1 January (the StatBank exports in population_07459, summed over age):
  Region (with `0` Hele landet as its elimination value) × ContentsCode (`Personer1`) × Tid
  2015–2023.

Region in 11618 and 07459 offers the code lists `agg_KommSummer` (counts summed to today's
municipalities, codes `K-3203`, built from KLASS changes with equal shares for splits) and
`vs_Kommun` (all codes). The `updated` times and content codes are made up in SSB's style.

SSB's rules are kept: value and variable codes match ignoring case, duplicate codes in a
selection give 500 with an empty body (as SSB does), more than 800,000 cells give 400
"Too many cells selected", GET URLs over 2,100 characters give 404, more than 30 requests in
60 s give 429 with `Retry-After`, and the 400 bodies are SSB's own
(api_responses/ssb_v2_error_responses.json).

KLASS under `/api/klass/v1`: `/classifications/131/codesAt(.json)?date=` (the real 2026-01-01
list for dates from 2024; earlier lists rebuilt from the changes, back to 2011),
`/classifications/104/codesAt` (counties, from temaplan.statistics.regions) and
`/classifications/131/changes(.json)?from=&to=` (`from` inclusive, `to` exclusive) from the real
changes file, in KLASS's `{"codeChanges": [...]}` body.

Faults for tests (`inject`): "timeout" (no answer for `delay` s), "429" (with `retry_after`,
seconds or "date:N" for an HTTP date N s ahead), "500"/"502"/"503" (empty body), "truncated"
(full Content-Length, half the body, then the connection closes), "truncated_json" (half the
body as a complete response) and "invalid_json" (an HTML maintenance page with status 200).
"""

from __future__ import annotations

import argparse
import csv
import email.utils
import gzip
import io
import json
import math
import os
import re
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import numpy as np
import orjson

from temaplan.statistics import regions
from temaplan.statistics.pxweb import BadExpression, NonExistentValue, resolve_value_codes

__all__ = ["FakeClock", "FakeSsb", "Fault", "LoggedRequest", "main"]

PXWEB_PREFIX = "/api/pxwebapi/v2"
KLASS_PREFIX = "/api/klass/v1"
MAX_CELLS = 800_000
MAX_URL_LENGTH = 2100
SOURCE = "Statistisk sentralbyrå"
FAULT_KINDS = frozenset(
    {"timeout", "429", "500", "502", "503", "truncated", "truncated_json", "invalid_json"}
)

REPO_DIR = Path(__file__).resolve().parents[2]
DEFAULT_DATA_DIR = Path(os.environ.get("TEMAPLAN_SSB_DATA", REPO_DIR.parent / "shared/data/ssb"))


class FakeClock:
    """A clock that only moves when someone sleeps on it; records every sleep."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = float(start)
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(float(seconds))
            self.now += max(float(seconds), 0.0)

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += float(seconds)


@dataclass
class Fault:
    kind: str
    retry_after: str | None = None
    delay: float = 1.0
    path_contains: str | None = None


@dataclass
class LoggedRequest:
    method: str
    path: str
    query: list[tuple[str, str]]
    time: float
    api: str | None
    status: int | None = None
    fault: str | None = None
    cells: int | None = None
    url_length: int = 0

    @property
    def is_data(self) -> bool:
        return self.api == "pxweb" and self.path.endswith("/data")


@dataclass
class _Response:
    status: int
    body: bytes
    content_type: str = "application/json; charset=UTF-8"
    headers: dict[str, str] = field(default_factory=dict)
    cells: int | None = None


# --- Tables ------------------------------------------------------------------------------------


@dataclass
class _Codelist:
    id: str
    label: str
    type: str  # "Aggregation" or "Valueset"
    codes: list[str]
    labels: list[str]
    weights: np.ndarray | None = None  # Aggregation: (time, out code, source code)
    members: list[int] | None = None  # Valueset: positions of its codes in the variable


@dataclass
class _Dim:
    id: str
    label: str
    codes: list[str]
    labels: list[str]
    eliminable: bool
    role: str | None = None
    elimination_code: str | None = None
    units: dict[str, dict[str, Any]] | None = None
    codelists: dict[str, _Codelist] = field(default_factory=dict)


@dataclass(frozen=True)
class _Entry:
    """What `/tables` tells about a table, known without reading its data."""

    label: str
    updated: str
    description: str
    subject_code: str
    variables: tuple[str, ...]
    first_period: str
    last_period: str


_CATALOG: dict[str, _Entry] = {
    "11618": _Entry(
        label=(
            "11618: Sysselsatte etter arbeidssted og bosted, og befolkning 15-74 år, etter region, "
            "alder, kjønn, statistikkvariabel og år"
        ),
        updated="2023-06-08T06:00:00Z",
        description="Sysselsetting og befolkning, kommune (laget av den falske serveren)",
        subject_code="al",
        variables=("region", "alder", "kjønn", "statistikkvariabel", "år"),
        first_period="2017",
        last_period="2022",
    ),
    "03321": _Entry(
        label=(
            "03321: Sysselsatte (15-74 år), etter bostedskommune, arbeidsstedskommune, "
            "statistikkvariabel og år (4. kvartal)"
        ),
        updated="2023-06-08T06:00:00Z",
        description="Pendling mellom kommuner (laget av den falske serveren)",
        subject_code="al",
        variables=("bostedskommune", "arbeidsstedskommune", "statistikkvariabel", "år"),
        first_period="2017",
        last_period="2022",
    ),
    "07459": _Entry(
        label="07459: Befolkning, etter region, statistikkvariabel og år",
        updated="2023-02-21T07:00:00Z",
        description="Folkemengde 1. januar (summert over alder av den falske serveren)",
        subject_code="be",
        variables=("region", "statistikkvariabel", "år"),
        first_period="2015",
        last_period="2023",
    ),
}


@dataclass
class _Table:
    id: str
    dims: list[_Dim]
    values: np.ndarray  # float64, NaN where missing
    missing_symbol: str | None = "."
    notes: list[str] = field(default_factory=list)

    @property
    def entry(self) -> _Entry:
        return _CATALOG[self.id]

    @property
    def label(self) -> str:
        return self.entry.label

    @property
    def updated(self) -> str:
        return self.entry.updated

    def dim(self, name: str) -> _Dim | None:
        folded = name.casefold()
        return next((d for d in self.dims if d.id.casefold() == folded), None)

    @property
    def time(self) -> _Dim:
        return next(d for d in self.dims if d.role == "time")


_ERRORS_FALLBACK = {
    "ugyldig tabell-ID": {
        "status": 400,
        "body": '{"type":"Parameter error","title":"Non-existent table","status":404}',
    },
    "ugyldig kommune-kode": {
        "status": 400,
        "body": '{"type":"Parameter error","title":"Non-existent value","status":400}',
    },
    "manglende mandatory": {
        "status": 400,
        "body": '{"type":"Parameter error","title":"Missing selection for mandantory variable",'
        '"status":400}',
    },
}


def _error(title: str, status: int = 400, *, detail: str | None = None) -> _Response:
    body: dict[str, Any] = {"type": "Parameter error", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    return _Response(400 if status in (400, 404) else status, orjson.dumps(body))


class _Names:
    """Municipality names at a date, from the KLASS code list and changes."""

    def __init__(self, current: dict[str, str], changes: list[regions.CodeChange]) -> None:
        self.current = current
        self.changes = sorted(changes, key=lambda c: c.occurred)

    def at(self, code: str, at: date) -> str:
        later = [c for c in self.changes if c.old_code == code and c.occurred > at]
        if later:
            return later[0].old_name or code
        if code in self.current:
            return self.current[code]
        earlier = [c for c in self.changes if c.new_code == code and c.occurred <= at]
        return earlier[-1].new_name if earlier else code


class _Data:
    """The shared data folder, read lazily (each table once)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._lock = threading.RLock()
        self._tables: dict[str, _Table] = {}
        self._klass: tuple[dict[str, Any], list[regions.CodeChange], list[dict]] | None = None
        self._history: regions.CodeHistory | None = None
        self._names: _Names | None = None
        self._errors: dict[str, dict[str, Any]] | None = None

    # -- KLASS

    def klass(self) -> tuple[dict[str, Any], list[regions.CodeChange], list[dict]]:
        with self._lock:
            if self._klass is None:
                folder = self.root / "regions"
                codes = json.loads((folder / "klass_131_codesAt_2026-01-01.json").read_text())
                text = (folder / "klass131_changes_2011_2024.csv").read_text(encoding="utf-8")
                rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
                self._klass = (codes, regions.changes_from_csv(text), rows)
            return self._klass

    def history(self) -> regions.CodeHistory:
        with self._lock:
            if self._history is None:
                codes, changes, _ = self.klass()
                current = regions.codes_from_klass(codes)
                self._history = regions.CodeHistory(changes, current, as_of=date(2026, 1, 1))
            return self._history

    def names(self) -> _Names:
        with self._lock:
            if self._names is None:
                codes, changes, _ = self.klass()
                current = {c["code"]: c["name"] for c in codes["codes"]}
                self._names = _Names(current, changes)
            return self._names

    def error_bodies(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            if self._errors is None:
                path = self.root / "api_responses" / "ssb_v2_error_responses.json"
                try:
                    self._errors = json.loads(path.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    self._errors = _ERRORS_FALLBACK
            return self._errors

    def real_error(self, key: str) -> _Response:
        entry = self.error_bodies().get(key) or _ERRORS_FALLBACK[key]
        return _Response(int(entry["status"]), str(entry["body"]).encode())

    # -- tables

    def table(self, table_id: str) -> _Table | None:
        with self._lock:
            if table_id in self._tables:
                return self._tables[table_id]
        builder = _TABLES.get(table_id)
        if builder is None:
            return None
        with self._lock:
            if table_id not in self._tables:
                self._tables[table_id] = builder(self)
            return self._tables[table_id]

    def region_dim(self, codes_by_year: dict[int, set[str]], label: str = "region") -> _Dim:
        years = sorted(codes_by_year)
        codes = sorted(set().union(*codes_by_year.values()))
        names = self.names()
        labels = []
        for code in codes:
            present = [y for y in years if code in codes_by_year[y]]
            label_text = names.at(code, date(present[-1], 1, 1)) if code != "0" else "Hele landet"
            if code != "0" and present[-1] < years[-1]:
                label_text += f" (-{present[-1]})"
            labels.append(label_text)
        return _Dim("Region", label, codes, labels, eliminable=False, role="geo")

    def komm_summer(self, dim: _Dim, years: list[int]) -> _Codelist:
        """agg_KommSummer: counts summed to today's municipalities, year by year."""
        history = self.history()
        targets = sorted(history.valid_codes_at(date(2026, 1, 1)))
        out_at = {code: i for i, code in enumerate(targets)}
        src_at = {code: i for i, code in enumerate(dim.codes)}
        weights = np.zeros((len(years), len(targets), len(dim.codes)))
        for t, year in enumerate(years):
            for code, parts in history.harmonisation_map(min(year, 2026)).items():
                if code not in src_at:
                    continue
                for target, weight, _split in parts:
                    if target in out_at:
                        weights[t, out_at[target], src_at[code]] += weight
        names = self.names()
        return _Codelist(
            "agg_KommSummer",
            "Kommuner, summerte tidsserier (dagens kommuneinndeling)",
            "Aggregation",
            [f"K-{c}" for c in targets],
            [names.at(c, date(2026, 1, 1)) for c in targets],
            weights=weights,
        )

    def with_codelists(self, dim: _Dim, years: list[int]) -> _Dim:
        dim.codelists = {
            "agg_KommSummer": self.komm_summer(dim, years),
            "vs_Kommun": _Codelist(
                "vs_Kommun",
                "Alle kommuner (gjeldende og historiske)",
                "Valueset",
                list(dim.codes),
                list(dim.labels),
                members=list(range(len(dim.codes))),
            ),
        }
        return dim


def _time_dim(years: Sequence[int]) -> _Dim:
    codes = [str(y) for y in years]
    return _Dim("Tid", "år", codes, codes, eliminable=False, role="time")


def _contents(codes: list[str], labels: list[str], unit: str = "personer") -> _Dim:
    units = {c: {"base": unit, "decimals": 0} for c in codes}
    return _Dim(
        "ContentsCode", "statistikkvariabel", codes, labels, False, role="metric", units=units
    )


def _build_11618(data: _Data) -> _Table:
    path = data.root / "employment_11618" / "employment_11618_15_74_2017_2022.csv"
    measures = {
        "SysselsatteArbsted": "employed_by_workplace",
        "SysselsatteBosted": "employed_by_residence",
        "Befolkning15_74": "population_15_74_resident",
    }
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    years = sorted({int(r["year"]) for r in rows})
    by_year: dict[int, set[str]] = defaultdict(set)
    for r in rows:
        by_year[int(r["year"])].add(r["municipality"])
    region = data.with_codelists(data.region_dim(by_year), years)
    at = {code: i for i, code in enumerate(region.codes)}
    values = np.full((len(region.codes), 1, 1, len(measures), len(years)), np.nan)
    for r in rows:
        for m, column in enumerate(measures.values()):
            if r[column] not in ("", None):
                values[at[r["municipality"]], 0, 0, m, years.index(int(r["year"]))] = float(
                    r[column]
                )
    contents = _contents(
        list(measures),
        ["Sysselsatte etter arbeidssted", "Sysselsatte etter bosted", "Befolkning 15-74 år"],
    )
    return _Table(
        id="11618",
        dims=[
            region,
            _Dim("Alder", "alder", ["15-74"], ["15-74 år"], eliminable=True),
            _Dim("Kjonn", "kjønn", ["0"], ["Begge kjønn"], eliminable=True),
            contents,
            _time_dim(years),
        ],
        values=values,
    )


def _build_03321(data: _Data) -> _Table:
    path = data.root / "commuting_03321" / "commuting_matrix_03321_2017_2022.csv.gz"
    header, _, rest = gzip.decompress(path.read_bytes()).partition(b"\n")
    if header.strip().split(b",") != [
        b"year",
        b"home_municipality",
        b"work_municipality",
        b"employed",
    ]:
        raise ValueError(f"Uventede kolonner i {path.name}: {header!r}")
    rows = np.loadtxt(io.BytesIO(rest), delimiter=",", dtype=np.int64, ndmin=2)
    years = sorted(int(y) for y in np.unique(rows[:, 0]))
    by_year = {y: {f"{c:04d}" for c in np.unique(rows[rows[:, 0] == y][:, 1:3])} for y in years}
    region = data.region_dim(by_year)
    position = np.zeros(10_000, dtype=np.intp)
    position[[int(c) for c in region.codes]] = np.arange(len(region.codes))
    values = np.zeros((len(region.codes), len(region.codes), 1, len(years)))
    year_at = np.searchsorted(np.array(years), rows[:, 0])
    values[position[rows[:, 1]], position[rows[:, 2]], 0, year_at] = rows[:, 3]
    home = _Dim("Bokommuen", "bostedskommune", region.codes, region.labels, False, role="geo")
    work = _Dim("ArbstedKomm", "arbeidsstedskommune", region.codes, region.labels, False, "geo")
    return _Table(
        id="03321",
        dims=[home, work, _contents(["Sysselsatte"], ["Sysselsatte"]), _time_dim(years)],
        values=values,
        missing_symbol=None,
    )


_REGION_LABEL = re.compile(r"^\s*(?:K-)?(\d{4})\b")
_YEAR_HEADING = re.compile(r"(\d{4})")


def _read_statbank_population(path: Path) -> dict[int, dict[str, float]]:
    """year → code → persons (summed over age) from one StatBank export of 07459."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip('"').lower().startswith("region"))
    sep = max("\t;,", key=lines[start].count)
    reader = csv.reader(lines[start:], delimiter=sep)
    header = next(reader)
    columns = [(i, int(m.group(1))) for i, h in enumerate(header) if (m := _YEAR_HEADING.search(h))]
    out: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in reader:
        if len(row) != len(header):
            continue
        match = _REGION_LABEL.match(row[0])
        if not match:
            continue
        for i, year in columns:
            cell = row[i].strip()
            if cell and cell.lstrip("-").isdigit():
                out[year][match.group(1)] += float(cell)
    return out


def _build_07459(data: _Data) -> _Table:
    folder = data.root / "population_07459"
    totals: dict[int, dict[str, float]] = defaultdict(dict)
    for path in sorted(folder.glob("Personer*.csv")):
        for year, by_code in _read_statbank_population(path).items():
            totals[year].update({c: v for c, v in by_code.items() if v > 0})
    years = sorted(totals)
    by_year = {y: set(totals[y]) | {"0"} for y in years}
    region = data.with_codelists(data.region_dim(by_year), years)
    region.eliminable, region.elimination_code = True, "0"
    at = {code: i for i, code in enumerate(region.codes)}
    values = np.full((len(region.codes), 1, len(years)), np.nan)
    for t, year in enumerate(years):
        for code, persons in totals[year].items():
            values[at[code], 0, t] = persons
        values[at["0"], 0, t] = sum(totals[year].values())
    return _Table(
        id="07459",
        dims=[region, _contents(["Personer1"], ["Personer"]), _time_dim(years)],
        values=values,
    )


_TABLES: dict[str, Callable[[_Data], _Table]] = {
    "11618": _build_11618,
    "03321": _build_03321,
    "07459": _build_07459,
}


# --- JSON-stat ---------------------------------------------------------------------------------


def _dimension_json(dim: _Dim, codes: list[str], labels: list[str], metadata: bool) -> dict:
    out: dict[str, Any] = {
        "label": dim.label,
        "category": {
            "index": {c: i for i, c in enumerate(codes)},
            "label": dict(zip(codes, labels, strict=True)),
        },
        "extension": {"elimination": dim.eliminable, "show": "code_value"},
    }
    if dim.units:
        out["category"]["unit"] = {c: dim.units[c] for c in codes if c in dim.units}
    if metadata and dim.codelists:
        out["extension"]["codelists"] = [
            {
                "id": cl.id,
                "label": cl.label,
                "type": cl.type,
                "links": [{"rel": "metadata", "hreflang": "no", "href": f"/codeLists/{cl.id}"}],
            }
            for cl in dim.codelists.values()
        ]
    return out


def _dataset_json(
    table: _Table, dims: list[tuple[_Dim, list[str], list[str]]], *, metadata: bool
) -> dict[str, Any]:
    roles: dict[str, list[str]] = defaultdict(list)
    for dim, _, _ in dims:
        if dim.role:
            roles[dim.role].append(dim.id)
    return {
        "version": "2.0",
        "class": "dataset",
        "label": table.label,
        "source": SOURCE,
        "updated": table.updated,
        "note": table.notes,
        "role": dict(roles),
        "id": [d.id for d, _, _ in dims],
        "size": [len(codes) for _, codes, _ in dims],
        "dimension": {
            d.id: _dimension_json(d, codes, labels, metadata) for d, codes, labels in dims
        },
        "extension": {
            "px": {
                "tableid": table.id,
                "decimals": 0,
                "official-statistics": True,
                "language": "no",
                "contents": table.label.split(",")[0],
                "matrix": table.id,
            },
            "contact": [],
        },
    }


def _values_text(values: np.ndarray) -> bytes:
    flat = values.ravel()
    missing = np.isnan(flat)
    finite = flat[~missing]
    if finite.size and np.all(finite == np.round(finite)) and np.all(np.abs(finite) < 2**53):
        text = flat.astype(np.int64, copy=False).astype(str) if not missing.any() else None
        if text is None:
            text = np.where(missing, 0, flat).astype(np.int64).astype(str).astype(object)
            text[missing] = "null"
    else:
        text = np.array(["null" if math.isnan(v) else repr(float(v)) for v in flat], dtype=object)
    return ",".join(text.tolist()).encode()


# --- The server --------------------------------------------------------------------------------


class FakeSsb:
    """The fake PxWebApi v2 + KLASS server. `start()` it, point the clients at its URLs."""

    def __init__(
        self,
        data_dir: Path | str = DEFAULT_DATA_DIR,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], float] = time.time,
        rate_limit: tuple[int, float] | None = (30, 60.0),
        max_cells: int = MAX_CELLS,
    ) -> None:
        self.data = _Data(Path(data_dir))
        self.host = host
        self.port = port
        self.clock = clock
        self.rate_limit = rate_limit
        self.max_cells = max_cells
        self.requests: list[LoggedRequest] = []
        self._faults: deque[Fault] = deque()
        self._sent: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle

    def start(self) -> FakeSsb:
        if self._httpd is not None:
            return self
        self._stopping.clear()
        httpd = ThreadingHTTPServer((self.host, self.port), _Handler)
        httpd.daemon_threads = True
        httpd.app = self  # type: ignore[attr-defined]
        self._httpd = httpd
        self.port = httpd.server_address[1]
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FakeSsb:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def pxweb_url(self) -> str:
        return self.url + PXWEB_PREFIX

    @property
    def klass_url(self) -> str:
        return self.url + KLASS_PREFIX

    # -- test controls

    def inject(
        self,
        kind: str,
        times: int = 1,
        *,
        retry_after: str | None = None,
        delay: float = 1.0,
        path_contains: str | None = None,
    ) -> None:
        """Apply fault `kind` to the next `times` requests (whose path contains the text)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"Ukjent feiltype {kind!r}; velg blant {sorted(FAULT_KINDS)}.")
        with self._lock:
            for _ in range(times):
                self._faults.append(Fault(kind, retry_after, delay, path_contains))

    def reset(self, *, clock: Callable[[], float] | None = None) -> None:
        """Forget requests, faults and the rate-limit window (and use `clock` from now on)."""
        with self._lock:
            self.requests.clear()
            self._faults.clear()
            self._sent.clear()
            if clock is not None:
                self.clock = clock

    def add_table(
        self,
        table_id: str,
        *,
        label: str,
        dimensions: list[tuple[str, str, list[str], list[str], str | None]],
        values: np.ndarray,
        updated: str = "2024-06-01T06:00:00Z",
    ) -> None:
        """Serve an extra table made by a test (id, label, codes, labels, role per dimension).

        For what the shared data folder has no copy of, such as a KOSTRA table found by
        search: the test says plainly that its numbers are made up. `remove_table` undoes it.
        """
        dims = [
            _Dim(dim_id, dim_label, list(codes), list(labels), eliminable=False, role=role)
            for dim_id, dim_label, codes, labels, role in dimensions
        ]
        time = next(d for d in dims if d.role == "time")
        _CATALOG[table_id] = _Entry(
            label=label,
            updated=updated,
            description=label,
            subject_code="test",
            variables=tuple(d.label for d in dims),
            first_period=time.codes[0],
            last_period=time.codes[-1],
        )
        with self.data._lock:
            self.data._tables[table_id] = _Table(table_id, dims, np.asarray(values, float))

    def remove_table(self, table_id: str) -> None:
        _CATALOG.pop(table_id, None)
        with self.data._lock:
            self.data._tables.pop(table_id, None)

    @property
    def pending_faults(self) -> int:
        return len(self._faults)

    def data_requests(self) -> list[LoggedRequest]:
        return [r for r in self.requests if r.is_data]

    # -- request handling

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.path_contains is None or fault.path_contains in path:
                    self._faults.remove(fault)
                    return fault
        return None

    def _rate_limited(self, api: str) -> float | None:
        if self.rate_limit is None:
            return None
        limit, window = self.rate_limit
        now = self.clock()
        with self._lock:
            sent = self._sent[api]
            while sent and sent[0] <= now - window:
                sent.popleft()
            if len(sent) >= limit:
                return sent[0] + window - now
            sent.append(now)
        return None

    def handle(self, handler: _Handler, method: str) -> None:
        split = urlsplit(handler.path)
        path = unquote(split.path).rstrip("/") or "/"
        query = parse_qsl(split.query, keep_blank_values=True)
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        api = (
            "pxweb"
            if path.startswith(PXWEB_PREFIX)
            else "klass"
            if path.startswith(KLASS_PREFIX)
            else None
        )
        entry = LoggedRequest(
            method,
            path,
            query,
            self.clock(),
            api,
            url_length=len(self.url) + len(handler.path),
        )
        with self._lock:
            self.requests.append(entry)
        fault = self._take_fault(path)
        if fault is not None:
            entry.fault = fault.kind
            self._apply_fault(
                handler, fault, entry, lambda: self._route(api, method, path, query, body, entry)
            )
            return
        if api is not None:
            wait = self._rate_limited(api)
            if wait is not None:
                response = _Response(
                    429,
                    b"Too Many Requests",
                    "text/plain; charset=UTF-8",
                    {"Retry-After": str(max(math.ceil(wait), 1))},
                )
                entry.status = 429
                _send(handler, response)
                return
        response = self._route(api, method, path, query, body, entry)
        entry.status = response.status
        entry.cells = response.cells
        _send(handler, response)

    def _apply_fault(
        self,
        handler: _Handler,
        fault: Fault,
        entry: LoggedRequest,
        real: Callable[[], _Response],
    ) -> None:
        kind = fault.kind
        if kind == "timeout":
            self._stopping.wait(fault.delay)
            handler.close_connection = True
            return
        if kind == "429":
            retry_after = fault.retry_after or "7"
            if retry_after.startswith("date:"):
                ahead = float(retry_after[5:])
                retry_after = email.utils.formatdate(self.clock() + ahead, usegmt=True)
            response = _Response(
                429, b"Too Many Requests", "text/plain; charset=UTF-8", {"Retry-After": retry_after}
            )
        elif kind in ("500", "502", "503"):
            response = _Response(int(kind), b"", "text/plain")
        elif kind == "invalid_json":
            response = _Response(
                200,
                b"<html><body><h1>Statistikkbanken er under vedlikehold</h1></body></html>",
                "text/html; charset=UTF-8",
            )
        else:
            response = real()
            half = response.body[: len(response.body) // 2]
            if kind == "truncated":
                entry.status = response.status
                _send(handler, response, cut_at=len(half))
                return
            response = _Response(response.status, half, response.content_type)
        entry.status = response.status
        _send(handler, response)

    def _route(
        self,
        api: str | None,
        method: str,
        path: str,
        query: list[tuple[str, str]],
        body: bytes,
        entry: LoggedRequest,
    ) -> _Response:
        try:
            if api == "pxweb":
                if method == "GET" and entry.url_length > MAX_URL_LENGTH:
                    return _Response(404, b"", "text/plain")
                return self._pxweb(method, path[len(PXWEB_PREFIX) :], query, body)
            if api == "klass" and method == "GET":
                return self._klass(path[len(KLASS_PREFIX) :], query)
        except Exception as exc:  # a fake server's bug should show, not hang the client
            message = f"Feil i den falske SSB-serveren: {type(exc).__name__}: {exc}"
            return _Response(500, message.encode(), "text/plain; charset=UTF-8")
        return _Response(404, b"Not Found", "text/plain")

    # -- PxWebApi

    def _pxweb(
        self, method: str, path: str, query: list[tuple[str, str]], body: bytes
    ) -> _Response:
        params = {k.casefold(): v for k, v in query}
        parts = [p for p in path.split("/") if p]
        if parts == ["config"]:
            return _json(
                {
                    "apiVersion": "2.0.0",
                    "defaultLanguage": "no",
                    "maxDataCells": self.max_cells,
                    "defaultDataFormat": "json-stat2",
                    "dataFormats": ["json-stat2"],
                }
            )
        if parts == ["tables"] and method == "GET":
            return self._search(params)
        if len(parts) < 2 or parts[0] != "tables":
            return _Response(404, b"Not Found", "text/plain")
        if parts[1] not in _CATALOG:
            return self.data.real_error("ugyldig tabell-ID")
        if len(parts) == 2:
            return _json(self._table_info(parts[1]))
        table = self.data.table(parts[1])
        assert table is not None
        if parts[2:] == ["metadata"]:
            return self._metadata(table, query)
        if parts[2:] == ["data"]:
            return self._data(table, method, query, body)
        return _Response(404, b"Not Found", "text/plain")

    def _table_info(self, table_id: str) -> dict[str, Any]:
        entry = _CATALOG[table_id]
        return {
            "type": "Table",
            "id": table_id,
            "label": entry.label,
            "description": entry.description,
            "updated": entry.updated,
            "firstPeriod": entry.first_period,
            "lastPeriod": entry.last_period,
            "category": "public",
            "variableNames": list(entry.variables),
            "discontinued": False,
            "source": SOURCE,
            "subjectCode": entry.subject_code,
            "timeUnit": "Annual",
            "paths": [],
            "links": [],
        }

    def _search(self, params: dict[str, str]) -> _Response:
        words = [
            w.removeprefix("title:").strip("*\"'()")
            for w in params.get("query", "").casefold().split()
        ]
        words = [w for w in words if w and w not in ("and", "og")]
        hits = []
        for table_id, entry in _CATALOG.items():
            haystack = " ".join(
                [table_id, entry.label, entry.description, *entry.variables]
            ).casefold()
            if all(w in haystack for w in words):
                hits.append(self._table_info(table_id))
        size = max(int(params.get("pagesize") or 20), 1)
        number = max(int(params.get("pagenumber") or 1), 1)
        pages = max(math.ceil(len(hits) / size), 1)
        return _json(
            {
                "language": params.get("lang", "no"),
                "tables": hits[(number - 1) * size : number * size],
                "page": {
                    "pageNumber": number,
                    "pageSize": size,
                    "totalElements": len(hits),
                    "totalPages": pages,
                    "links": [],
                },
                "links": [],
            }
        )

    def _codelists(self, table: _Table, query: list[tuple[str, str]]) -> dict[str, _Codelist]:
        """Variable id → chosen code list; KeyError(message) for an unknown one."""
        chosen: dict[str, _Codelist] = {}
        for key, value in query:
            match = re.fullmatch(r"codelist\[(.+)\]", key, re.IGNORECASE)
            if match:
                dim = table.dim(match.group(1))
                if dim is None or value not in dim.codelists:
                    raise KeyError("Non-existent codelist")
                chosen[dim.id] = dim.codelists[value]
        return chosen

    def _metadata(self, table: _Table, query: list[tuple[str, str]]) -> _Response:
        try:
            codelists = self._codelists(table, query)
        except KeyError:
            return _error("Non-existent codelist")
        dims = []
        for dim in table.dims:
            cl = codelists.get(dim.id)
            dims.append((dim, cl.codes if cl else dim.codes, cl.labels if cl else dim.labels))
        return _json(_dataset_json(table, dims, metadata=True))

    def _selection(
        self, table: _Table, method: str, query: list[tuple[str, str]], body: bytes
    ) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
        """Variable → items asked for, and any code lists (as (variable, id) query pairs)."""
        selection: dict[str, list[str]] = {}
        codelists: list[tuple[str, str]] = []
        if method == "POST":
            doc = orjson.loads(body or b"{}")
            for entry in doc.get("selection") or []:
                selection[str(entry["variableCode"])] = [str(v) for v in entry["valueCodes"]]
                if entry.get("codelist"):
                    codelists.append((f"codelist[{entry['variableCode']}]", entry["codelist"]))
        for key, value in query:
            match = re.fullmatch(r"valuecodes\[(.+)\]", key, re.IGNORECASE)
            if match:
                selection[match.group(1)] = _split_items(value)
            elif re.fullmatch(r"codelist\[(.+)\]", key, re.IGNORECASE):
                codelists.append((key, value))
        return selection, codelists

    def _data(
        self, table: _Table, method: str, query: list[tuple[str, str]], body: bytes
    ) -> _Response:
        params = {k.casefold(): v for k, v in query}
        fmt = params.get("outputformat") or params.get("format") or "json-stat2"
        if fmt.casefold() != "json-stat2":
            return _error("Unsupported output format")
        try:
            asked, codelist_pairs = self._selection(table, method, query, body)
        except (ValueError, KeyError, TypeError):
            return _error("Invalid selection")
        try:
            codelists = self._codelists(table, codelist_pairs)
        except KeyError:
            return _error("Non-existent codelist")
        if not asked:  # SSB's default selection: the latest period of everything
            asked = {
                d.id: ["top(1)"] if d.role == "time" else ["*"]
                for d in table.dims
                if not d.eliminable
            }
        chosen: dict[str, list[str]] = {}
        for name, items in asked.items():
            dim = table.dim(name)
            if dim is None:
                return _error("Non-existent variable")
            if len(items) != len(set(items)):
                return _Response(500, b"", "text/plain")  # what SSB does with a repeated code
            cl = codelists.get(dim.id)
            try:
                chosen[dim.id] = resolve_value_codes(items, cl.codes if cl else dim.codes)
            except NonExistentValue:
                return self.data.real_error("ugyldig kommune-kode")
            except BadExpression:
                return _error("Illegal selection expression")
            if not chosen[dim.id]:
                return self.data.real_error("ugyldig kommune-kode")
        if any(not d.eliminable and d.id not in chosen for d in table.dims):
            return self.data.real_error("manglende mandatory")
        cells = math.prod(len(codes) for codes in chosen.values())
        if cells > self.max_cells:
            response = _error("Too many cells selected", detail="Too many cells selected")
            response.cells = cells
            return response
        values, dims = _extract(table, chosen, codelists)
        doc = _dataset_json(table, dims, metadata=False)
        missing = np.isnan(values.ravel())
        if table.missing_symbol and missing.any():
            doc["status"] = {str(i): table.missing_symbol for i in np.flatnonzero(missing)}
        head = orjson.dumps(doc)
        payload = head[:-1] + b',"value":[' + _values_text(values) + b"]}"
        return _Response(200, payload, cells=cells)

    # -- KLASS

    def _klass(self, path: str, query: list[tuple[str, str]]) -> _Response:
        params = dict(query)
        match = re.fullmatch(r"/classifications/(\d+)/(codesAt|changes)(?:\.json)?", path)
        if not match:
            return _Response(404, b"Not Found", "text/plain")
        classification, what = int(match.group(1)), match.group(2)
        if classification not in (131, 104):
            return _Response(
                404,
                f"Classification not found with id = {classification}".encode(),
                "text/plain;charset=UTF-8",
            )
        try:
            if what == "codesAt":
                at = date.fromisoformat(params["date"])
                return self._codes_at(classification, at)
            start = date.fromisoformat(params["from"])
            end = date.fromisoformat(params["to"]) if params.get("to") else date.max
        except (KeyError, ValueError) as exc:
            return _Response(400, f"Invalid request: {exc}".encode(), "text/plain;charset=UTF-8")
        if classification != 131:
            return _json({"codeChanges": []})
        _, _, rows = self.data.klass()
        changes = [
            {
                "oldCode": r["oldCode"],
                "oldName": r["oldName"],
                "oldShortName": r.get("oldShortName") or "",
                "newCode": r["newCode"],
                "newName": r["newName"],
                "newShortName": r.get("newShortName") or "",
                "changeOccurred": r["changeOccurred"],
            }
            for r in rows
            if start <= date.fromisoformat(r["changeOccurred"]) < end
        ]
        return _json({"codeChanges": changes})

    def _codes_at(self, classification: int, at: date) -> _Response:
        if classification == 104:
            counties = regions.counties_at(at)
            return _json({"codes": [_klass_code(c, n) for c, n in sorted(counties.items())]})
        body, _, _ = self.data.klass()
        if at >= date(2024, 1, 1):
            return _json(body)
        history = self.data.history()
        try:
            codes = sorted(history.valid_codes_at(at))
        except ValueError as exc:
            return _Response(400, str(exc).encode(), "text/plain;charset=UTF-8")
        names = self.data.names()
        listed = [_klass_code(c, names.at(c, at)) for c in codes]
        return _json({"codes": [*listed, _klass_code("9999", "Uoppgitt")]})


def _klass_code(code: str, name: str) -> dict[str, Any]:
    return {
        "code": code,
        "parentCode": None,
        "level": "1",
        "name": name,
        "shortName": "",
        "presentationName": "",
        "validFrom": None,
        "validTo": None,
        "notes": "",
    }


def _split_items(value: str) -> list[str]:
    """`0301,[range(2017,2019)],top(1)` → items; commas inside brackets stay."""
    items, depth, current = [], 0, []
    for ch in value:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "," and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return [i.strip() for i in items if i.strip()]


def _extract(
    table: _Table, chosen: dict[str, list[str]], codelists: dict[str, _Codelist]
) -> tuple[np.ndarray, list[tuple[_Dim, list[str], list[str]]]]:
    values = table.values
    time_axis = table.dims.index(table.time)
    # Code lists first (an aggregation weighs each year on its own), then the selection.
    for axis, dim in enumerate(table.dims):
        cl = codelists.get(dim.id)
        if cl is None:
            continue
        if cl.weights is not None:
            values = _aggregate(values, axis, time_axis, cl.weights)
        else:
            values = np.take(values, cl.members, axis=axis)
    dims = []
    for axis, dim in enumerate(table.dims):
        cl = codelists.get(dim.id)
        codes = cl.codes if cl else dim.codes
        labels = cl.labels if cl else dim.labels
        if dim.id in chosen:
            at = {c: i for i, c in enumerate(codes)}
            idx = [at[c] for c in chosen[dim.id]]
            values = np.take(values, idx, axis=axis)
            dims.append((dim, chosen[dim.id], [labels[i] for i in idx]))
        else:
            dims.append((dim, [], []))  # eliminated below
    for axis in reversed(range(len(table.dims))):
        dim = table.dims[axis]
        if dim.id in chosen:
            continue
        if dim.elimination_code is not None:
            values = np.take(values, dim.codes.index(dim.elimination_code), axis=axis)
        else:
            present = ~np.isnan(values)
            summed = np.nansum(values, axis=axis)
            values = np.where(present.any(axis=axis), summed, np.nan)
        del dims[axis]
    return values, dims


def _aggregate(values: np.ndarray, axis: int, time_axis: int, weights: np.ndarray) -> np.ndarray:
    moved = np.moveaxis(values, (axis, time_axis), (-2, -1))  # (..., source, time)
    present = (~np.isnan(moved)).astype(float)
    filled = np.nan_to_num(moved)
    out = np.empty((*moved.shape[:-2], weights.shape[1], moved.shape[-1]))
    for t in range(moved.shape[-1]):
        w = weights[t]
        total = filled[..., t] @ w.T
        seen = present[..., t] @ (w > 0).T.astype(float)
        out[..., t] = np.where(seen > 0, total, np.nan)
    return np.moveaxis(out, (-2, -1), (axis, time_axis))


def _json(body: Any) -> _Response:
    return _Response(200, orjson.dumps(body))


def _send(
    handler: BaseHTTPRequestHandler, response: _Response, *, cut_at: int | None = None
) -> None:
    try:
        handler.send_response(response.status)
        handler.send_header("Content-Type", response.content_type)
        handler.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            handler.send_header(name, value)
        if cut_at is not None:
            handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(response.body if cut_at is None else response.body[:cut_at])
        handler.wfile.flush()
    except (BrokenPipeError, ConnectionResetError):
        pass
    if cut_at is not None:
        handler.close_connection = True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeSsb/1.0"
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def do_GET(self) -> None:  # noqa: N802 - the name http.server looks for
        self.server.app.handle(self, "GET")  # type: ignore[attr-defined]

    def do_POST(self) -> None:  # noqa: N802
        self.server.app.handle(self, "POST")  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        pass


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description="Falsk SSB (PxWebApi v2 og KLASS) med de ekte dataene, for utvikling."
    )
    parser.add_argument("--port", type=int, default=8089, help="porten å lytte på (0 = ledig)")
    parser.add_argument("--host", default="127.0.0.1", help="adressen å lytte på")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA_DIR, help="mappen med SSB-dataene"
    )
    parser.add_argument(
        "--no-rate-limit", action="store_true", help="ikke svar 429 etter 30 forespørsler i 60 s"
    )
    args = parser.parse_args(argv)
    fake = FakeSsb(
        args.data,
        host=args.host,
        port=args.port,
        rate_limit=None if args.no_rate_limit else (30, 60.0),
    ).start()
    print(f"PxWebApi v2: {fake.pxweb_url}  (TEMAPLAN_SSB_API)")
    print(f"KLASS:       {fake.klass_url}  (TEMAPLAN_KLASS_API)")
    print("Stopp med Ctrl-C.")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        fake.stop()


if __name__ == "__main__":
    main()
